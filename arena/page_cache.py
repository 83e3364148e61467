"""Public pages served from the shared cache to visitors who have not logged in.

Only Wagtail's pages, the forum's index, forum and topic pages and the search results are cached
(``CACHED_VIEWS``), and only for a GET without any cookie: a member (or a visitor whose session, messages or CSRF
token a form has set) always gets a page rendered for them, and it is never stored. A response
that sets a cookie (a page with a form sets the CSRF cookie) or says it is private is never
stored either.

Cache-Control: a shared response is ``public, max-age=ANONYMOUS_PAGE_CACHE_SECONDS``; any other
response that depends on the visitor's cookies (``Vary: Cookie``, which Django's session and CSRF
middleware add) gets Django's never-cache headers, so no browser or proxy keeps a member's page.
Anonymous and member pages share their URLs, so the shared responses keep the ``Vary: Cookie``
the session middleware gives them: a proxy or browser then keeps the cookieless copy for
cookieless requests only. Responses that do not depend on the session (feeds, calendar files)
carry no ``Vary: Cookie``.

Invalidation: every stored page carries a generation token kept in the shared cache itself, so
that every app server sees a change at once; saving or deleting anything a cached page shows (apps
register their models with ``invalidate_on_change``) replaces the token. A page stored under an
older token is never served again; it is replaced or expires on its own.

A hit is answered before any other middleware and the view run, with one cache round trip: the
token and the page are read together (``get_many``), and the page is served only if it was stored
under the current token. With Redis, production goes further (ANONYMOUS_PAGE_CACHE_IN_PROCESS):
every new token is announced (arena/announcements.py), so each process knows the current one
without asking, and keeps copies of the pages it served last in its own memory (the "process-pages"
cache); a copy stored under the current token is served without any round trip. A process that
cannot be sure of the token (Redis down, its subscription lost) reads the shared cache as above.

The key is the page's absolute URI alone, without the header list Django's cache middleware learns
per URL (a lookup of its own): a stored response varies on nothing but Cookie (any other ``Vary``
is never stored), and only requests without cookies are served or stored, so all of them have the
same Cookie header: none. Nor does it carry Django's language and time zone suffixes: the site has
one of each.
"""

from functools import lru_cache
from hashlib import md5
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.cache import add_never_cache_headers, cc_delim_re, has_vary_header, patch_cache_control
from django.utils.deprecation import MiddlewareMixin

from .announcements import AnnouncedValue

# The search is here too: a visitor without cookies is anonymous, so the stored answer holds only
# what visitors may read (the forums anonymous users may read, public pages), and a member, whose
# session cookie keeps them out of the cache, always gets results searched for them. The key is the
# whole URL, query string included: one entry per query and results page, expiring on its own.
CACHED_VIEWS = frozenset(
    {"wagtail_serve", "wagtail_serve_calendar", "forum:index", "forum:forum", "forum_conversation:topic", "search"}
)
GENERATION_KEY = "anonymous-pages-generation"
# Every new generation is announced, so that each process knows the current one without a round
# trip to Redis, and serves the copies of pages it keeps itself while they are current.
GENERATION = AnnouncedValue(GENERATION_KEY)
PROCESS_CACHE = "process-pages"


def current_generation():
    return cache.get_or_set(GENERATION_KEY, lambda: uuid4().hex, timeout=None)


def invalidate_cached_pages():
    """Makes every cached page stale, on every app server.

    After the transaction commits, so that a page another server renders from the data before the
    change is not kept; and at once as well, for the code (and the tests) still inside it.
    """
    _start_new_generation()
    transaction.on_commit(_start_new_generation)


def _start_new_generation():
    GENERATION.set(uuid4().hex)


