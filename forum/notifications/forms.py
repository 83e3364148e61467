"""The member's notification settings in "Mitt konto"."""

from django import forms

from forum.models import NotificationSettings


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["reply_email", "mention_email", "digest_frequency"]
        widgets = dict.fromkeys(fields, forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label = field.label[:1].lower() + field.label[1:]
            field.error_messages["required"] = f"Välj ett av alternativen för {label}."
