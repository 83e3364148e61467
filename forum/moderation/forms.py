"""Forms for reporting a post and for handling a report."""

from django import forms

from forum.models import PostReport


class PostReportForm(forms.ModelForm):
    class Meta:
        model = PostReport
        fields = ["reason"]
        labels = {"reason": "Varför anmäler du inlägget?"}
        help_texts = {
            "reason": "Beskriv kort vad som är fel, till exempel personangrepp, reklam eller felaktiga uppgifter."
        }
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"reason": {"required": "Skriv varför du anmäler inlägget."}}


class VisitorPostReportForm(PostReportForm):
    """The report form for visitors who are not logged in: an optional address for questions, and
    a field people never see that bots fill in (HONEYPOT_FIELD)."""

    website = forms.CharField(
        label="Lämna detta fält tomt",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta(PostReportForm.Meta):
        fields = ["reason", "reporter_email"]
        labels = {**PostReportForm.Meta.labels, "reporter_email": "Din e-postadress"}
        help_texts = {
            **PostReportForm.Meta.help_texts,
            "reporter_email": "Frivilligt. Fyll i om moderatorerna får kontakta dig med frågor om anmälan.",
        }
        widgets = {**PostReportForm.Meta.widgets, "reporter_email": forms.EmailInput(attrs={"autocomplete": "email"})}
        error_messages = {
            **PostReportForm.Meta.error_messages,
            "reporter_email": {"invalid": "Skriv en giltig e-postadress, till exempel namn@exempel.se."},
        }


class HandleReportForm(forms.Form):
    HIDE = "hide"
    DISMISS = "dismiss"

    action = forms.ChoiceField(choices=[(HIDE, "Dölj inlägget"), (DISMISS, "Avfärda anmälan")])
    note = forms.CharField(
        label="Kommentar",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Skickas till den som skrev inlägget om du döljer det.",
    )
