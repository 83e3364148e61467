from django.apps import AppConfig


class HomeConfig(AppConfig):
    """Wagtail editorial content: page types, blocks, site settings, navigation, demo content."""

    name = "home"
    verbose_name = "Webbplatsens innehåll"
    default_auto_field = "django.db.models.AutoField"
