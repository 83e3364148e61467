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
        from django.contrib.auth import get_user_model
        from machina.core.db.models import get_model

        from arena.page_cache import invalidate_on_change

        from .machina import checks, counters, slugs, tracking, view_counts  # noqa: F401 - checks registers itself
        from .membership.display_names import member_display_name
        from .models import Conclusion, MemberProfile, PageDiscussion, Reaction
        from .notifications import emails as notifications
        from .notifications import services as notices

        notifications.connect_signals()
        notices.connect_signals()
        counters.connect_signals()
        slugs.connect_signals()
        tracking.connect_signals()
        view_counts.connect_signals()

        # What the cached forum pages show: forums, topics and posts (new, edited, approved, hidden,
        # locked, moved, deleted), conclusions, polls, attachments, reactions, who may read, authors'
        # names and profiles, and which pages the topics are about.
        invalidate_on_change(
            *(
                get_model(app_label, name)
                for app_label, name in (
                    ("forum", "Forum"),
                    ("forum_conversation", "Topic"),
                    ("forum_conversation", "Post"),
                    ("forum_polls", "TopicPoll"),
                    ("forum_polls", "TopicPollOption"),
                    ("forum_polls", "TopicPollVote"),
                    ("forum_attachments", "Attachment"),
                    ("forum_member", "ForumProfile"),
                    ("forum_permission", "GroupForumPermission"),
                    ("forum_permission", "UserForumPermission"),
                )
            ),
            MemberProfile,
            Conclusion,
            Reaction,
            PageDiscussion,
        )
        invalidate_on_change(get_user_model(), ignore_fields={"last_login"})

        # machina calls the method named in MACHINA_USER_DISPLAY_NAME_METHOD on the user to show
        # who wrote a post; this gives Django's own user model that method without swapping it.
        get_user_model().add_to_class("get_member_display_name", member_display_name)
