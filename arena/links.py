"""Absolute links to the site, all from one setting: ``SITE_URL``, the site's public address.

Links inside the site are relative (``page.url``, ``{% url %}``, ``{% pageurl %}``). A link that
leaves the site — canonical and Open Graph addresses, the sitemap, the RSS feed, calendar files,
e-mails — needs the site's address in front, and it comes from here, never from the request's
Host header or from Wagtail's ``Site`` rows (which ``make run`` and a proxy may not match).
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """The public address, without a trailing slash: ``https://www.arenahuddinge.se``."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path):
    """``path`` (``/nyheter/``) with the public address in front; a URL with a host of its own
    (an image on another server) is returned as it is."""
    if urlsplit(path).netloc:
        return path
    return site_url() + path


class _RequestAtPublicAddress:
    """The request as Django's syndication framework reads it, with the host and scheme of
    SITE_URL: the feed's relative links get the public address in front, not the Host header."""

    def __init__(self, request):
        self._request = request
        self._address = urlsplit(site_url())

    def __getattr__(self, name):
        return getattr(self._request, name)

    def get_host(self):
        return self._address.netloc

    def is_secure(self):
        return self._address.scheme == "https"


class PublicAddressFeedMixin:
    """For a ``django.contrib.syndication`` feed: its links (the channel's, the feed's own and each
    item's) start with SITE_URL."""

    def get_feed(self, obj, request):
        return super().get_feed(obj, _RequestAtPublicAddress(request))
