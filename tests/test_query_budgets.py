"""Query budgets: a page costs the same number of SQL queries with 5 items as with 100, within a
stated budget. A query per row in a template shows up here as a count that grows.

Each count is for rendering the page, as after a change: the shared page cache is emptied first
(tests/test_page_cache.py covers the cached answers, which need no query at all)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from arena.page_cache import invalidate_cached_pages

from .factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ForumMemberFactory,
    ImageFactory,
    MemberProfileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PostFactory,
    StandardPageFactory,
    TopicFactory,
)


def queries_for(client, url):
    invalidate_cached_pages()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_news(news_index, count, image):
    for n in range(count):
        page = NewsPageFactory(parent=news_index, title=f"Nyhet om mellanrummen {n}", image=image)
        page.tags.add("samhällsbyggnad", f"tema-{n % 3}")
        page.save()


def add_events(event_index, count):
    for n in range(count):
        EventPageFactory(parent=event_index, title=f"Frukostmöte om mellanrummen {n}")


@pytest.fixture
def sections(home_page, media_root):
    return {
        "news": NewsIndexPageFactory(parent=home_page),
        "events": EventIndexPageFactory(parent=home_page),
        "image": ImageFactory(),
    }


@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/", 15),
        ("/nyheter/", 20),
        ("/nyheter/?tagg=samhallsbyggnad", 20),
        ("/aktiviteter/", 20),
        ("/sok/?q=nyhet", 20),
    ],
)
def test_listing_costs_the_same_with_5_and_100_items(client, sections, url, budget):
    add_news(sections["news"], 5, sections["image"])
    add_events(sections["events"], 5)
    queries_for(client, url)  # warm the per-process caches (content types, site root paths)
    with_5 = queries_for(client, url)

    add_news(sections["news"], 95, sections["image"])
    add_events(sections["events"], 95)
    with_100 = queries_for(client, url)

    assert with_5 == with_100, f"{url}: {with_5} queries with 5 items, {with_100} with 100"
    assert with_100 <= budget, f"{url}: {with_100} queries, budget {budget}"


def add_forum_posts(forums, numbers):
    """Matching posts, alternately in each forum, each in its own topic by a member with a display name."""
    for n in numbers:
        poster = ForumMemberFactory()
        MemberProfileFactory(user=poster)
        topic = TopicFactory(forum=forums[n % 2], poster=poster, subject=f"Mellanrummen {n}")
        PostFactory(topic=topic, content=f"Ett inlägg om mellanrummen nummer {n}.")


# Measured: 15 queries for a visitor, 20 for a member (session, user, group grants, Wagtail user perms).
SEARCH_BUDGET = 25


@pytest.mark.parametrize("who", ["anonymous", "member"])
def test_search_with_forum_posts_costs_the_same_with_5_and_100_posts(
    client, sections, public_forum, members_forum, who
):
    if who == "member":
        client.force_login(ForumMemberFactory())
    add_news(sections["news"], 5, sections["image"])
    add_forum_posts([public_forum, members_forum], range(5))
    url = "/sok/?q=mellanrummen"
    queries_for(client, url)
    with_5 = queries_for(client, url)

    add_forum_posts([public_forum, members_forum], range(5, 100))
    response = client.get(url)
    with_100 = queries_for(client, url)

    readable = 100 if who == "member" else 50  # half the posts are in the members-only forum
    assert f"och {readable} foruminlägg." in response.content.decode()
    assert with_5 == with_100, f"{url} ({who}): {with_5} queries with 5 posts, {with_100} with 100"
    assert with_100 <= SEARCH_BUDGET, f"{url} ({who}): {with_100} queries, budget {SEARCH_BUDGET}"


CONTENT_PAGE_BUDGET = 15


def test_content_pages_stay_within_budget(client, home_page, sections):
    add_news(sections["news"], 1, sections["image"])
    news_page = sections["news"].get_children().live().first()
    standard_page = StandardPageFactory(parent=home_page, slug="var-verksamhet", show_in_menus=True)
    for n in range(10):
        StandardPageFactory(parent=home_page, title=f"Menysida {n}", show_in_menus=True)

    for url in (news_page.url, standard_page.url):
        queries_for(client, url)
        count = queries_for(client, url)
        assert count <= CONTENT_PAGE_BUDGET, f"{url}: {count} queries, budget {CONTENT_PAGE_BUDGET}"
