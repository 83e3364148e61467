from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.models import TaskState

from arena.dashboard import WAITING_HOOK, Waiting, WaitingForYouPanel
from home.conclusion_chooser import conclusion_chooser_viewset
from home.task_report import FailedTasksReportView
from home.viewsets import EventRegistrationViewSet


@hooks.register("register_admin_viewset")
def register_event_registrations():
    return EventRegistrationViewSet()


@hooks.register("register_admin_viewset")
def register_conclusion_chooser():
    return conclusion_chooser_viewset


@hooks.register("register_admin_urls")
def register_failed_tasks_report_urls():
    return [
        path("rapporter/misslyckade-jobb/", FailedTasksReportView.as_view(), name="failed_tasks"),
        path(
            "rapporter/misslyckade-jobb/results/",
            FailedTasksReportView.as_view(results_only=True),
            name="failed_tasks_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_failed_tasks_report_menu_item():
    return AdminOnlyMenuItem("Misslyckade bakgrundsjobb", reverse("failed_tasks"), icon_name="warning", order=900)


@hooks.register("construct_homepage_panels")
def add_waiting_for_you_panel(request, panels):
    panels.append(WaitingForYouPanel(request))


@hooks.register(WAITING_HOOK)
def pages_waiting(request):
    """Pages in the review workflow whose current task the user may approve; the list itself is
    Wagtail's own panel further down the dashboard."""
    return Waiting(
        count=TaskState.objects.reviewable_by(request.user).count(),
        one="1 sida att granska",
        many="{count} sidor att granska",
        url="#awaiting-review-section",
        order=40,
    )
