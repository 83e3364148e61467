"""The digest ("sammanfattning"): one e-mail a day or a week to each member who asked for it.

``manage.py send_digest --frequency daily|weekly`` (deploy/cron/arena) sends it for the period that
ended last midnight (daily) or last Monday at midnight (weekly), Swedish time. Each member gets:

- the notices they chose to get "i sammanfattningen" and have not read (replies, mentions, new
  topics in forums they follow, conclusions);
- new topics, busy conversations (at least BUSY_POSTS new posts) and conclusions of the period, in the forums
  the member may read (machina's permissions, per member, from the permissions cached per group
  set), except their own topics and topics they have read since their last post;
- what other parts of the site register with ``register_digest_source`` (``home`` registers
  upcoming events and news; ``forum`` never imports ``home``).

A ``DigestDelivery`` row per member and period is written with the mail's enqueueing, in one
transaction: a period is never sent twice, and a run that stopped half-way, run again, sends only
the rest. A member with nothing new gets no mail. The queries are a fixed number for the run plus
a fixed number per recipient.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from machina.core.db.models import get_model

from arena.tasks import mail_task
from forum.machina.links import topic_url
from forum.machina.permissions import PermissionHandler
from forum.models import DigestDelivery, Notice, NotificationSettings

from .links import absolute_url
from .services import EMAIL_SETTING, describe, link, person

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")
ForumReadTrack = get_model("forum_tracking", "ForumReadTrack")

BUSY_POSTS = 3
MAX_TOPICS = 10
DIGEST_UNSUBSCRIBE_SALT = "arena.forum.digest-unsubscribe"
Frequency = NotificationSettings.Frequency


@dataclass(frozen=True)
class DigestItem:
    """One line of the digest: a title, where it leads (a path on the site) and a short detail."""

    title: str
    path: str
    detail: str = ""


@dataclass(frozen=True)
class DigestSource:
    """A section of the digest from another app: ``collect(start, end)`` returns DigestItems."""

    heading: str
    collect: object


_sources = []


def register_digest_source(heading, collect):
    """Adds a section (public content: everyone who gets the digest may see it) to every digest."""
    _sources.append(DigestSource(heading, collect))


def period_ending(frequency, now=None):
    """(start, end) of the last whole period before now: yesterday, or last week Monday to Monday."""
    today = timezone.localtime(now or timezone.now()).date()
    if frequency == Frequency.WEEKLY:
        end_day = today - datetime.timedelta(days=today.weekday())
        start_day = end_day - datetime.timedelta(days=7)
    else:
        end_day = today
        start_day = end_day - datetime.timedelta(days=1)
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start_day, datetime.time(), tzinfo=zone),
        datetime.datetime.combine(end_day, datetime.time(), tzinfo=zone),
    )


def unsubscribe_token(user):
    return signing.dumps({"u": user.pk}, salt=DIGEST_UNSUBSCRIBE_SALT)


def _forum_topics(start, end):
    """The period's new topics, busy conversations and topics concluded, with their forums."""
    visible = Topic.objects.filter(approved=True).select_related("forum")
    new = list(visible.filter(created__gte=start, created__lt=end).order_by("-created")[:200])
    busy = list(
        visible.filter(last_post_on__gte=start, last_post_on__lt=end)
        .exclude(pk__in=[topic.pk for topic in new])
        .annotate(
            new_posts=Count("posts", filter=Q(posts__approved=True, posts__created__gte=start, posts__created__lt=end))
        )
        .filter(new_posts__gte=BUSY_POSTS)
        .order_by("-new_posts", "-last_post_on")[:200]
    )
    concluded = list(
        visible.filter(conclusion__concluded_at__gte=start, conclusion__concluded_at__lt=end).order_by(
            "-conclusion__concluded_at"
        )[:200]
    )
    return new, busy, concluded


def _read_topics(users, topics):
    """{user id: ids of the topics they have read since their last post} for all users at once."""
    if not topics or not users:
        return {}
    by_pk = {topic.pk: topic for topic in topics}
    read = defaultdict(set)
    tracks = TopicReadTrack.objects.filter(
        user__in=users, topic__in=list(by_pk), mark_time__gte=F("topic__last_post_on")
    )
    for user_id, topic_id in tracks.values_list("user", "topic"):
        read[user_id].add(topic_id)
    forum_tracks = ForumReadTrack.objects.filter(user__in=users, forum__in={topic.forum_id for topic in topics})
    for user_id, forum_id, mark_time in forum_tracks.values_list("user", "forum", "mark_time"):
        read[user_id].update(
            topic.pk for topic in topics if topic.forum_id == forum_id and topic.last_post_on <= mark_time
        )
    return read


