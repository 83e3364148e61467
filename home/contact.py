"""Rules for the contact form that are not about the page itself: the per-client rate limit."""

from arena.ratelimit import client_address, take_slots

RATE_LIMIT_SUBMISSIONS = 5
RATE_LIMIT_WINDOW_SECONDS = 10 * 60


def take_submission_slot(request):
    """Counts one submission from the request's client to the form. False once the client has used
    up its RATE_LIMIT_SUBMISSIONS within the current RATE_LIMIT_WINDOW_SECONDS."""
    return take_slots(("contact-form", client_address(request), RATE_LIMIT_SUBMISSIONS, RATE_LIMIT_WINDOW_SECONDS))
