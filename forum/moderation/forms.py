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