def _digest_notices(users, start, end):
    """{user id: their unread notices of the period that they chose to get in the digest}."""
    wanted = defaultdict(list)
    notices = (
        Notice.objects.filter(recipient__in=users, read_at__isnull=True, created__lt=end, created__gte=start)
        .filter(kind__in=list(EMAIL_SETTING))
        .select_related("actor__member_profile", "post__topic__forum", "topic__forum")
        .order_by("-created")
    )
    choices = {user.pk: user for user in users}
    for notice in notices:
        user = choices[notice.recipient_id]
        if getattr(user.notification_settings, EMAIL_SETTING[notice.kind]) == NotificationSettings.Email.DIGEST:
            wanted[notice.recipient_id].append(notice)
    return wanted


def recipients(frequency, period_end):
    """Members who asked for this digest, have an address and have not had it for this period."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, notification_settings__digest_frequency=frequency)
        .exclude(email="")
        .exclude(pk__in=DigestDelivery.objects.filter(frequency=frequency, period_end=period_end).values("user"))
        .select_related("notification_settings", "member_profile")
        .prefetch_related("groups")
        .order_by("pk")
    )


def send_digests(frequency, now=None):
    """Sends the digest of the last whole period to everyone who asked for it; returns how many."""
    start, end = period_ending(frequency, now)
    users = recipients(frequency, end)
    if not users:
        return 0
    new_topics, busy_topics, concluded_topics = _forum_topics(start, end)
    read = _read_topics(users, new_topics + busy_topics)
    notices = _digest_notices(users, start, end)
    sections = [(source.heading, source.collect(start, end)) for source in _sources]
    handler = PermissionHandler()
    readable = {}
    sent = 0
    for user in users:
        user._arena_forum_groups = {group.name for group in user.groups.all()}

        mine = notices.get(user.pk, [])
        told = {notice.topic_id for notice in mine}
        # Topics the member started, has read since, or hears about under "Till dig" already.
        skipped = read.get(user.pk, set()) | told

        def fresh(topics, user=user, skipped=skipped):
            chosen = []
            for topic in topics:
                if topic.poster_id == user.pk or topic.pk in skipped:
                    continue
                key = (frozenset(user._arena_forum_groups), topic.forum_id)
                if key not in readable:
                    readable[key] = handler.can_read_forum(topic.forum, user)
                if readable[key]:
                    chosen.append(topic)
            return chosen[:MAX_TOPICS]

        context = {
            "recipient_name": person(user),
            "start": start,
            "end": end - datetime.timedelta(seconds=1),
            "frequency": frequency,
            "notices": [(describe(notice), absolute_url(link(notice))) for notice in mine],
            "new_topics": [(topic, absolute_url(topic_url(topic))) for topic in fresh(new_topics)],
            "busy_topics": [(topic, absolute_url(topic_url(topic))) for topic in fresh(busy_topics)],
            # A conclusion is news even in a topic the member has read; not twice if under "Till dig".
            "concluded_topics": [
                (topic, absolute_url(topic_url(topic))) for topic in fresh(concluded_topics, skipped=told)
            ],
            "sections": [
                (heading, [(item, absolute_url(item.path)) for item in items]) for heading, items in sections if items
            ],
            "unsubscribe_url": absolute_url(reverse("digest_unsubscribe", args=[unsubscribe_token(user)])),
            "settings_url": absolute_url(reverse("notices:settings")),
        }
        if not any(context[key] for key in ("notices", "new_topics", "busy_topics", "concluded_topics", "sections")):
            continue
        sent += _record_and_enqueue(user, frequency, start, end, context)
    return sent


def _record_and_enqueue(user, frequency, start, end, context):
    """Writes the delivery and enqueues the mail in one transaction; 0 if another run got there first."""
    subject = "Veckans sammanfattning" if frequency == Frequency.WEEKLY else "Dagens sammanfattning"
    try:
        with transaction.atomic():
            DigestDelivery.objects.create(user=user, frequency=frequency, period_start=start, period_end=end)
            transaction.on_commit(
                partial(
                    send_digest_mail.enqueue,
                    user.email,
                    f"{subject} från Arena Huddinge",
                    render_to_string("notifications/email/digest.txt", context),
                    render_to_string("notifications/email/digest.html", context),
                    context["unsubscribe_url"],
                )
            )
    except IntegrityError:
        return 0
    return 1


@mail_task
def send_digest_mail(to, subject, text, html, unsubscribe):
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[to],
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    message.send()
