"""/healthz and /readyz: what a load balancer and an operator read, never cached, never behind login."""

import logging
import sys
from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from arena import health
from arena.log import OneLineFormatter, scrub_personal_data
from forum.membership.services import send_member_email


@pytest.fixture
def anonymous(visitor, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 120
    return visitor


def test_healthz_answers_without_the_database(anonymous):
    # No django_db mark: a query would fail the request.
    response = anonymous.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_with_database_cache_and_migrations(anonymous):
    response = anonymous.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok", "worker": "inline", "cache": "ok"},
    }
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_degraded_but_ready_without_the_cache(anonymous, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }

    response = anonymous.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "unreachable"


@pytest.mark.django_db
def test_readyz_is_unavailable_without_the_database(anonymous, monkeypatch):
    class DeadConnection:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", DeadConnection())

    response = anonymous.get("/readyz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "checks": {"database": "unreachable", "cache": "ok"}}


@pytest.mark.django_db
def test_readyz_says_the_worker_stalled_when_a_task_waits_too_long(anonymous, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_member_email.enqueue("Hej", "Hej!\n", ["a@example.se"])
    assert anonymous.get("/readyz").json()["checks"]["worker"] == "ok"

    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=health.WORKER_STALL_SECONDS + 1))
    response = anonymous.get("/readyz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["worker"] == "stalled"


def test_a_log_record_with_a_traceback_is_one_line_of_key_value_pairs():
    try:
        raise ValueError("trasigt\nvärde")
    except ValueError:
        record = logging.LogRecord(
            "django.request", logging.ERROR, __file__, 1, "Fel på %s", ("/sok/",), sys.exc_info()
        )

    line = OneLineFormatter().format(record)

    assert "\n" not in line
    assert line.startswith("time=")
    assert ' level=ERROR logger=django.request message="Fel på /sok/" exc="Traceback' in line
    assert "ValueError: trasigt\\nvärde" in line


def test_sentry_events_carry_no_personal_data():
    event = {
        "user": {"email": "anna@example.se"},
        "request": {"url": "https://arenahuddinge.se/konto/", "cookies": "sessionid=x", "data": {"password": "x"}},
        "exception": {"values": [{"value": "Ingen användare anna.ahl@huddinge.se"}]},
    }

    scrubbed = scrub_personal_data(event)

    assert "user" not in scrubbed
    assert scrubbed["request"] == {"url": "https://arenahuddinge.se/konto/"}
    assert scrubbed["exception"]["values"][0]["value"] == "Ingen användare [e-postadress]"
