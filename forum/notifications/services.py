"""Notices: what tells a member that something happened, in the site ("Notiser") and by e-mail.

Every feature that has something to tell a member calls ``notify``::

    from forum.models import Notice
    from forum.notifications.services import notify

    notify([post.poster], Notice.Kind.REACTION, actor=request.user, post=post, text="Tack")

inside the transaction that makes the change. Once it commits, a task records one ``Notice`` per
recipient (never for the actor, never for someone who may not read the topic's forum, never twice
for the same post, kind, actor and text: a task run again, or a reaction taken back and given
again) and e-mails those who want e-mail about that kind at once; the rest
find it on the "Notiser" page and, if they chose so, in the digest.
"""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.signals import post_delete
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task
from machina.core.db.models import get_model

from arena.links import absolute_url
from arena.tasks import mail_task
from forum.machina.links import post_url, topic_url
from forum.machina.permissions import PermissionHandler
from forum.membership.display_names import display_name_only
from forum.models import ForumSubscription, Notice, NotificationSettings

from .links import one_line, unsubscribe_url

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")

# Which setting decides whether a kind of notice is e-mailed; the kinds not listed are shown only
# in the site (a reaction), or have an e-mail of their own (a hidden post: forum/moderation).
EMAIL_SETTING = {
    Notice.Kind.REPLY: "reply_email",
    Notice.Kind.NEW_TOPIC: "reply_email",
    Notice.Kind.CONCLUSION: "reply_email",
    Notice.Kind.MENTION: "mention_email",
}


def notify(recipients, kind, *, actor=None, post=None, topic=None, text=""):
    """Tells each recipient (users or user ids) about something the actor did to a post or topic,
    once the current transaction commits. ``text`` is shown with it: the reaction's name, or for
    a moderation notice the whole sentence ("Ditt inlägg … har godkänts.")."""
    recipient_ids = sorted({getattr(recipient, "pk", recipient) for recipient in recipients})
    if not recipient_ids:
        return
    transaction.on_commit(
        partial(
            record_notices_task.enqueue,
            kind,
            recipient_ids,
            actor_id=getattr(actor, "pk", None),
            post_id=getattr(post, "pk", None),
            topic_id=getattr(topic, "pk", None),
            text=text,
        )
    )


@task
def record_notices_task(kind, recipient_ids, actor_id=None, post_id=None, topic_id=None, text=""):
    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first() if post_id else None
    topic = Topic.objects.select_related("forum").filter(pk=topic_id).first() if topic_id else None
    if (post_id and post is None) or (topic_id and topic is None):
        return 0  # deleted before the task ran: nothing to point at
    return len(record_notices(kind, recipient_ids, actor_id=actor_id, post=post, topic=topic, text=text))


def record_notices(kind, recipient_ids, *, actor_id=None, post=None, topic=None, text=""):
    """Records the notices now and enqueues their e-mail; returns the notices recorded."""
    topic = topic or (post.topic if post is not None else None)
    users = (
        get_user_model()
        .objects.filter(pk__in=list(recipient_ids), is_active=True)
        .exclude(pk=actor_id)
        .select_related("notification_settings")
        .prefetch_related("groups")
    )
    if post is not None:
        told = Notice.objects.filter(post=post, kind=kind, actor_id=actor_id, text=text)
        users = users.exclude(pk__in=told.values("recipient"))
    if topic is not None:
        users = readers(topic.forum, users)
    notices = Notice.objects.bulk_create(
        Notice(recipient=user, kind=kind, actor_id=actor_id, post=post, topic=topic, text=text) for user in users
    )
    forget_for_members("unread", [notice.recipient_id for notice in notices])
    for notice in notices:
        if notice.recipient.email and email_choice(notice.recipient, kind) == NotificationSettings.Email.IMMEDIATELY:
            send_notice_email.enqueue(notice.pk)
    return notices


def readers(forum, users):
    """The users who may read the forum, in the order given; their groups prefetched, this asks
    the database nothing more per user."""
    handler = PermissionHandler()
    result = []
    for user in users:
        user._arena_forum_groups = {group.name for group in user.groups.all()}
        if handler.can_read_forum(forum, user):
            result.append(user)
    return result


def settings_of(user):
    """The member's notification settings, or the defaults for a member who never chose."""
    try:
        return user.notification_settings
    except NotificationSettings.DoesNotExist:
        return NotificationSettings(user=user)


def email_choice(user, kind):
    """When the user wants e-mail about this kind of notice: at once, in the digest or never."""
    field = EMAIL_SETTING.get(kind)
    if field is None:
        return NotificationSettings.Email.NEVER
    return getattr(settings_of(user), field)


# --- What a notice says ----------------------------------------------------------------------------


def person(user):
    """Someone as a notice names them: by display name only."""
    return display_name_only(user) if user is not None else "Någon"


