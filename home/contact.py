"""Rules for the contact form that are not about the page itself: the per-client rate limit,
which the forum's report form (forum/moderation/views.py) counts in a scope of its own."""

from arena.ratelimit import client_address, take_slots

RATE_LIMIT_SUBMISSIONS = 5
RATE_LIMIT_WINDOW_SECONDS = 10 * 60


def take_submission_slot(request, scope="contact-form"):
    """Counts one submission from the request's client to the form. False once the client has used
    up its RATE_LIMIT_SUBMISSIONS within the current RATE_LIMIT_WINDOW_SECONDS."""
    return take_slots((scope, client_address(request), RATE_LIMIT_SUBMISSIONS, RATE_LIMIT_WINDOW_SECONDS))
