"""Marking a topic read when a member views it, at one query when they have read it before.

machina's receiver reads the member's forum and topic tracks, rewrites the topic track and counts
the forum's unread topics on every view (six queries, one of them a write), to see whether the
whole forum has become read. Nothing of that changes while the member's mark is already later
than the topic's last post: the forum was checked when they read that post. Only then does this
receiver skip machina's work; every other view goes through machina's handler as before.
"""

from django.db.models import OuterRef, Subquery
from machina.apps.forum_conversation.signals import topic_viewed
from machina.apps.forum_tracking.receivers import update_user_trackers
from machina.core.db.models import get_model
from machina.core.loading import get_class

ForumReadTrack = get_model("forum_tracking", "ForumReadTrack")
Topic = get_model("forum_conversation", "Topic")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")

TrackingHandler = get_class("forum_tracking.handler", "TrackingHandler")


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
