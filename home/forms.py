"""Forms visitors fill in on the public pages."""

from django import forms

from home.models import EventRegistration


class EventRegistrationForm(forms.ModelForm):
    """Name, e-mail address and organisation of a person registering for an event."""

    class Meta:
        model = EventRegistration
        fields = ["name", "email", "organisation"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_email(self):
        return self.cleaned_data["email"].strip()
