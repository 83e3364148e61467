from machina.apps.forum_moderation.apps import ForumModerationAppConfig


class ArenaForumModerationConfig(ForumModerationAppConfig):
    name = "forum.machina.apps.forum_moderation"
    default = True
