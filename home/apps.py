from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Wagtail editorial content: page types, blocks, site settings, navigation, demo content."""

    name = "home"
    verbose_name = "Webbplatsens innehåll"
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from forum.personal_data import register_source

        from .personal_data import (
            contact_messages_data,
            erase_contact_messages,
            erase_event_registrations,
            event_registrations_data,
        )

        register_source("anmälningar_till_evenemang", event_registrations_data, erase_event_registrations)
        register_source("meddelanden_via_kontaktformuläret", contact_messages_data, erase_contact_messages)
