"""django-axes with two limits: one for an account tried from one client, and a higher one for
everything one client tries, so that guessing one password across many accounts is throttled too.

axes compares one count of failures with one limit (``AXES_FAILURE_LIMIT``) and, after a
successful login, forgets every failure matching the lockout parameters. Here the failures from
the client across all accounts count in proportion to their own limit, and a successful login
forgets only that account's failures from that client: logging in to an account of one's own must
not wipe out the guesses at everybody else's.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndClientHandler(AxesDatabaseHandler):
    """Needs ``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]``."""

    def get_failures(self, request, credentials=None):
        account, client = (_failures(attempts) for attempts in self.get_user_attempts(request, credentials))
        # floor(client * a / b) reaches a exactly when client reaches b.
        return max(account, client * settings.AXES_FAILURE_LIMIT // settings.AXES_CLIENT_FAILURE_LIMIT)

    def reset_user_attempts(self, request, credentials=None):
        account, _ = self.filter_user_attempts(request, credentials)
        count, _ = account.delete()
        return count
