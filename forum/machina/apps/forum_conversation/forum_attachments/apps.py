from machina.apps.forum_conversation.forum_attachments.apps import ForumAttachmentsAppConfig


class ArenaForumAttachmentsConfig(ForumAttachmentsAppConfig):
    """Keeps machina's label ``forum_attachments``, so its migrations (copied here) stay applied."""

    name = "forum.machina.apps.forum_conversation.forum_attachments"
    default = True
