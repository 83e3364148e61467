"""The form a moderator (or the topic's starter) concludes a conversation with."""

from django import forms
from django.utils import timezone

from forum.models import MAX_CONCLUSION_LENGTH, Conclusion

FIRST_PLAN_YEAR = 2000
LAST_PLAN_YEAR = 2100


class ConclusionForm(forms.ModelForm):
    lock = forms.BooleanField(
        label="Lås ämnet så att inga fler svar kan skrivas",
        required=False,
        help_text="Lämna rutan tom om samtalet ska fortsätta efter slutsatsen.",
    )

    class Meta:
        model = Conclusion
        fields = ["text", "follow_up", "follow_up_year", "follow_up_note"]
        labels = {
            "text": "Slutsats",
            "follow_up": "Uppföljning",
            "follow_up_year": "Verksamhetsplanens år",
            "follow_up_note": "Annan uppföljning",
        }
        help_texts = {
            "text": f"Vad kom samtalet fram till? Kort och begripligt för den som inte läst tråden. "
            f"Högst {MAX_CONCLUSION_LENGTH} tecken. Du kan använda Markdown, som i inläggen.",
            "follow_up_year": "Fyll i om slutsatsen går vidare till verksamhetsplanen.",
            "follow_up_note": "Fyll i om du valde ”Annan uppföljning”, till exempel ”Tas upp på nästa frukostmöte”.",
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "follow_up": forms.RadioSelect,
            "follow_up_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        error_messages = {
            "text": {
                "required": "Skriv slutsatsen.",
                "max_length": "Slutsatsen är för lång: högst %(limit_value)d tecken (nu %(show_value)d).",
            },
            "follow_up_year": {"invalid": "Skriv året med fyra siffror, till exempel 2027."},
        }

    def __init__(self, *args, topic, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.topic = topic
        self.fields["lock"].initial = topic.is_locked if self.instance.pk else True
        if not self.instance.pk:
            self.fields["follow_up_year"].initial = timezone.localdate().year + 1

    def clean(self):
        cleaned_data = super().clean()
        follow_up = cleaned_data.get("follow_up")
        year = cleaned_data.get("follow_up_year")
        if follow_up == Conclusion.FollowUp.ACTIVITY_PLAN:
            if year is None and "follow_up_year" not in self.errors:
                self.add_error("follow_up_year", "Skriv vilket års verksamhetsplan slutsatsen går vidare till.")
            elif year is not None and not FIRST_PLAN_YEAR <= year <= LAST_PLAN_YEAR:
                self.add_error("follow_up_year", "Skriv året med fyra siffror, till exempel 2027.")
        else:
            cleaned_data["follow_up_year"] = None
        if follow_up == Conclusion.FollowUp.OTHER and not cleaned_data.get("follow_up_note", "").strip():
            self.add_error("follow_up_note", "Skriv vilken uppföljning det blir, eller välj ett annat alternativ.")
        elif follow_up != Conclusion.FollowUp.OTHER:
            cleaned_data["follow_up_note"] = ""
        return cleaned_data
