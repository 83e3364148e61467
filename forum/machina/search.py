"""Searching forum posts straight in the database, so every app server sees a post the moment it is
saved: no search index to update and no index files on one server's disk.

Only the posts the user may see are searched (visibility.py: not hidden, in forums the user may
read), so members-only forums never show up for anyone outside them.
Every word of a query is matched as the beginning of a word, so that "frukost" finds the Swedish
compound "Frukostmöte". PostgreSQL searches with its full-text search in Swedish (``bostäder``
finds ``Bostäderna``) and ranks the hits; other databases (SQLite for ``make run`` and tests) look
for every word as a substring.

The plan on PostgreSQL, chosen from EXPLAIN ANALYZE over the benchmark's 200,000 posts on a busy
2-core machine (the query alone, ms): the words live in a stored tsvector column with a GIN index
(migration 0008); the newest MAX_HITS matching ids are fetched once with their rank and sorted by
rank in Python, so the Paginator counts a list (no COUNT over the match) and a page fetches its ten.
- PostgreSQL cannot estimate a prefix query (``'frukost':*`` is always 2 % of the rows): left to
  itself it walked the date index for every word, 12 ms for "samverkan" (70,000 matches) but 600 to 770
  ms for a rare or absent word, and chose the GIN index for two words, 1,400 ms ("samverkan
  kommunen", 39,000 matches sorted by date).
- So the query (MATCHES) fixes the plan itself: a walk down the date index of at most NEWEST_WINDOW
  posts (common words: 16 to 26 ms with one or two words), and only when that finds fewer than MAX_HITS,
  the GIN index for the rest (rare and absent words: 33 to 46 ms, the walk included).
- JIT is off for the query: the cost of the branch that mostly never runs passed jit_above_cost and
  JIT compilation took ~200 ms of a 220 ms search.
Before (vector computed per row, COUNT then page, each ~70,000 matches): 1,500 to 2,800 ms of SQL.
"""

import html
import re

from django.db import connection, transaction
from django.db.models import Q
from django.utils.html import strip_tags
from machina.core.db.models import get_model

from .visibility import readable_forums, visible_posts

Post = get_model("forum_conversation", "Post")

SEARCH_CONFIG = "swedish"
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


def prefix_query(words):
    """A tsquery matching posts with a word beginning with each of ``words``: ``'frukost':*``.
    The words are letters and digits only, so each is one plain lexeme between its quotes."""
    return " & ".join(f"'{word}':*" for word in words)


class SearchHits:
    """The ids of a search's hits in order, for Django's Paginator: the count is their number (no
    second COUNT over the whole match), and a slice (a page) fetches only its own objects from
    ``queryset`` (the site search's pages use it too)."""

    def __init__(self, ids, queryset):
        self.ids = ids
        self.queryset = queryset

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, page_slice):
        ids = self.ids[page_slice]
        found = {hit.pk: hit for hit in self.queryset.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


# What a page of post hits shows: the topic, its forum and the author's profile.
HIT_POSTS = Post.objects.select_related("topic__forum", "poster__member_profile")

# One query, two plans (see the module's docstring): ``newest`` walks down the newest posts (btree
# forum_post_newest) and stops at MAX_HITS matches or after NEWEST_WINDOW posts; only if it ends
# short does ``every_match`` run: every match from the GIN index (forum_post_search_vector), the
# newest MAX_HITS of them. The topic is checked with a subquery per candidate rather than a join,
# so that the walk streams in date order and stops early.
NEWEST_WINDOW = 10_000
MATCHES = """
WITH newest AS (
    SELECT post.id, ts_rank(post.search_vector, query) AS rank FROM (
        SELECT id, created, topic_id, search_vector FROM forum_conversation_post
        WHERE approved ORDER BY created DESC, id DESC LIMIT %(window)s
    ) post, to_tsquery('swedish', %(query)s) query
    WHERE post.search_vector @@ query AND (
        SELECT topic.approved AND topic.forum_id = ANY(%(forums)s)
        FROM forum_conversation_topic topic WHERE topic.id = post.topic_id
    )
    ORDER BY post.created DESC, post.id DESC LIMIT %(limit)s
), every_match AS MATERIALIZED (
    SELECT id, created, topic_id, search_vector FROM forum_conversation_post
    WHERE approved AND search_vector @@ to_tsquery('swedish', %(query)s)
)
SELECT id, rank FROM newest WHERE (SELECT count(*) FROM newest) = %(limit)s
UNION ALL (
    SELECT post.id, ts_rank(post.search_vector, to_tsquery('swedish', %(query)s)) FROM every_match post
    WHERE (SELECT count(*) FROM newest) < %(limit)s AND (
        SELECT topic.approved AND topic.forum_id = ANY(%(forums)s)
        FROM forum_conversation_topic topic WHERE topic.id = post.topic_id
    )
    ORDER BY post.created DESC, post.id DESC LIMIT %(limit)s
)
"""


def search_posts(query, user, permission_handler):
    """Posts the user may see (visibility.py) that match the query: the newest MAX_HITS of them, the
    best matches first on PostgreSQL and the newest first elsewhere, as SearchHits."""
    words = search_words(query)
    if not words:
        return SearchHits([], HIT_POSTS)
    if connection.vendor != "postgresql":
        posts = visible_posts(user, permission_handler)
        for word in words:
            posts = posts.filter(Q(subject__icontains=word) | Q(content__icontains=word))
        return SearchHits(list(posts.order_by("-created", "-pk").values_list("pk", flat=True)[:MAX_HITS]), HIT_POSTS)
    params = {
        "query": prefix_query(words),
        # The same rule as visible_posts: approved posts in approved topics of these forums.
        "forums": list(readable_forums(user, permission_handler).values_list("pk", flat=True)),
        "window": NEWEST_WINDOW,
        "limit": MAX_HITS,
    }
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner's cost for the branch that mostly never runs passes jit_above_cost, and
        # compiling the query takes ten times longer than running it.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(MATCHES, params)
        hits = cursor.fetchall()
    # The newest first, then the best: a stable sort keeps equally good hits newest first.
    return SearchHits([pk for pk, rank in sorted(hits, key=lambda hit: -hit[1])], HIT_POSTS)


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
