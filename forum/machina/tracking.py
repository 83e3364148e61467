"""Marking a topic read when a member views it, at one query when they have read it before; and
the list of a member's unread topics decided by the database.

machina's receiver reads the member's forum and topic tracks, rewrites the topic track and counts
the forum's unread topics on every view (six queries, one of them a write), to see whether the
whole forum has become read. Nothing of that changes while the member's mark is already later
than the topic's last post: the forum was checked when they read that post. Only then does this
receiver skip machina's work; every other view goes through machina's handler as before.
"""

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from machina.apps.forum_conversation.signals import topic_viewed
from machina.apps.forum_tracking.receivers import update_user_trackers
from machina.core.db.models import get_model
from machina.core.loading import get_class

ForumReadTrack = get_model("forum_tracking", "ForumReadTrack")
Topic = get_model("forum_conversation", "Topic")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")

Forum = get_model("forum", "Forum")

TrackingHandler = get_class("forum_tracking.handler", "TrackingHandler")
UnreadTopicsView = get_class("forum_tracking.views", "UnreadTopicsView")


def read_since_last_post(topic, user):
    """Whether the user's forum or topic track already marks the topic's last post as read."""

    def mark(tracks, **lookup):
        return Subquery(tracks.objects.filter(user=user, **lookup).values("mark_time")[:1])

    marks = (
        Topic.objects.filter(pk=topic.pk)
        .values(
            forum_mark=mark(ForumReadTrack, forum=OuterRef("forum")),
            topic_mark=mark(TopicReadTrack, topic=OuterRef("pk")),
        )
        .first()
    )
    last_post_on = topic.last_post_on
    if marks is None:
        return False
    if marks["forum_mark"] and (not last_post_on or marks["forum_mark"] >= last_post_on):
        return True
    return bool(marks["topic_mark"] and last_post_on and marks["topic_mark"] >= last_post_on)


def mark_topic_read(sender, topic, user, **kwargs):
    if user.is_authenticated and not read_since_last_post(topic, user):
        TrackingHandler().mark_topic_read(topic, user)


def connect_signals():
    topic_viewed.disconnect(update_user_trackers)
    topic_viewed.connect(mark_topic_read, dispatch_uid="arena_forum_mark_topic_read")


def unread(topics, user):
    """The topics the user has not read, by machina's rules (its TrackingHandler.get_unread_topics):
    a topic is unread when its own track is older than its last post, or, without a track of its
    own, when its forum's track is older, or when neither the topic nor its forum is tracked."""
    last_change = Coalesce("last_post_on", "created")
    topics = topics.annotate(
        topic_mark=Subquery(TopicReadTrack.objects.filter(user=user, topic=OuterRef("pk")).values("mark_time")[:1]),
        forum_mark=Subquery(ForumReadTrack.objects.filter(user=user, forum=OuterRef("forum")).values("mark_time")[:1]),
    )
    return topics.filter(
        Q(topic_mark__isnull=False, topic_mark__lt=last_change)
        | Q(topic_mark__isnull=True, forum_mark__isnull=False, forum_mark__lt=last_change)
        | Q(topic_mark__isnull=True, forum_mark__isnull=True)
    )


class ArenaUnreadTopicsView(UnreadTopicsView):
    """machina's list of unread topics, one page at a time. machina reads every topic of every
    readable forum into Python, picks the unread ones and asks again for those by id: 10,000
    topics, 0.6 s of CPU and a query with 10,000 parameters for a member who has read little."""

    def get_queryset(self):
        user = self.request.user
        forums = self.request.forum_permission_handler.get_readable_forums(Forum.objects.all(), user)
        return unread(Topic.approved_objects.filter(forum__in=forums), user).order_by("-last_post_on")
