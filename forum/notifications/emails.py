"""E-mail to topic subscribers when a post becomes visible, and one-click unsubscribe.

A post becomes visible when it is saved approved: at once for members who may post without
approval, or later when a moderator approves it in machina's moderation queue. The author of a
post is subscribed to its topic, so they hear about replies. Mail goes out through django-tasks
after the transaction commits, so a slow mail server never slows down posting.

The unsubscribe link carries a signed token (user id + topic id) and works without logging in,
also as RFC 8058 one-click unsubscribe from the mail program (``List-Unsubscribe-Post``).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task
from machina.core.db.models import get_model
from machina.core.loading import get_class

from arena.links import absolute_url
from arena.tasks import mail_task
from forum.machina.links import post_url
from forum.membership.display_names import member_display_name

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
PermissionHandler = get_class("forum_permission.handler", "PermissionHandler")


UNSUBSCRIBE_SALT = "arena.forum.unsubscribe"

_muted = ContextVar("arena_forum_notifications_muted", default=False)


@contextmanager
def notifications_muted():
    """Posts saved inside this block e-mail nobody (demo content); authors are still subscribed."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


# --- Links ---------------------------------------------------------------------------------------


def unsubscribe_token(user, topic):
    return signing.dumps({"u": user.pk, "t": topic.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user, topic):
    return absolute_url(reverse("forum_unsubscribe", args=[unsubscribe_token(user, topic)]))


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


def connect_signals():
    pre_save.connect(remember_previous_approval, sender=Post, dispatch_uid="arena_forum_post_approval")
    post_save.connect(post_saved, sender=Post, dispatch_uid="arena_forum_post_saved")


# --- The tasks -----------------------------------------------------------------------------------


@task
def send_post_notifications(post_id):
    """E-mails every subscriber of the post's topic except its author, one task per recipient, so
    that a mail error is retried for that recipient alone and nobody gets the same mail twice."""
    post = Post.objects.select_related("topic__forum", "poster").filter(pk=post_id, approved=True).first()
    if post is None or post.reports.filter(status="hidden").exists():
        # Deleted again, or a post a moderator hid and later let back in: nothing new to tell.
        return 0
    subscribers = post.topic.subscribers.filter(is_active=True).exclude(email="")
    if post.poster_id:
        subscribers = subscribers.exclude(pk=post.poster_id)
    # Someone who may no longer read the forum (left Medlemmar, forum made members-only) hears nothing.
    handler = PermissionHandler()
    readers = [subscriber for subscriber in subscribers if handler.can_read_forum(post.topic.forum, subscriber)]
    for subscriber in readers:
        send_post_notification.enqueue(post.pk, subscriber.pk)
    return len(readers)


@mail_task
def send_post_notification(post_id, subscriber_id):
    post = Post.objects.select_related("topic__forum", "poster").get(pk=post_id)
    subscriber = get_user_model().objects.get(pk=subscriber_id)
    unsubscribe = unsubscribe_url(subscriber, post.topic)
    context = {
        "post": post,
        "topic": post.topic,
        "author": author_name(post),
        "recipient_name": member_display_name(subscriber),
        "post_url": absolute_url(post_url(post)),
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMultiAlternatives(
        subject=f"Nytt inlägg i ”{one_line(post.topic.subject)}”",
        body=render_to_string("notifications/email/post_notification.txt", context),
        to=[subscriber.email],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(render_to_string("notifications/email/post_notification.html", context), "text/html")
    message.send()


def one_line(text):
    """text without line breaks, which an e-mail header must not contain."""
    return " ".join(text.split())


def author_name(post):
    """The author as the forum shows them: by display name, never by name or e-mail address."""
    if post.poster_id:
        return member_display_name(post.poster)
    return post.username or "En besökare"
