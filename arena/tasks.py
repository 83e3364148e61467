"""Background e-mail that survives a mail server that is down for a while.

Every task that sends e-mail is declared with ``mail_task``: when the mail server cannot be reached
or refuses the message, the task is enqueued again to run after a delay that grows with each
attempt (``MAIL_RETRY_DELAYS``), and after the last one it stays failed, for staff to see in the
Wagtail admin (Rapporter → Misslyckade bakgrundsjobb, home/task_report.py). Each failed attempt is
recorded as failed, with its traceback, so staff also see mail that got through only later.

Server errors are mailed to ADMINS the same way: ``AdminEmailTaskHandler`` hands the mail to the
worker (arena/log.py), so a request that fails never also waits for the mail server.
"""

import functools
import smtplib
from datetime import timedelta

from django.core.mail import mail_admins
from django.utils import timezone
from django_tasks import task

# Seconds before the 2nd, 3rd, 4th and 5th attempt: about two and a half hours in all.
MAIL_RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60)
# What a mail server that is down, slow or refusing raises (smtplib's errors and socket errors).
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def mail_task(function):
    """``@task`` for a function that sends e-mail, retried with back-off on mail errors.

    The attempt number travels as the keyword argument ``mail_attempt``. A backend that cannot run
    a task later (the immediate backend of development and tests) gets one attempt.
    """

    @functools.wraps(function)
    def attempt(*args, mail_attempt=1, **kwargs):
        try:
            return function(*args, **kwargs)
        except MAIL_ERRORS:
            if mail_attempt <= len(MAIL_RETRY_DELAYS) and mail.get_backend().supports_defer:
                run_after = timezone.now() + timedelta(seconds=MAIL_RETRY_DELAYS[mail_attempt - 1])
                mail.using(run_after=run_after).enqueue(*args, mail_attempt=mail_attempt + 1, **kwargs)
            raise

    mail = task(attempt)
    return mail


@mail_task
def send_admin_mail(subject, message, html_message=None):
    mail_admins(subject, message, html_message=html_message)
