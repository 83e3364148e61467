"""Site search at /sok/: live public pages only, promoted results first, paginated, and every
odd query answered in Swedish rather than with an error. Forum posts in the same search:
tests/forum/test_search.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.forum.factories import PostFactory
from tests.home.factories import StandardPageFactory


def test_header_has_a_labelled_search_box_on_every_page(client, home_page):
    html = client.get("/").content.decode()

    assert '<form class="header-search" action="/sok/" method="get" role="search">' in html
    assert '<label class="visually-hidden" for="sok-sidhuvud">Sök på webbplatsen</label>' in html
    assert 'id="sok-sidhuvud" name="q"' in html


def test_empty_query_explains_what_to_do(client, home_page):
    response = client.get("/sok/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="form-field__label" for="sok-sida">Sökord</label>' in html
    assert "Skriv ett eller flera ord i sökrutan" in html


def test_search_finds_live_public_pages_with_summary_and_url(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Frukostmöten", slug="frukostmoten", summary="Vi träffas över en frukost."
    )
    StandardPageFactory(parent=home_page, title="Frukostmöten i utkast", slug="utkast", live=False)
    private = StandardPageFactory(parent=home_page, title="Frukostmöten för styrelsen", slug="styrelsen")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/sok/", {"q": "frukostmöten"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "1 träff för <strong>frukostmöten</strong>: 1 sida och 0 foruminlägg." in html
    assert "Inga foruminlägg matchade sökningen." in html
    assert '<a href="/frukostmoten/">Frukostmöten</a>' in html
    assert "Vi träffas över en frukost." in html
    assert "http://testserver/frukostmoten/" in html
    assert "i utkast" not in html
    assert "för styrelsen" not in html


def test_no_results_says_so_in_swedish(client, home_page):
    html = client.get("/sok/", {"q": "zeppelinare"}).content.decode()

    assert "Inga sidor eller foruminlägg matchade <strong>zeppelinare</strong>" in html


def test_promoted_results_come_first(client, home_page):
    StandardPageFactory(parent=home_page, title="Nätverk för företag", slug="natverk")
    promoted = StandardPageFactory(parent=home_page, title="Bli medlem", slug="bli-medlem")
    SearchPromotion.objects.create(
        query=Query.get("nätverk"), page=promoted, description="Så går ditt företag med i föreningen.", sort_order=0
    )

    html = client.get("/sok/", {"q": "Nätverk"}).content.decode()

    assert "2 träffar" in html
    assert "Så går ditt företag med i föreningen." in html
    promoted_link = html.index('<a href="/bli-medlem/">Bli medlem</a>')
    assert promoted_link < html.index('<a href="/natverk/">Nätverk för företag</a>')


def test_a_new_promotion_shows_in_the_next_search(client, home_page):
    promoted = StandardPageFactory(parent=home_page, title="Bli medlem", slug="bli-medlem")
    before = client.get("/sok/", {"q": "medlemskap"}).content.decode()

    SearchPromotion.objects.create(
        query=Query.get("medlemskap"), page=promoted, description="Så går ditt företag med.", sort_order=0
    )
    after = client.get("/sok/", {"q": "medlemskap"}).content.decode()

    assert "Så går ditt företag med." not in before
    assert "Så går ditt företag med." in after
    assert "1 träff" in after


def test_a_query_nobody_promoted_is_not_looked_up(client, home_page):
    SearchPromotion.objects.create(query=Query.get("nätverk"), page=home_page, sort_order=0)
    client.get("/sok/", {"q": "styrelse"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sok/", {"q": "protokoll"})

    assert response.status_code == 200
    assert not [query for query in queries if "wagtailsearchpromotions" in query["sql"]]


def test_promotions_of_drafts_and_private_pages_are_not_shown(client, home_page):
    draft = StandardPageFactory(parent=home_page, title="Styrelsens utkast", slug="utkast", live=False)
    private = StandardPageFactory(parent=home_page, title="Styrelserummet", slug="styrelserummet")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    for order, page in enumerate((draft, private)):
        SearchPromotion.objects.create(query=Query.get("styrelse"), page=page, sort_order=order)

    html = client.get("/sok/", {"q": "styrelse"}).content.decode()

    assert "/utkast/" not in html
    assert "/styrelserummet/" not in html


def test_results_are_paginated_ten_to_a_page(client, home_page):
    for number in range(12):
        StandardPageFactory(parent=home_page, title=f"Företagsträff {number}", slug=f"traff-{number}")

    first = client.get("/sok/", {"q": "företagsträff"}).content.decode()
    second = client.get("/sok/", {"q": "företagsträff", "sida": "2"}).content.decode()

    assert first.count('class="search-result"') == 10
    assert 'aria-current="page" aria-label="Sida 1, aktuell sida">1</a>' in first
    assert 'href="?q=f%C3%B6retagstr%C3%A4ff&amp;sida=2" rel="next">Nästa sida</a>' in first
    assert second.count('class="search-result"') == 2


@pytest.mark.parametrize("page_number", ["0", "-1", "99", "abc", "1e9"])
def test_bad_page_numbers_never_break_the_search(client, home_page, page_number):
    StandardPageFactory(parent=home_page, title="Företagsträff", slug="traff")

    response = client.get("/sok/", {"q": "företagsträff", "sida": page_number})

    assert response.status_code == 200
    assert '<a href="/traff/">Företagsträff</a>' in response.content.decode()


def test_an_over_long_query_is_refused_in_swedish(client, home_page):
    response = client.get("/sok/", {"q": "huddinge " * 30})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sökfrågan är för lång. Använd högst 200 tecken." in html
    assert 'aria-invalid="true" aria-describedby="sok-sida-fel"' in html


def test_an_over_long_query_of_any_length_is_refused_in_swedish(client, home_page):
    response = client.get("/sok/", {"q": "x" * 100_000})

    assert response.status_code == 200
    assert "Sökfrågan är för lång. Använd högst 200 tecken." in response.content.decode()


@pytest.mark.parametrize("query", ["\x00", " \x00\x1f\x7f ", "\x00" * 300])
def test_a_query_of_only_control_characters_counts_as_empty(client, home_page, query):
    response = client.get("/sok/", {"q": query})

    assert response.status_code == 200
    assert "Skriv ett eller flera ord i sökrutan" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "samarbete\x00",
        "sam\x00arbete",
        "'; DROP TABLE forum_conversation_post; --",
        '"ett citat utan slut',
        '"',
        "a & b | !c <-> d:*",
        "((( ]]] {{{",
        "\\ % _ * ? ~ ^",
        "och att det",
        "😀 ∑ \u200b",
        "samarbete " + "-" * 40,
        "-" * 200,
        "!" * 100 + "samarbete",
        "(" * 60 + "samarbete" + ")" * 60,
        "samarbete " + " OR " * 30,
    ],
)
def test_hostile_queries_get_an_answer_in_swedish(client, home_page, public_forum, query):
    PostFactory(topic__forum=public_forum, content="Ett inlägg om samarbete.")

    response = client.get("/sok/", {"q": query})

    assert response.status_code == 200
    html = response.content.decode()
    assert "träff" in html or "Inga sidor eller foruminlägg matchade" in html


def test_the_query_is_shown_escaped(client, home_page):
    html = client.get("/sok/", {"q": "<script>alert(1)</script>"}).content.decode()

    assert "<script>alert(1)" not in html
    assert "matchade <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Swedish stemming needs PostgreSQL's full-text search")
def test_swedish_stemming_on_postgresql(client, home_page):
    StandardPageFactory(parent=home_page, title="Våra verksamheter", slug="verksamheter")

    html = client.get("/sok/", {"q": "verksamhet"}).content.decode()

    assert '<a href="/verksamheter/">Våra verksamheter</a>' in html


def test_operators_in_a_query_are_ignored_and_its_words_still_found(client, home_page, public_forum):
    PostFactory(topic__forum=public_forum, subject="Om samarbete", content="Ett inlägg om samarbete i Huddinge.")

    html = client.get("/sok/", {"q": "samarbete " + "-" * 40}).content.decode()

    assert "Om samarbete" in html


def test_a_word_finds_pages_whose_words_begin_with_it(client, home_page):
    StandardPageFactory(parent=home_page, title="Frukostmöte", slug="frukostmote")
    StandardPageFactory(parent=home_page, title="Lunchmöte", slug="lunchmote")

    html = client.get("/sok/", {"q": "frukost"}).content.decode()

    assert '<a href="/frukostmote/">Frukostmöte</a>' in html
    assert "/lunchmote/" not in html


def test_at_most_a_hundred_pages_are_shown_and_the_visitor_is_told(client, home_page, monkeypatch):
    monkeypatch.setattr("home.views.MAX_PAGE_HITS", 3)
    for number in range(4):
        StandardPageFactory(parent=home_page, title=f"Företagsträff {number}", slug=f"traff-{number}")

    html = client.get("/sok/", {"q": "företagsträff"}).content.decode()

    assert html.count('class="search-result"') == 3
    assert "Sökningen visar de 3 sidor som matchar bäst." in html
