"""Rules for the contact form that are not about the page itself: the per-address rate limit."""

import hashlib

from django.conf import settings
from django.core.cache import cache

RATE_LIMIT_SUBMISSIONS = 5
RATE_LIMIT_WINDOW_SECONDS = 10 * 60


def rate_limit_key(address):
    """The cache key counting submissions from an IP address. The address itself is personal
    data; the cache only ever holds a keyed hash of it."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()
    return f"contact-form:{digest}"


def take_submission_slot(request):
    """Counts one submission from the request's address. False once the address has used up its
    RATE_LIMIT_SUBMISSIONS within the current RATE_LIMIT_WINDOW_SECONDS."""
    key = rate_limit_key(request.META.get("REMOTE_ADDR", ""))
    # add() starts the window only when none is running; incr() is atomic in Redis. While the cache
    # cannot be reached it answers as an empty one (arena/cache.py): every submission is then the
    # first of its window and is let through, on purpose: a lost message from a member or a
    # journalist costs more than some spam for as long as Redis is down.
    cache.add(key, 0, timeout=RATE_LIMIT_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        # The window ran out between add() and incr(): this submission starts a new one.
        cache.set(key, 1, timeout=RATE_LIMIT_WINDOW_SECONDS)
        count = 1
    return count <= RATE_LIMIT_SUBMISSIONS
