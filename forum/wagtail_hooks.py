from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from arena.dashboard import WAITING_HOOK, Waiting
from forum.models import MemberProfile, MembershipApplication

from .discussions.viewsets import topic_chooser_viewset
from .membership.viewsets import MembershipViewSetGroup
from .moderation.services import handles_reports, open_reports


@hooks.register("register_admin_viewset")
def register_membership_viewsets():
    return MembershipViewSetGroup()


@hooks.register("register_admin_viewset")
def register_topic_chooser():
    return topic_chooser_viewset


class ReportQueueMenuItem(MenuItem):
    """The forum's queue of reported posts, in the admin menu of those who handle it."""

    def is_shown(self, request):
        return handles_reports(request.user, request.forum_permission_handler)


@hooks.register("register_admin_menu_item")
def register_report_queue_menu_item():
    return ReportQueueMenuItem("Anmälda inlägg", reverse("forum_report_queue"), icon_name="warning", order=260)


@hooks.register(WAITING_HOOK)
def applications_waiting(request):
    if not request.user.has_perm("arena_forum.change_membershipapplication"):
        return None
    return Waiting(
        count=MembershipApplication.objects.filter(status=MembershipApplication.Status.PENDING).count(),
        one="1 ansökan om medlemskap att besluta om",
        many="{count} ansökningar om medlemskap att besluta om",
        url=reverse("membershipapplication:index") + "?status=pending",
        order=10,
    )


@hooks.register(WAITING_HOOK)
def members_waiting(request):
    if not request.user.has_perm("arena_forum.change_memberprofile"):
        return None
    return Waiting(
        count=MemberProfile.objects.filter(is_approved=False).count(),
        one="1 medlem att godkänna",
        many="{count} medlemmar att godkänna",
        url=reverse("memberprofile:index") + "?is_approved=false",
        order=20,
    )


@hooks.register(WAITING_HOOK)
def reports_waiting(request):
    handler = request.forum_permission_handler
    if not handles_reports(request.user, handler):
        return None
    return Waiting(
        count=open_reports(request.user, handler).count(),
        one="1 anmält inlägg att granska",
        many="{count} anmälda inlägg att granska",
        url=reverse("forum_report_queue"),
        order=30,
    )
