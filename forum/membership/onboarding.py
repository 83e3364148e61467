"""The welcome a new member sees once: confirming the address (views.ConfirmEmailView) marks the
session, and the forum's start page shows the welcome (templates/forum/welcome.html) and clears
the mark, so that it is shown the first time only."""

FORUM_WELCOME_SESSION_KEY = "arena_forum_welcome"


def take_forum_welcome(request):
    """True the first time the forum's start page is shown after the member was confirmed."""
    session = getattr(request, "session", None)
    return bool(session is not None and session.pop(FORUM_WELCOME_SESSION_KEY, False))
