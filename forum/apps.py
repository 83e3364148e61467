from django.apps import AppConfig


class ArenaForumConfig(AppConfig):
    """The forum around django-machina: membership, safe markup, notifications, reports.

    machina's own forum app already has the label ``forum``, so ours needs another one.
    """

    name = "forum"
    label = "arena_forum"
    verbose_name = "Forum och medlemskap"
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from . import notifications

        notifications.connect_signals()
