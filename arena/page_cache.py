"""Public pages served from the shared cache to visitors who have not logged in.

Only Wagtail's pages and the forum's index, forum and topic pages are cached (``CACHED_VIEWS``),
and only for a GET without any cookie: a member (or a visitor whose session, messages or CSRF
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

Invalidation: the cache keys carry a generation token kept in the shared cache itself, so that
every app server sees a change at once; saving or deleting anything a cached page shows (apps
register their models with ``invalidate_on_change``) replaces the token. Pages cached under an
older token are never read again and expire on their own.
"""

from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.cache import (
    add_never_cache_headers,
    get_cache_key,
    has_vary_header,
    learn_cache_key,
    patch_cache_control,
)
from django.utils.deprecation import MiddlewareMixin

CACHED_VIEWS = frozenset(
    {"wagtail_serve", "wagtail_serve_calendar", "forum:index", "forum:forum", "forum_conversation:topic"}
)
GENERATION_KEY = "anonymous-pages-generation"


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
    cache.set(GENERATION_KEY, uuid4().hex, timeout=None)


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
    """Django's FetchFromCache and UpdateCache middlewares in one, built from the same helpers in
    django.utils.cache. Django's own fix the key prefix at start-up and cache every view for every
    request; here the prefix carries the current generation, and only cookieless requests for
    CACHED_VIEWS are cached. Put it right after SecurityMiddleware: it answers from the cache once
    the URL is resolved, and stores a response after every inner middleware has finished it."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        seconds = settings.ANONYMOUS_PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or request.COOKIES
            or request.resolver_match.view_name not in CACHED_VIEWS
        ):
            return None
        # The generation as the rendering starts: a page rendered while content changes is stored
        # under the old generation and never read.
        key_prefix = f"anonymous-pages.{current_generation()}"
        key = get_cache_key(request, key_prefix, "GET", cache=cache)
        response = cache.get(key) if key else None
        if response is None:
            request._anonymous_page_cache = (key_prefix, seconds)
        return response

    def process_response(self, request, response):
        key_prefix, seconds = getattr(request, "_anonymous_page_cache", (None, None))
        if key_prefix and self._can_share(response):
            patch_cache_control(response, public=True, max_age=seconds)
            if request.method == "GET":
                key = learn_cache_key(request, response, seconds, key_prefix, cache=cache)
                cache.set(key, response, seconds)
        elif "Cache-Control" not in response and has_vary_header(response, "Cookie"):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _can_share(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )
