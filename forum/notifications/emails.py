"""Notices when a post becomes visible: a reply to the topic's subscribers, a new topic to the
forum's subscribers.

A post becomes visible when it is saved approved: at once for members who may post without
approval, or later when a moderator approves it in machina's moderation queue. The author of a
post is subscribed to its topic, so they hear about replies. The notices are recorded, and mailed
to those who want mail at once, by django-tasks after the transaction commits, so a slow mail
server never slows down posting (forum/notifications/services.py).

The unsubscribe link carries a signed token (user id + topic id) and works without logging in,
also as RFC 8058 one-click unsubscribe from the mail program (``List-Unsubscribe-Post``).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django_tasks import task
from machina.core.db.models import get_model

from forum.models import ForumSubscription, Notice

from .mentions import mentioned_user_ids
from .services import notify, record_notices

Post = get_model("forum_conversation", "Post")

_muted = ContextVar("arena_forum_notifications_muted", default=False)


@contextmanager
def notifications_muted():
    """Posts saved inside this block notify nobody (demo content); authors are still subscribed."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


# --- Signals: subscribe the author, notice when a post becomes visible ----------------------------


def remember_previous_approval(sender, instance, **kwargs):
    instance._was_approved = bool(instance.pk) and sender.objects.filter(pk=instance.pk, approved=True).exists()


def post_saved(sender, instance, created, raw=False, **kwargs):
    if raw:  # loaddata (restore_site): the dump already holds the subscriptions
        return
    if created and instance.poster_id:
        instance.topic.subscribers.add(instance.poster_id)
    if instance.approved and not getattr(instance, "_was_approved", False) and not _muted.get():
        post_id = instance.pk
        transaction.on_commit(lambda: send_post_notifications.enqueue(post_id))
        if not created and instance.poster_id:  # a moderator let a waiting or hidden post in
            notify(
                [instance.poster_id],
                Notice.Kind.MODERATION,
                post=instance,
                text=f"Ditt inlägg i ämnet ”{instance.topic.subject}” har godkänts av en moderator och syns nu.",
            )


def connect_signals():
    pre_save.connect(remember_previous_approval, sender=Post, dispatch_uid="arena_forum_post_approval")
    post_save.connect(post_saved, sender=Post, dispatch_uid="arena_forum_post_saved")


# --- The task ------------------------------------------------------------------------------------


@task
def send_post_notifications(post_id):
    """Notices about a post that became visible: to the members it mentions, to the topic's
    subscribers, and for a topic's first post to the forum's subscribers; one each, the first that
    applies. Returns how many were recorded."""
    post = Post.objects.select_related("topic__forum", "poster").filter(pk=post_id, approved=True).first()
    if post is None or post.reports.filter(status="hidden").exists():
        # Deleted again, or a post a moderator hid and later let back in: nothing new to tell.
        return 0
    topic = post.topic
    told = {
        notice.recipient_id
        for notice in record_notices(
            Notice.Kind.MENTION, mentioned_user_ids(post.content.rendered), actor_id=post.poster_id, post=post
        )
    }
    if topic.first_post_id in (None, post.pk):
        followers = ForumSubscription.objects.filter(forum=topic.forum_id).values_list("user", flat=True)
        told.update(
            notice.recipient_id
            for notice in record_notices(Notice.Kind.NEW_TOPIC, followers, actor_id=post.poster_id, post=post)
        )
    subscribers = topic.subscribers.exclude(pk__in=told).values_list("pk", flat=True)
    told.update(
        notice.recipient_id
        for notice in record_notices(Notice.Kind.REPLY, subscribers, actor_id=post.poster_id, post=post)
    )
    return len(told)
