import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from arena.content_cache import cached_until_content_changes
from forum.conclusions.services import MAX_SEARCH_HITS, search_conclusions
from forum.machina.search import MAX_HITS, SearchHits, search_posts, search_words
from home.search import hit_ids, prefix_query

RESULTS_PER_PAGE = 10
# A search shows at most this many pages, the best first: their ids are fetched once, so the
# Paginator counts them in Python instead of asking the search backend for a COUNT over the whole
# match.
MAX_PAGE_HITS = 100
MAX_QUERY_LENGTH = 200
# PostgreSQL refuses any string with a NUL character in it; no control character belongs in a query.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def promoted_query_strings():
    """The queries editors have promoted results for: a handful, the same until content changes."""
    return cached_until_content_changes(
        "search.promoted-queries",
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )


def promotions_for(query, public_pages):
    """The editors' promoted results for a query, without recording the query: a GET must not
    write a row for every string a visitor or a crawler tries. Most queries have none, and are
    not looked up."""
    query_string = normalise_query_string(query)
    if query_string not in promoted_query_strings():
        return []
    return list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .filter(Q(page__isnull=True) | Q(page__in=public_pages))
        .select_related("page")
    )


def search(request):
    """Searches the live, public pages, the forum's conclusions and the forum posts the visitor may
    read; pages and posts each with its own pagination (``sida``, ``forumsida``), the newest
    conclusions at most MAX_SEARCH_HITS; the editors' promoted pages come first."""
    query = CONTROL_CHARACTERS.sub(" ", request.GET.get("q", "")).strip()
    context = {"query": query, "promotions": [], "pages": None, "posts": None, "hit_count": 0, "error": None}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = f"Sökfrågan är för lång. Använd högst {MAX_QUERY_LENGTH} tecken."
    elif query:
        # Which pages are private is read once (Wagtail's public() looks up every restriction).
        public_pages = Page.objects.live().public()
        promotions = promotions_for(query, public_pages)
        promoted_pages = [promotion.page_id for promotion in promotions if promotion.page_id]
        # Pages and posts are searched for the query's words alone: no operator or quote reaches
        # a database's query parser, and a query with no words finds nothing.
        words = search_words(query)
        hits = []
        if words:
            hits = hit_ids(public_pages.exclude(pk__in=promoted_pages).search(prefix_query(words))[:MAX_PAGE_HITS])
        # Only the pages shown are read as their own types (a news page's summary).
        pages = SearchHits(hits, Page.objects.specific())
        pages = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("sida"))
        posts = search_posts(query, request.user, request.forum_permission_handler)
        posts = Paginator(posts, RESULTS_PER_PAGE).get_page(request.GET.get("forumsida"))
        conclusions = search_conclusions(words, request.user, request.forum_permission_handler)
        if pages.number == 1:
            context["promotions"] = promotions
        page_count = len(promotions) + pages.paginator.count
        context.update(
            pages=pages,
            posts=posts,
            page_count=page_count,
            post_count=posts.paginator.count,
            conclusions=conclusions,
            max_post_hits=MAX_HITS,
            max_page_hits=MAX_PAGE_HITS,
            max_conclusion_hits=MAX_SEARCH_HITS,
            hit_count=page_count + len(conclusions) + posts.paginator.count,
        )
    return TemplateResponse(request, "home/search_results.html", context)
