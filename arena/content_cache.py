"""What many requests would otherwise read from the database again and again, kept in the shared
cache until content changes.

Each entry carries the page cache's generation (arena/page_cache.py), which any publish, move,
deletion, view restriction or settings change replaces on every app server at once; an entry
stored under an older generation is never read again. The generation and the entry are read in one
round trip.

The keys carry the version of the code: what an entry holds (rendered HTML, model instances,
tuples) is the shape the code that stored it gave it, and a deployment, or the old and new app
servers side by side during one, must never read the other version's entries under the same
generation.
"""

from functools import cache as once
from hashlib import md5

from django.conf import settings
from django.core.cache import cache

from .page_cache import GENERATION_KEY, current_generation

# What decides the shape of the cached values: our code, our templates and the pinned packages.
SOURCES = ("arena", "home", "forum", "templates")
SOURCE_SUFFIXES = (".py", ".html")


@once
def code_version():
    """A digest of the project's code and templates and of requirements.txt, the same on every app
    server running the same release; computed once per process (a few milliseconds)."""
    digest = md5(usedforsecurity=False)
    base = settings.BASE_DIR
    paths = [base / "requirements.txt"]
    for source in SOURCES:
        paths += [path for path in (base / source).rglob("*") if path.suffix in SOURCE_SUFFIXES]
    for path in sorted(paths):
        digest.update(str(path.relative_to(base)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_until_content_changes(name, build):
    """The value cached under ``name`` for the current content, built by ``build()`` if missing."""
    if not settings.CONTENT_CACHE_SECONDS:
        return build()
    # Names may hold a path; the key stays short whatever they hold.
    key = f"content.{code_version()}.{md5(name.encode(), usedforsecurity=False).hexdigest()}"
    found = cache.get_many([GENERATION_KEY, key])
    # The generation as the building starts: a value built while content changes is stored with
    # the old generation and never read.
    generation = found.get(GENERATION_KEY) or current_generation()
    stored_generation, value = found.get(key, (None, None))
    if stored_generation != generation:
        value = build()
        cache.set(key, (generation, value), settings.CONTENT_CACHE_SECONDS)
    return value
