"""What many requests would otherwise read from the database again and again, kept in the shared
cache until content changes.

The keys carry the page cache's generation (arena/page_cache.py), which any publish, move, deletion,
view restriction or settings change replaces on every app server at once; entries under an older
generation are never read again and expire on their own."""

from django.conf import settings
from django.core.cache import cache

from .page_cache import current_generation


def cached_until_content_changes(name, build):
    """The value cached under ``name`` for the current content, built by ``build()`` if missing."""
    if not settings.CONTENT_CACHE_SECONDS:
        return build()
    # The generation as the building starts: a value built while content changes is stored under
    # the old generation and never read.
    key = f"content.{name}.{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, settings.CONTENT_CACHE_SECONDS)
    return value
