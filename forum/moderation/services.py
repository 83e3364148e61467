"""Readers report posts; moderators hide them or dismiss the report.

Hiding sets ``post.approved = False``: machina then leaves the post (and a topic whose first post
it is) out of every public listing, and it waits in machina's moderation queue like any post that
needs approval. The report keeps who handled it and when, and the author gets an e-mail saying why.
"""

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from machina.core.db.models import get_model

from arena.tasks import mail_task
from forum.membership.display_names import display_name_only
from forum.models import Notice, PostReport
from forum.notifications.links import one_line
from forum.notifications.services import notify
from forum.permissions import is_moderator

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")


def can_report(user, post, handler):
    """Whoever reads a visible post may report it (DSA art. 16: anyone, not only members), except
    its author."""
    return (
        (not user.is_authenticated or post.poster_id != user.pk)
        and post.approved
        and handler.can_read_forum(post.topic.forum, user)
    )


def moderated_forums(user, handler):
    """The forums whose reports the user handles: machina's moderation queue, or all for Moderatorer."""
    if not user.is_authenticated:
        return Forum.objects.none()
    if is_moderator(user):
        return Forum.objects.all()
    return Forum.objects.filter(pk__in=[forum.pk for forum in handler.get_moderation_queue_forums(user)])


def handles_reports(user, handler):
    """Whether the user works the report queue: no query once the handler knows their permissions."""
    return user.is_authenticated and (is_moderator(user) or bool(handler.get_moderation_queue_forums(user)))


def open_reports(user, handler):
    return (
        PostReport.objects.filter(status=PostReport.Status.OPEN, post__topic__forum__in=moderated_forums(user, handler))
        .select_related("post__topic__forum", "post__poster", "reporter")
        .order_by("created_at")
    )


@transaction.atomic
def hide_post(report, moderator, note):
    """Hides the reported post and closes every open report of it."""
    post = report.post
    post.approved = False
    post.save()
    reporters = _close_reports(report, moderator, note, PostReport.Status.HIDDEN)
    transaction.on_commit(lambda: send_post_hidden_notice.enqueue(report.pk))
    subject = post.topic.subject
    if post.poster_id:
        notify(
            [post.poster_id],
            Notice.Kind.MODERATION,
            post=post,
            text=f"Ditt inlägg i ämnet ”{subject}” har dolts av en moderator. Du har fått e-post om varför.",
        )
    notify(
        reporters,
        Notice.Kind.MODERATION,
        post=post,
        text=f"Tack för din anmälan av ett inlägg i ämnet ”{subject}”. En moderator har dolt inlägget.",
    )


@transaction.atomic
def dismiss_report(report, moderator, note):
    reporters = _close_reports(report, moderator, note, PostReport.Status.DISMISSED)
    notify(
        reporters,
        Notice.Kind.MODERATION,
        post=report.post,
        text=f"Tack för din anmälan av ett inlägg i ämnet ”{report.post.topic.subject}”. "
        "En moderator har gått igenom den och låter inlägget stå kvar.",
    )


def _close_reports(report, moderator, note, status):
    """Closes the report and the others of the same post; returns the ids of the members who made them."""
    now = timezone.now()
    others = PostReport.objects.filter(post=report.post, status=PostReport.Status.OPEN).exclude(pk=report.pk)
    reporters = {report.reporter_id, *others.values_list("reporter", flat=True)} - {None}
    others.update(status=status, handled_by=moderator, handled_at=now)
    report.status = status
    report.handled_by = moderator
    report.handled_at = now
    report.note = note
    report.save()
    return reporters


@mail_task
def send_post_hidden_notice(report_id):
    """Tells the author of a hidden post which post it was and why it was hidden."""
    report = PostReport.objects.select_related("post__topic", "post__poster").get(pk=report_id)
    author = report.post.poster
    if author is None or not author.email:
        return 0
    context = {
        "report": report,
        "post": report.post,
        "topic": report.post.topic,
        "recipient_name": display_name_only(author),
    }
    message = EmailMultiAlternatives(
        subject=f"Ditt inlägg i ”{one_line(report.post.topic.subject)}” har dolts",
        body=render_to_string("moderation/email/post_hidden.txt", context),
        to=[author.email],
    )
    message.attach_alternative(render_to_string("moderation/email/post_hidden.html", context), "text/html")
    message.send()
    return 1
