"""One line per log record, server errors mailed by the worker, and what Sentry may see.

Log lines are ``key=value`` pairs (logfmt), values with spaces or quotes in double quotes, so that
a traceback stays on its record's line and a log shipper or ``grep`` can take the lines apart.
gunicorn's access log uses the same form (deploy/gunicorn.conf.py).
"""

import json
import logging
import re
from datetime import UTC, datetime

from django.utils.log import AdminEmailHandler

EMAIL_ADDRESS = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
# Request data Sentry may keep: nothing a member typed or a cookie carried.
SENTRY_REQUEST_KEYS = {"url", "method", "query_string"}


def logfmt_value(value):
    text = str(value)
    if text and not re.search(r'[\s"=\\]', text):
        return text
    return json.dumps(text, ensure_ascii=False)


class OneLineFormatter(logging.Formatter):
    """``time=… level=… logger=… message=…`` and ``exc=…`` with the traceback, on one line."""

    def format(self, record):
        fields = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            fields["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            fields["exc"] = record.exc_text
        return " ".join(f"{key}={logfmt_value(value)}" for key, value in fields.items())


class AdminEmailTaskHandler(AdminEmailHandler):
    """Django's AdminEmailHandler, with the mail sent by the worker instead of the failing request.

    If even the task cannot be stored (the database is down), the error is still in the log.
    """

    def emit(self, record):
        try:
            super().emit(record)
        except Exception:
            self.handleError(record)

    def send_mail(self, subject, message, *args, html_message=None, **kwargs):
        # Logging is configured before the apps are loaded, and a task cannot be declared before.
        from arena.tasks import send_admin_mail

        send_admin_mail.enqueue(subject, message, html_message=html_message)


def scrub_personal_data(event, hint=None):
    """Sentry's ``before_send``: no user, no cookies, headers or form data, no e-mail addresses.

    ``send_default_pii=False`` already leaves out the user and cookies; this also drops what the
    request carried and masks addresses anywhere in the event (messages, exception values, local
    variables), since members log in with their e-mail address.
    """
    event.pop("user", None)
    if "request" in event:
        event["request"] = {key: value for key, value in event["request"].items() if key in SENTRY_REQUEST_KEYS}
    return _mask_addresses(event)


def _mask_addresses(value):
    if isinstance(value, str):
        return EMAIL_ADDRESS.sub("[e-postadress]", value)
    if isinstance(value, dict):
        return {key: _mask_addresses(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_mask_addresses(item) for item in value]
    return value
