"""Health endpoints for a load balancer, systemd or an operator, in JSON and never cached.

``/healthz`` (liveness): the process answers; nothing else is touched, so a database outage never
makes a supervisor restart healthy web processes.

``/readyz`` (readiness): 200 when this process can serve, 503 when it cannot:
- ``database``: a query answers, else 503;
- ``migrations``: none left to apply (checked until they are, then remembered), else 503;
- ``cache``: a write and read of the shared cache; if that fails the site still answers from the
  database, so the status is ``degraded`` and the answer still 200;
- ``worker``: with the database task backend, ``stalled`` when a task has been due for more than
  ``WORKER_STALL_SECONDS`` without a worker taking it (no worker runs, or it is stuck): the status
  is ``degraded`` and still 200, since taking the web servers out of the load balancer would not
  send a single e-mail. With the immediate backend tasks run in the request: ``inline``.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import default_task_backend
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

WORKER_STALL_SECONDS = 5 * 60
_migrated = False


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    checks = {"database": database_state()}
    if checks["database"] == "ok":
        checks["migrations"] = migrations_state()
        checks["worker"] = worker_state()
    checks["cache"] = cache_state()
    if checks["database"] != "ok" or checks.get("migrations") != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok" or checks["worker"] == "stalled":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unreachable"
    return "ok"


def migrations_state():
    global _migrated
    if not _migrated:
        executor = MigrationExecutor(connection)
        _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if _migrated else "pending"


def cache_state():
    try:
        cache.set("readyz", "ok", timeout=10)
        found = cache.get("readyz")
    except Exception:
        return "unreachable"
    return "ok" if found == "ok" else "unreachable"


def worker_state():
    if not default_task_backend.supports_defer:
        return "inline"
    overdue = timezone.now() - timedelta(seconds=WORKER_STALL_SECONDS)
    # run_after holds the latest possible date for a task to run as soon as possible.
    due_long_ago = Q(run_after=get_date_max(), enqueued_at__lt=overdue) | Q(run_after__lt=overdue)
    stalled = DBTaskResult.objects.filter(due_long_ago, status=TaskResultStatus.READY).exists()
    return "stalled" if stalled else "ok"
