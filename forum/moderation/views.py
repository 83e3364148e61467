"""Reporting a post, and the moderators' queue of open reports."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from machina.core.db.models import get_model

from arena.ratelimit import client_address, take_slots
from forum.machina.links import post_url

from .forms import HandleReportForm, PostReportForm, VisitorPostReportForm
from .services import can_report, dismiss_report, handles_reports, hide_post, open_reports

Post = get_model("forum_conversation", "Post")

HONEYPOT_FIELD = "website"
# Reports a client may send in a window: enough for a reader who finds several bad posts.
REPORTS_PER_WINDOW = 5
REPORT_WINDOW_SECONDS = 10 * 60
RATE_LIMITED_MESSAGE = (
    "Du har skickat många anmälningar på kort tid. Vänta en stund och försök igen. Det du skrev finns kvar nedan."
)
OWN_POST_MESSAGE = "Du kan inte anmäla ditt eget inlägg. Vill du ändra något kan du redigera eller ta bort det."


@require_http_methods(["GET", "POST"])
def report_post(request, post_id):
    """Anyone who may read the post reports it here, visitors who are not logged in too; each
    address sends a few reports per RATE_LIMIT_WINDOW_SECONDS, and bots are caught by a honeypot."""
    post = get_object_or_404(Post.objects.select_related("topic__forum"), pk=post_id)
    user = request.user
    if user.is_authenticated and post.poster_id == user.pk:
        messages.error(request, OWN_POST_MESSAGE)
        return redirect(post_url(post))
    if not can_report(user, post, request.forum_permission_handler):
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    form_class = PostReportForm if user.is_authenticated else VisitorPostReportForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data.get(HONEYPOT_FIELD):
            return _thanks(request, post)
        if take_slots(("forum-report", client_address(request), REPORTS_PER_WINDOW, REPORT_WINDOW_SECONDS)):
            report = form.save(commit=False)
            report.post = post
            report.reporter = user if user.is_authenticated else None
            report.save()
            return _thanks(request, post)
        form.add_error(None, RATE_LIMITED_MESSAGE)
    return render(
        request,
        "moderation/report_post.html",
        {"post": post, "topic": post.topic, "forum": post.topic.forum, "form": form},
    )


def _thanks(request, post):
    messages.success(request, "Tack! Moderatorerna har fått din anmälan och tittar på inlägget.")
    return redirect(post_url(post))


def _require_moderator(request):
    if not handles_reports(request.user, request.forum_permission_handler):
        raise PermissionDenied


def report_queue(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    _require_moderator(request)
    reports = open_reports(request.user, request.forum_permission_handler)
    return render(
        request,
        "moderation/report_queue.html",
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
        return render(request, "moderation/report_queue.html", {"reports": reports}, status=400)
    if form.cleaned_data["action"] == HandleReportForm.HIDE:
        hide_post(report, request.user, form.cleaned_data["note"])
        messages.success(request, f"Inlägget ”{report.post.subject}” är dolt och skribenten har fått e-post.")
    else:
        dismiss_report(report, request.user, form.cleaned_data["note"])
        messages.success(request, f"Anmälan av ”{report.post.subject}” är avfärdad.")
    return redirect("forum_report_queue")
