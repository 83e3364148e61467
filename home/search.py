"""Wagtail's database search backend (PostgreSQL's full-text search, SQLite's FTS5 or, without it,
substring matching), with every word of a query matched as the beginning of a word: Swedish joins
words into compounds, so a search for "frukost" must find the page "Frukostmöte".

Wagtail's backends treat only a query's last word as a prefix, and only in ``autocomplete()``,
which searches titles alone. The site search therefore asks for one single-word ``PlainText`` per
word (``prefix_query``), each of them a last word, to a search compiler that treats a last word
as a prefix: ``'frukost':*`` in PostgreSQL, ``"frukost"*`` in FTS5.
"""

from wagtail.search.backends.database import SearchBackend as database_search_backend
from wagtail.search.query import And, PlainText


def SearchBackend(params):  # the name Wagtail looks up in a backend's module
    backend = database_search_backend(params)
    compiler = backend.query_compiler_class
    backend.query_compiler_class = type(f"Prefix{compiler.__name__}", (compiler,), {"LAST_TERM_IS_PREFIX": True})
    return backend


def prefix_query(words):
    """A query matching what has a word beginning with each of ``words`` (letters and digits)."""
    return And([PlainText(word) for word in words])


def hit_ids(results):
    """The ids of search results, in their order, without making a page object for each: a Page
    is costly to build (its cluster relations are looked up per instance), and a search reads up
    to a hundred hits to show ten. Every database backend's results are a queryset underneath."""
    return list(results.get_queryset().values_list("pk", flat=True))
