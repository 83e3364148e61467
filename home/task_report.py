"""Rapporter → Misslyckade bakgrundsjobb: background tasks (mostly e-mail) that failed, for staff.

A mail task that fails is retried (arena/tasks.py), so one mail can appear here once per failed
attempt; the column Försök tells which. Finished tasks are pruned after a while (deploy/cron).
"""

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView


class FailedTasksReportView(ReportView):
    page_title = "Misslyckade bakgrundsjobb"
    header_icon = "warning"
    index_url_name = "failed_tasks"
    index_results_url_name = "failed_tasks_results"
    columns = [
        Column("task_path", label="Uppgift"),
        Column("attempt", label="Försök", accessor=lambda task: task.args_kwargs["kwargs"].get("mail_attempt", 1)),
        Column("exception_class_path", label="Fel"),
        DateColumn("finished_at", label="Misslyckades"),
    ]

    def get_queryset(self):
        return DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).order_by("-finished_at")

    def dispatch(self, request, *args, **kwargs):
        # The tasks' arguments can name members; only administrators see them.
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)
