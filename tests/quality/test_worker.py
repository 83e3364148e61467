"""Production's background worker: e-mail leaves the request, the worker sends it to a real SMTP
server, a mail server that is down is retried with back-off, and what still fails is shown to staff.

These tests switch to django-tasks-db's database backend, and run its `db_worker` in batch mode
(every task that is due, then exit). The worker takes an exclusive transaction, so the tests run
outside pytest-django's wrapping transaction.
"""

import logging
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from arena.log import AdminEmailTaskHandler
from arena.tasks import MAIL_RETRY_DELAYS
from forum.membership.services import send_member_email
from forum.notifications.emails import notifications_muted
from tests.forum.factories import ForumMemberFactory, PostFactory, UserFactory
from tests.forum.helpers import form_data, post_create_url

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """aiosmtpd's handler: keeps every message the server accepted."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp_server(settings, database_tasks):
    """A real SMTP server on loopback, and Django's SMTP backend pointed at it."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def dead_mail_server(settings, database_tasks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_a_reply_to_a_topic_with_50_subscribers_sends_no_mail_in_the_request_and_the_worker_sends_50(
    client, public_forum, smtp_server
):
    with notifications_muted():
        topic = PostFactory(topic__forum=public_forum).topic
    subscribers = ForumMemberFactory.create_batch(50)
    topic.subscribers.set(subscribers)
    replier = ForumMemberFactory()
    client.force_login(replier)
    url = post_create_url(topic)
    page = client.get(url)

    response = client.post(url, form_data(page.content.decode(), "form.forum-form", content="Vi ses på mötet."))

    assert response.status_code == 302
    assert smtp_server.messages == []
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1

    run_worker()

    assert sorted(rcpt for message in smtp_server.messages for rcpt in message.rcpt_tos) == sorted(
        subscriber.email for subscriber in subscribers
    )
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


def test_mail_to_a_dead_mail_server_is_retried_later_then_given_up_and_shown_to_administrators(
    client, dead_mail_server
):
    before = timezone.now()
    send_member_email.enqueue("Välkommen", "Hej!\n", ["ny@example.se"])

    run_worker()

    failed = DBTaskResult.objects.get(status=TaskResultStatus.FAILED)
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["mail_attempt"] == 2
    assert retry.run_after >= before + timedelta(seconds=MAIL_RETRY_DELAYS[0])

    retry.delete()
    send_member_email.enqueue("Välkommen", "Hej!\n", ["ny@example.se"], mail_attempt=len(MAIL_RETRY_DELAYS) + 1)
    run_worker()

    assert not DBTaskResult.objects.filter(status=TaskResultStatus.READY).exists()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    report = client.get("/admin/rapporter/misslyckade-jobb/").content.decode()
    assert report.count("forum.membership.services.send_member_email") == 2
    assert "ConnectionRefusedError" in report
    assert failed.exception_class_path.endswith("ConnectionRefusedError")


def test_the_failed_tasks_report_is_for_administrators_only(client, database_tasks):
    client.force_login(UserFactory(is_staff=True))
    assert client.get("/admin/rapporter/misslyckade-jobb/").status_code in (302, 403)


def test_a_server_error_is_mailed_to_the_admins_by_the_worker_not_the_request(settings, smtp_server):
    settings.ADMINS = [("", "drift@example.se")]
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: /", None, None)

    AdminEmailTaskHandler().handle(record)

    assert smtp_server.messages == []
    run_worker()
    assert [message.rcpt_tos for message in smtp_server.messages] == [["drift@example.se"]]
