"""Forms visitors fill in on the public pages."""

from django import forms

from arena.forms import SingleLineCharField
from home.models import EventRegistration


class EventRegistrationForm(forms.ModelForm):
    """Name, e-mail address and organisation of a person registering for an event."""

    class Meta:
        model = EventRegistration
        fields = ["name", "email", "organisation"]
        field_classes = {"name": SingleLineCharField, "organisation": SingleLineCharField}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def clean_email(self):
        return self.cleaned_data["email"].strip()