def describe(notice):
    """The notice in one Swedish sentence, the same on the page and in the e-mail."""
    actor = person(notice.actor)
    topic = notice.topic or (notice.post.topic if notice.post_id else None)
    subject = f"”{topic.subject}”" if topic is not None else ""
    match notice.kind:
        case Notice.Kind.REPLY:
            return f"{actor} har skrivit ett nytt inlägg i ämnet {subject}."
        case Notice.Kind.MENTION:
            return f"{actor} nämnde dig i ämnet {subject}."
        case Notice.Kind.REACTION:
            reaction = f" ({notice.text})" if notice.text else ""
            return f"{actor} reagerade på ditt inlägg i ämnet {subject}{reaction}."
        case Notice.Kind.CONCLUSION:
            return f"{actor} har skrivit en slutsats i ämnet {subject}."
        case Notice.Kind.NEW_TOPIC:
            return f"{actor} har startat ämnet {subject} i forumet {topic.forum.name}."
        case _:
            return notice.text or f"En moderator har gått igenom ditt inlägg i ämnet {subject}."


def link(notice):
    """Where the notice leads: the exact post, else the topic."""
    if notice.post_id:
        return post_url(notice.post)
    if notice.topic_id:
        return topic_url(notice.topic)
    return reverse("notices:list")


EMAIL_SUBJECTS = {
    Notice.Kind.REPLY: "Nytt inlägg i {topic}",
    Notice.Kind.MENTION: "{actor} nämnde dig i {topic}",
    Notice.Kind.CONCLUSION: "Slutsats i {topic}",
    Notice.Kind.NEW_TOPIC: "Nytt ämne: {topic}",
}


@mail_task
def send_notice_email(notice_id):
    """E-mails one notice to its recipient, unless they have already seen it in the site."""
    notice = (
        Notice.objects.select_related(
            "recipient__member_profile", "actor__member_profile", "post__topic__forum", "topic__forum"
        )
        .filter(pk=notice_id, read_at__isnull=True)
        .first()
    )
    if notice is None:
        return 0
    recipient = notice.recipient
    topic = notice.topic or notice.post.topic
    headers = {}
    unsubscribe = None
    if notice.kind == Notice.Kind.REPLY:
        unsubscribe = unsubscribe_url(recipient, topic)
        headers = {"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    context = {
        "notice": notice,
        "summary": describe(notice),
        "topic": topic,
        "recipient_name": person(recipient),
        "url": absolute_url(link(notice)),
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url(reverse("accounts:overview")),
    }
    subject = EMAIL_SUBJECTS[notice.kind].format(topic=f"”{topic.subject}”", actor=person(notice.actor))
    message = EmailMultiAlternatives(
        subject=one_line(subject),
        body=render_to_string("notifications/email/notice.txt", context),
        to=[recipient.email],
        headers=headers,
    )
    message.attach_alternative(render_to_string("notifications/email/notice.html", context), "text/html")
    message.send()
    return 1


# --- Reading them ----------------------------------------------------------------------------------
# Every page a member sees shows the unread count in its header, and every forum page whether they
# follow it: both are kept per member in the shared cache until they change, so they cost no query.


def _member_key(name, user_id):
    return f"notices.{name}.{user_id}"


def cached_for_member(name, user, build):
    if not settings.CONTENT_CACHE_SECONDS:
        return build()
    key = _member_key(name, user.pk)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.CONTENT_CACHE_SECONDS)
    return value


def forget_for_members(name, user_ids):
    """Drops the cached values at once and again after the commit, so a page rendered in between
    cannot keep the old one."""
    keys = [_member_key(name, user_id) for user_id in user_ids]
    cache.delete_many(keys)
    transaction.on_commit(partial(cache.delete_many, keys))


def unread_count(user):
    return cached_for_member(
        "unread", user, lambda: Notice.objects.filter(recipient=user, read_at__isnull=True).count()
    )


def followed_forum_ids(user):
    return cached_for_member(
        "forums", user, lambda: set(ForumSubscription.objects.filter(user=user).values_list("forum", flat=True))
    )


def mark_read(user, notice_ids=None):
    """Marks the user's notices read: those with the given ids, or all of them."""
    notices = Notice.objects.filter(recipient=user, read_at__isnull=True)
    if notice_ids is not None:
        notices = notices.filter(pk__in=notice_ids)
    marked = notices.update(read_at=timezone.now())
    forget_for_members("unread", [user.pk])
    return marked


def set_forum_followed(user, forum, follow):
    if follow:
        ForumSubscription.objects.get_or_create(user=user, forum=forum)
    else:
        ForumSubscription.objects.filter(user=user, forum=forum).delete()
    forget_for_members("forums", [user.pk])


def notice_deleted(sender, instance, **kwargs):
    """A notice goes with its post or topic: the member's count must not keep it."""
    forget_for_members("unread", [instance.recipient_id])


def connect_signals():
    post_delete.connect(notice_deleted, sender=Notice, dispatch_uid="arena_forum_notice_deleted")
