"""Members report posts; moderators hide them or dismiss the report.

Hiding sets ``post.approved = False``: machina then leaves the post (and a topic whose first post
it is) out of every public listing, and it waits in machina's moderation queue like any post that
needs approval. The report keeps who handled it and when, and the author gets an e-mail saying why.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from machina.core.db.models import get_model

from arena.tasks import mail_task

from .models import PostReport
from .notifications import one_line, post_url
from .permissions import is_forum_member, is_moderator

Forum = get_model("forum", "Forum")
Post = get_model("forum_conversation", "Post")


# --- Rules ---------------------------------------------------------------------------------------


def can_report(user, post, handler):
    """Members and moderators may report someone else's visible post in a forum they can read."""
    return (
        is_forum_member(user)
        and post.poster_id != user.pk
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
    _close_reports(report, moderator, note, PostReport.Status.HIDDEN)
    transaction.on_commit(lambda: send_post_hidden_notice.enqueue(report.pk))


@transaction.atomic
def dismiss_report(report, moderator, note):
    _close_reports(report, moderator, note, PostReport.Status.DISMISSED)


def _close_reports(report, moderator, note, status):
    now = timezone.now()
    PostReport.objects.filter(post=report.post, status=PostReport.Status.OPEN).exclude(pk=report.pk).update(
        status=status, handled_by=moderator, handled_at=now
    )
    report.status = status
    report.handled_by = moderator
    report.handled_at = now
    report.note = note
    report.save()


@mail_task
def send_post_hidden_notice(report_id):
    """Tells the author of a hidden post which post it was and why it was hidden."""
    report = PostReport.objects.select_related("post__topic", "post__poster").get(pk=report_id)
    author = report.post.poster
    if author is None or not author.email:
        return 0
    context = {"report": report, "post": report.post, "topic": report.post.topic, "recipient": author}
    message = EmailMultiAlternatives(
        subject=f"Ditt inlägg i ”{one_line(report.post.topic.subject)}” har dolts",
        body=render_to_string("forum/email/post_hidden.txt", context),
        to=[author.email],
    )
    message.attach_alternative(render_to_string("forum/email/post_hidden.html", context), "text/html")
    message.send()
    return 1


# --- Forms ---------------------------------------------------------------------------------------


class PostReportForm(forms.ModelForm):
    class Meta:
        model = PostReport
        fields = ["reason"]
        labels = {"reason": "Varför anmäler du inlägget?"}
        help_texts = {
            "reason": "Beskriv kort vad som är fel, till exempel personangrepp, reklam eller felaktiga uppgifter."
        }
        widgets = {"reason": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"reason": {"required": "Skriv varför du anmäler inlägget."}}


class HandleReportForm(forms.Form):
    HIDE = "hide"
    DISMISS = "dismiss"

    action = forms.ChoiceField(choices=[(HIDE, "Dölj inlägget"), (DISMISS, "Avfärda anmälan")])
    note = forms.CharField(
        label="Kommentar",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Skickas till den som skrev inlägget om du döljer det.",
    )


# --- Views ---------------------------------------------------------------------------------------

OWN_POST_MESSAGE = "Du kan inte anmäla ditt eget inlägg. Vill du ändra något kan du redigera eller ta bort det."


@require_http_methods(["GET", "POST"])
def report_post(request, post_id):
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=post_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if post.poster_id == request.user.pk:
        messages.error(request, OWN_POST_MESSAGE)
        return redirect(post_url(post))
    if not can_report(request.user, post, request.forum_permission_handler):
        raise PermissionDenied
    form = PostReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.post = post
        report.reporter = request.user
        report.save()
        messages.success(request, "Tack! Moderatorerna har fått din anmälan och tittar på inlägget.")
        return redirect(post_url(post))
    return render(
        request, "forum/report_post.html", {"post": post, "topic": post.topic, "forum": post.topic.forum, "form": form}
    )


def _require_moderator(request):
    if not moderated_forums(request.user, request.forum_permission_handler).exists():
        raise PermissionDenied


def report_queue(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _require_moderator(request)
    reports = open_reports(request.user, request.forum_permission_handler)
    return render(
        request,
        "forum/report_queue.html",
        {"reports": [(report, HandleReportForm(prefix=f"r{report.pk}")) for report in reports]},
    )


@require_POST
def handle_report(request, report_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _require_moderator(request)
    report = get_object_or_404(open_reports(request.user, request.forum_permission_handler), pk=report_id)
    form = HandleReportForm(request.POST, prefix=f"r{report.pk}")
    if not form.is_valid():
        reports = [
            (other, form if other.pk == report.pk else HandleReportForm(prefix=f"r{other.pk}"))
            for other in open_reports(request.user, request.forum_permission_handler)
        ]
        return render(request, "forum/report_queue.html", {"reports": reports}, status=400)
    if form.cleaned_data["action"] == HandleReportForm.HIDE:
        hide_post(report, request.user, form.cleaned_data["note"])
        messages.success(request, f"Inlägget ”{report.post.subject}” är dolt och skribenten har fått e-post.")
    else:
        dismiss_report(report, request.user, form.cleaned_data["note"])
        messages.success(request, f"Anmälan av ”{report.post.subject}” är avfärdad.")
    return redirect("forum_report_queue")