def invalidate_on_change(*models, ignore_fields=()):
    """Invalidates the cached pages whenever an instance of one of ``models`` is saved or deleted,
    except for saves of ``ignore_fields`` only. Subclasses count too (every Wagtail page type is a
    ``Page``), so the receivers listen to every sender and check the instance."""

    def changed(sender, instance, update_fields=None, **kwargs):
        if isinstance(instance, models) and not (update_fields and set(update_fields) <= set(ignore_fields)):
            invalidate_cached_pages()

    name = "arena_page_cache_" + "_".join(model._meta.label_lower for model in models)
    post_save.connect(changed, dispatch_uid=f"{name}_saved", weak=False)
    post_delete.connect(changed, dispatch_uid=f"{name}_deleted", weak=False)


class AnonymousPageCacheMiddleware(MiddlewareMixin):
    """Django's FetchFromCache and UpdateCache middlewares in one. Django's own fix the key prefix
    at start-up, cache every view for every request and learn each URL's Vary headers; here the
    generation decides what is current, only cookieless requests for CACHED_VIEWS are stored, and
    the Vary is fixed (see the module's docstring). Put it first: it answers hits before anything
    else runs, and stores a response after every other middleware has finished it, so that a hit
    carries the same security headers as the page it was stored from."""

    def process_request(self, request):
        if (
            not settings.ANONYMOUS_PAGE_CACHE_SECONDS
            or request.method not in ("GET", "HEAD")
            or request.COOKIES
            or cached_view_name(request) not in CACHED_VIEWS
        ):
            return None
        key = page_key(request)
        if settings.ANONYMOUS_PAGE_CACHE_IN_PROCESS and (generation := GENERATION.known()):
            stored_generation, response = caches[PROCESS_CACHE].get(key, (None, None))
            if stored_generation == generation:
                return response
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        stored_generation, response = found.get(key, (None, None))
        if stored_generation == generation:
            self._keep_in_process(key, generation, response)
            return response
        # The generation as the rendering starts: a page rendered while content changes is stored
        # under the old generation and never served.
        request._anonymous_page_cache = (key, generation)
        return None

    def process_response(self, request, response):
        key, generation = getattr(request, "_anonymous_page_cache", (None, None))
        if key and self._can_share(response):
            seconds = settings.ANONYMOUS_PAGE_CACHE_SECONDS
            patch_cache_control(response, public=True, max_age=seconds)
            if request.method == "GET":
                cache.set(key, (generation, response), seconds)
                self._keep_in_process(key, generation, response)
        elif "Cache-Control" not in response and has_vary_header(response, "Cookie"):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _keep_in_process(key, generation, response):
        if settings.ANONYMOUS_PAGE_CACHE_IN_PROCESS:
            caches[PROCESS_CACHE].set(key, (generation, response), settings.ANONYMOUS_PAGE_CACHE_SECONDS)

    @staticmethod
    def _can_share(response):
        cache_control = response.get("Cache-Control", "")
        vary = {header.lower() for header in cc_delim_re.split(response.get("Vary", "")) if header}
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and vary <= {"cookie"}
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )


def cached_view_name(request):
    """The view the URL resolves to, so that no other view pays for a cache lookup (a round trip to
    the cache). The handler resolves the URL again when the page is rendered."""
    return _view_name(request.path_info, getattr(request, "urlconf", None) or get_urlconf())


# Which view a path resolves to depends on the URLconf alone (Wagtail's pages all resolve to one
# view, whatever the page tree holds), so it is remembered for the most recent paths: matching a
# Wagtail page's path against every pattern before Wagtail's was an eighth of a cache hit's CPU.
@lru_cache(maxsize=2048)
def _view_name(path_info, urlconf):
    try:
        return resolve(path_info, urlconf).view_name
    except Resolver404:
        return None


def page_key(request):
    """The same key for GET and HEAD, so that a HEAD is answered from the page a GET stored."""
    uri = request.build_absolute_uri().encode("ascii")
    return f"anonymous-pages.{md5(uri, usedforsecurity=False).hexdigest()}"
