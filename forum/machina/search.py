"""Searching forum posts straight in the database, so every app server sees a post the moment it is
saved: no search index to update and no index files on one server's disk.

Only the posts the user may see are searched (visibility.py: not hidden, in forums the user may
read), so members-only forums never show up for anyone outside them.
PostgreSQL searches with its full-text search in Swedish (``bostäder`` finds ``Bostäderna``) and ranks
the hits; other databases (SQLite for ``make run`` and tests) look for every word as a substring.
"""

import html
import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Q
from django.utils.html import strip_tags
from machina.core.db.models import get_model

from .visibility import visible_posts

Post = get_model("forum_conversation", "Post")

SEARCH_CONFIG = "swedish"
# The vector the GIN index of migration 0004 is built on: the same expression, so PostgreSQL uses it.
POST_SEARCH_VECTOR = SearchVector("subject", "content", config=SEARCH_CONFIG)
# A query's words: letters and digits only, so no operator in the query reaches the database parser
# (a long run of "-" made PostgreSQL's websearch parser overflow its stack), and at most this many.
WORD = re.compile(r"[^\W_]+")
MAX_WORDS = 12
# A search shows at most this many posts (the newest that match): refine the words for older ones.
MAX_HITS = 500
EXCERPT_LENGTH = 240
EXCERPT_LEAD = 60


def search_words(query):
    """The words of a search query, in order, without operators or punctuation."""
    return WORD.findall(query)[:MAX_WORDS]


def search_posts(query, user, permission_handler):
    """Posts the user may see that match the query: the newest MAX_HITS of them, the best
    matches first on PostgreSQL and the newest first elsewhere.

    Ranking needs each matching post's text vector, which the GIN index does not hold: ranking
    every match of a common word recomputes it for tens of thousands of posts (seconds over the
    benchmark's 200,000), while the index finds the matches and the newest of them in milliseconds.
    """
    words = search_words(query)
    if not words:
        return Post.objects.none()
    posts = visible_posts(user, permission_handler)
    if connection.vendor == "postgresql":
        # Every word must match; the words are letters and digits only, so the query is plain.
        search_query = SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="plain")
        newest = posts.annotate(search=POST_SEARCH_VECTOR).filter(search=search_query)
        newest = newest.order_by("-created", "-pk").values("pk")[:MAX_HITS]
        return (
            Post.objects.filter(pk__in=newest)
            .select_related("topic__forum", "poster__member_profile")
            .annotate(rank=SearchRank(POST_SEARCH_VECTOR, search_query))
            .order_by("-rank", "-created", "-pk")
        )
    for word in words:
        posts = posts.filter(Q(subject__icontains=word) | Q(content__icontains=word))
    return posts.select_related("topic__forum", "poster__member_profile").order_by("-created", "-pk")[:MAX_HITS]


def excerpt(post, query):
    """Plain text from the post around the first word of the query it contains, or its beginning.

    The text comes from the sanitised HTML with every tag removed; templates escape it like any
    other text, so nothing from the post is ever inserted as markup.
    """
    text = " ".join(html.unescape(strip_tags(post.content.rendered)).split())
    words = [re.escape(word) for word in search_words(query)]
    match = re.search("|".join(words), text, re.IGNORECASE) if words else None
    start = 0
    if match and match.start() > EXCERPT_LEAD:
        start = text.rfind(" ", 0, match.start() - EXCERPT_LEAD) + 1
    end = start + EXCERPT_LENGTH
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
