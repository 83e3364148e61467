from functools import partial

from django.http.request import split_domain_port
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from arena.content_cache import cached_until_content_changes
from arena.page_cache import cached_view_name

WAGTAIL_PAGE_VIEWS = frozenset({"wagtail_serve", "wagtail_serve_calendar"})


class SiteMiddleware:
    """Gives each request the Wagtail Site of the host it names, from the content cache, read when
    something first asks for it (Wagtail's ``Site.find_for_request`` returns what the request
    holds in ``_wagtail_site``).

    Wagtail finds the site with a query of its own on every request, and its routing then reads
    the root page's own row with another: every Wagtail page, and every page that links to one,
    paid both. The site, with its root page as its own type, is the same for every request to a
    host and changes only with content (saving a Site replaces the content cache's generation).
    Where no site matches, the object stands for None: test it for truth (as Wagtail does), never
    with ``is None``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = SimpleLazyObject(partial(site_for_host, request))
        return self.get_response(request)


def request_host(request):
    """The host and port the request names (one that ALLOWED_HOSTS lets through), as a cache key."""
    return f"{split_domain_port(request._get_raw_host())[0]}:{request.get_port()}"


def site_for_host(request):
    # Wagtail routes its pages from the root page as its own type; other views (the forum's menu,
    # a link to a page) need only the site, and would pay a query for the root's row.
    with_root = cached_view_name(request) in WAGTAIL_PAGE_VIEWS
    name = f"site.{request_host(request)}.{'root' if with_root else 'site'}"
    return cached_until_content_changes(name, partial(find_site, request, with_root))


def find_site(request, with_root):
    """Wagtail's choice of site for the request (None if no site matches), with its root page read
    as its own type if ``with_root``, so that the cached site carries it. The lookup is the one
    ``Site.find_for_request`` makes, which would return what this middleware put on the request."""
    site = Site._find_for_request(request)
    if site and with_root:
        site.root_page = site.root_page.specific
    return site
