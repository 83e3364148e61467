"""Forum posts in the site search at /sok/: only approved posts the visitor may read, found the
moment they are posted, shown with topic, author's display name and a plain-text excerpt."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from forum.machina.links import topic_url
from forum.machina.search import POST_SEARCH_VECTOR, SEARCH_CONFIG, Post
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory, TopicFactory, UserFactory
from tests.forum.helpers import post_create_url, submit_form

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Swedish full-text search needs PostgreSQL"
)


def forum_section(client, query, **params):
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one('section[aria-labelledby="sok-forum"]')


def found_topics(client, query, **params):
    section = forum_section(client, query, **params)
    return [link.get_text() for link in section.select(".search-result__title a")] if section else []


def test_a_post_is_shown_with_its_topic_author_forum_and_a_link_to_it(client, public_forum):
    author = ForumMemberFactory(username="alva@huddingehem.se", email="alva@huddingehem.se")
    MemberProfileFactory(user=author, display_name="Alva på Huddingehem")
    topic = TopicFactory(forum=public_forum, poster=author, subject="Sommarjobb för unga")
    post = PostFactory(topic=topic, content="Vi erbjuder tjugo sommarjobb i år.")

    response = client.get("/sok/", {"q": "sommarjobb"})

    html = response.content.decode()
    section = forum_section(client, "sommarjobb")
    assert section.h2.get_text(" ", strip=True) == "Foruminlägg (1)"
    link = section.select_one(".search-result__title a")
    assert link.get_text() == "Sommarjobb för unga"
    assert link["href"] == f"{topic_url(topic)}?post={post.pk}#{post.pk}"
    assert "Av: Alva på Huddingehem" in section.get_text(" ", strip=True)
    assert "Forum: Företagsklimat" in section.get_text(" ", strip=True)
    assert "Vi erbjuder tjugo sommarjobb i år." in section.get_text()
    assert "alva@huddingehem.se" not in html
    assert "1 träff för <strong>sommarjobb</strong>: 0 sidor och 1 foruminlägg." in html
    assert "Inga sidor matchade sökningen." in html


@pytest.mark.parametrize(
    ("who", "finds_members_only"),
    [("anonymous", False), ("registered", False), ("member", True)],
)
def test_members_only_posts_are_found_only_by_members(client, public_forum, members_forum, who, finds_members_only):
    PostFactory(topic__forum=public_forum, topic__subject="Öppet om cykelbanor", content="Cykelbanor behövs.")
    PostFactory(topic__forum=members_forum, topic__subject="Internt om cykelbanor", content="Cykelbanor kostar.")
    if who != "anonymous":
        client.force_login(ForumMemberFactory() if who == "member" else UserFactory())

    topics = found_topics(client, "cykelbanor")

    expected = ["Internt om cykelbanor", "Öppet om cykelbanor"] if finds_members_only else ["Öppet om cykelbanor"]
    assert sorted(topics) == expected


def test_posts_waiting_for_approval_are_not_found(client, public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Godkänt ämne", content="Ett vanligt inlägg.").topic
    PostFactory(topic=topic, subject="Re: Godkänt ämne", content="Väntande reklam för pannkakor.", approved=False)
    PostFactory(topic__forum=public_forum, topic__subject="Pannkakor", content="Pannkakor till alla!", approved=False)
    client.force_login(ForumMemberFactory())

    assert found_topics(client, "pannkakor") == []
    assert "Inga sidor eller foruminlägg matchade" in client.get("/sok/", {"q": "pannkakor"}).content.decode()


def test_a_reply_is_found_as_soon_as_it_is_posted(client, public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Laddstolpar", content="Var finns de?").topic
    client.force_login(ForumMemberFactory())

    response = submit_form(
        client, post_create_url(topic), "form.forum-form", subject="Re: Laddstolpar", content="Vid Huddinge centrum."
    )

    assert response.status_code == 302
    assert found_topics(client, "centrum") == ["Laddstolpar"]


def test_the_excerpt_is_the_posts_text_without_markup_and_escaped(client, public_forum):
    PostFactory(
        topic__forum=public_forum,
        topic__subject="Markering",
        content='**Viktigt**: läs [protokollet](https://example.se/p) om 3 < 5 & <script>alert("x")</script>',
    )

    excerpt = forum_section(client, "protokollet").select_one(".search-result--post > p:last-child")

    # Raw HTML in a post is shown as text on the topic page, and so it is in the excerpt.
    assert excerpt.find_all(True) == []
    assert excerpt.decode_contents() == (
        'Viktigt: läs protokollet om 3 &lt; 5 &amp; &lt;script&gt;alert("x")&lt;/script&gt;'
    )


def test_the_excerpt_of_a_long_post_starts_near_the_searched_word(client, public_forum):
    filler = " ".join(f"ord{n}" for n in range(200))
    PostFactory(topic__forum=public_forum, content=f"{filler} Här står det om pendeltåg. {filler}")

    excerpt = forum_section(client, "pendeltåg").select_one(".search-result--post > p:last-child").get_text()

    assert excerpt.startswith("…ord")
    assert excerpt.endswith("…")
    assert "Här står det om pendeltåg." in excerpt
    assert len(excerpt) < 300


def test_forum_results_are_paginated_apart_from_the_pages(client, public_forum):
    for number in range(12):
        PostFactory(topic__forum=public_forum, topic__subject=f"Företagsträff {number}", content="Om företagsträffar.")

    first = client.get("/sok/", {"q": "företagsträff"}).content.decode()
    second = found_topics(client, "företagsträff", forumsida="2")

    assert first.count('class="search-result search-result--post"') == 10
    assert "Foruminlägg <span" in first
    assert "Sida 1 av 2" in first
    assert 'href="?q=f%C3%B6retagstr%C3%A4ff&amp;forumsida=2" rel="next">Nästa sida</a>' in first
    assert second == ["Företagsträff 1", "Företagsträff 0"]


def test_a_search_matching_more_posts_than_it_shows_says_so_and_shows_the_newest(client, public_forum, monkeypatch):
    monkeypatch.setattr("forum.machina.search.MAX_HITS", 3)
    monkeypatch.setattr("home.views.MAX_HITS", 3)
    for number in range(4):
        PostFactory(topic__forum=public_forum, topic__subject=f"Företagsträff {number}", content="Om företagsträffar.")

    section = forum_section(client, "företagsträff")

    assert "Sökningen visar de 3 senaste inläggen som matchar." in section.get_text()
    assert sorted(link.get_text() for link in section.select(".search-result__title a")) == [
        "Företagsträff 1",
        "Företagsträff 2",
        "Företagsträff 3",
    ]
    assert "Sökningen visar de" not in forum_section(client, "företagsträff 0").get_text()


def test_machinas_forum_search_sends_the_query_to_the_site_search(client, public_forum):
    response = client.get("/forum/search/", {"q": "bostäder"})

    assert response.status_code == 302
    assert response["Location"] == "/sok/?q=bost%C3%A4der"


def test_the_forum_links_to_the_site_search(client, public_forum):
    html = client.get("/forum/").content.decode()

    assert '<a href="/sok/">Sök i forumet</a>' in html


@pytest.mark.skipif(connection.vendor == "postgresql", reason="PostgreSQL searches whole (stemmed) words")
def test_without_postgresql_any_part_of_a_word_is_found(client, public_forum):
    PostFactory(topic__forum=public_forum, topic__subject="Näringslivsdag", content="Välkomna till näringslivsdagen!")

    assert found_topics(client, "LIVSDAG") == ["Näringslivsdag"]


@on_postgresql
def test_swedish_stemming_finds_other_forms_of_a_word(client, public_forum):
    PostFactory(topic__forum=public_forum, topic__subject="Nybyggen", content="Bostäderna byggs nära stationen.")
    PostFactory(topic__forum=public_forum, topic__subject="Cykelbanor", content="Kommunen bygger en ny cykelbana.")

    assert found_topics(client, "bostäder") == ["Nybyggen"]
    assert found_topics(client, "cykelbanorna") == ["Cykelbanor"]


@on_postgresql
def test_the_best_match_comes_first(client, public_forum):
    PostFactory(
        topic__forum=public_forum,
        topic__subject="Bostäder i Flemingsberg",
        content="Bostäder, bostäder och åter bostäder.",
    )
    PostFactory(topic__forum=public_forum, topic__subject="Trafik", content="Trafiken ökar när bostäder byggs.")

    assert found_topics(client, "bostäder") == ["Bostäder i Flemingsberg", "Trafik"]


@on_postgresql
def test_the_search_filter_can_use_the_gin_index(public_forum):
    """The index is built on the very expression the search filters on. (Whether the planner
    picks it for a whole search depends on the table's statistics; the filter alone shows that
    it can.)"""
    PostFactory(topic__forum=public_forum, content="Kommunen planerar en ny bostad.")
    matching = Post.objects.annotate(search=POST_SEARCH_VECTOR).filter(
        search=SearchQuery("bostad", config=SEARCH_CONFIG, search_type="websearch")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = matching.explain()
        cursor.execute("SET enable_seqscan = on")

    assert "forum_post_search_swedish" in plan
