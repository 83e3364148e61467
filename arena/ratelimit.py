"""Who is asking, and how often: the client's address behind the site's own proxies, and the
rate limits on every form anyone can send without logging in (and on django-axes' login lockout,
which uses the same address).

The counters live in the shared cache, so that every app server counts together; all cache
calls are here, in ``take_slots``.
"""

import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache

RATE_LIMITED_MESSAGE = (
    "Du har skickat formuläret många gånger på kort tid. Vänta en stund och försök igen, eller skriv "
    "till oss med vanlig e-post."
)

# The counters' keys start with this; the tests give each test its own.
NAMESPACE = "rate-limit"


def client_address(request):
    """The address of the client, not of the proxy in front of the site.

    Each proxy appends the address it was contacted from to ``X-Forwarded-For``. With
    ``TRUSTED_PROXY_COUNT`` proxies of our own, the address the outermost of them saw is the
    one that many places from the right; anything further left came from the client and can be
    made up. Without proxies (0) the header is ignored: anyone can send it. A header too short
    or not holding an address means the request did not come through the proxies: the
    connecting address is then the client's.
    """
    connecting = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return connecting
    forwarded = [address.strip() for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return connecting
    try:
        return str(ipaddress.ip_address(forwarded[-count]))
    except ValueError:
        return connecting


def rate_limit_key(scope, value):
    """The cache key counting ``scope`` (a form) for ``value`` (an address, an e-mail address). The
    value is personal data; the cache only ever holds a keyed hash of it."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{value}".encode()).hexdigest()
    return f"{NAMESPACE}:{scope}:{digest}"


def take_slots(*limits):
    """Counts one use against each ``(scope, value, limit, window_seconds)``. False once any of
    them has been used more than ``limit`` times within its current window."""
    allowed = True
    for scope, value, limit, window in limits:
        key = rate_limit_key(scope, value)
        # add() starts the window only when none is running; incr() is atomic in Redis. While the
        # cache cannot be reached it answers as an empty one (arena/cache.py): every use is then the
        # first of its window and is let through, on purpose: a lost message from a member or a
        # journalist costs more than some spam for as long as Redis is down.
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:
            # The window ran out between add() and incr(): this use starts a new one.
            cache.set(key, 1, timeout=window)
            count = 1
        allowed = allowed and count <= limit
    return allowed


def rate_limited(view, form):
    """A form view's answer to a form over its limit: the form as typed, with the Swedish message."""
    form.add_error(None, RATE_LIMITED_MESSAGE)
    return view.render_to_response(view.get_context_data(form=form), status=429)
