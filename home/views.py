from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def promotions_for(query):
    """The editors' promoted results for a query, without recording the query: a GET must not
    write a row for every string a visitor or a crawler tries."""
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(query)).select_related(
        "page"
    )
    public_pages = Page.objects.live().public()
    return [
        promotion
        for promotion in promotions
        if promotion.page is None or public_pages.filter(pk=promotion.page_id).exists()
    ]


def search(request):
    """Searches every live, public page; the editors' promoted results come first."""
    query = request.GET.get("q", "").strip()
    # SQLite's full-text search (make run, the tests) fails on a double quote, and neither
    # database's search gives it a meaning: the words are searched without it.
    words = query.replace('"', " ").strip()
    context = {"query": query, "promotions": [], "results": None, "hit_count": 0, "error": None}
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = f"Sökfrågan är för lång. Använd högst {MAX_QUERY_LENGTH} tecken."
    elif words:
        promotions = promotions_for(query)
        promoted_pages = [promotion.page_id for promotion in promotions if promotion.page_id]
        results = Page.objects.live().public().exclude(pk__in=promoted_pages).specific().search(words)
        page_of_results = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("sida"))
        if page_of_results.number == 1:
            context["promotions"] = promotions
        context["results"] = page_of_results
        context["hit_count"] = len(promotions) + page_of_results.paginator.count
    return TemplateResponse(request, "home/search_results.html", context)
