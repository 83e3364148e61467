"""Visitors without cookies get public pages from the shared cache (arena/page_cache.py); a change
shows at once, and members, forms and previews never meet a page cached for someone else.

Every test runs twice: with the run's own cache, and as production runs with Redis, where each
process also keeps copies of pages and learns of changes from Redis's announcements."""

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from arena.page_cache import PROCESS_CACHE
from forum.machina.links import topic_url
from forum.permissions import make_members_only
from home.models import SiteSettings
from tests.forum.factories import ForumMemberFactory, ForumModeratorFactory, PostFactory, PostReportFactory, UserFactory
from tests.forum.helpers import forum_url, post_create_url, submit_form
from tests.home.factories import (
    ContactPageFactory,
    EventIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)
from tests.tools import RedisServer


@pytest.fixture(scope="module")
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True, params=["shared cache", "copies in each process"])
def page_copies(request, settings):
    if request.param == "copies in each process":
        server = request.getfixturevalue("redis_server")
        redis.Redis.from_url(server.url).flushall()
        settings.CACHES = {
            **settings.CACHES,
            "default": {"BACKEND": "arena.cache.FailOpenRedisCache", "LOCATION": server.url},
        }
        settings.ANONYMOUS_PAGE_CACHE_IN_PROCESS = True
        caches[PROCESS_CACHE].clear()


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True)


@pytest.fixture
def topic(public_forum):
    return PostFactory(
        topic__forum=public_forum, topic__subject="Sommarjobb", content="Hur når vi fler unga till sommarjobb?"
    ).topic


def anonymous_get(path):
    """A visitor without cookies, as every first-time visitor and crawler is."""
    response = Client().get(path)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("name", ["start page", "standard page", "news listing", "forum index", "forum", "topic"])
def test_a_second_visitor_gets_the_same_page_without_a_database_query(
    page, public_forum, topic, django_assert_num_queries, name
):
    news_index = NewsIndexPageFactory(parent=page.get_parent())
    NewsPageFactory(parent=news_index, title="Fullt hus på frukostmötet")
    path = {
        "start page": "/",
        "standard page": page.url,
        "news listing": news_index.url,
        "forum index": "/forum/",
        "forum": forum_url(public_forum),
        "topic": topic_url(topic),
    }[name]
    first = anonymous_get(path)

    with django_assert_num_queries(0):
        second = anonymous_get(path)

    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=120"
    assert second.cookies == {}


def test_shared_pages_say_public_and_vary_on_cookie_because_members_get_other_pages_at_the_same_url(page):
    response = anonymous_get(page.url)

    assert response["Cache-Control"] == "public, max-age=120"
    assert response["Vary"] == "Cookie"


def test_a_head_request_is_answered_from_the_cache_like_a_get(page, django_assert_num_queries):
    anonymous_get(page.url)

    with django_assert_num_queries(0):
        response = Client().head(page.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=120"


def test_a_calendar_feed_is_shared_without_vary_cookie_as_it_is_the_same_for_everyone(home_page):
    events = EventIndexPageFactory(parent=home_page)

    response = anonymous_get(events.calendar_url)

    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "public, max-age=120"
    assert "Vary" not in response


def test_publishing_a_change_shows_it_to_the_next_visitor(page):
    assert "Vi möts på lika villkor." not in anonymous_get(page.url).content.decode()

    page.introduction = "Vi möts på lika villkor."
    page.save_revision().publish()

    assert "Vi möts på lika villkor." in anonymous_get(page.url).content.decode()


def test_a_new_news_item_shows_at_once_in_the_listing_and_on_the_start_page_menu(page):
    news_index = NewsIndexPageFactory(parent=page.get_parent(), show_in_menus=True)
    anonymous_get(news_index.url)
    anonymous_get("/")

    news = NewsPageFactory(parent=news_index, title="Dialogmöte om samhällsbyggnad", live=False)
    news.save_revision().publish()

    assert "Dialogmöte om samhällsbyggnad" in anonymous_get(news_index.url).content.decode()

    news.refresh_from_db()
    news.unpublish()

    assert "Dialogmöte om samhällsbyggnad" not in anonymous_get(news_index.url).content.decode()
    assert Client().get(news.url).status_code == 404


def test_moving_and_deleting_a_page_take_it_out_of_the_menu_at_once(page, home_page):
    other = StandardPageFactory(parent=home_page, title="Om föreningen", show_in_menus=True)
    assert "Vår verksamhet" in anonymous_get("/").content.decode()

    page.move(other, pos="last-child")

    assert "Vår verksamhet" not in anonymous_get("/").content.decode()
    assert "Om föreningen" in anonymous_get("/").content.decode()

    other.delete()

    assert "Om föreningen" not in anonymous_get("/").content.decode()


def test_changed_site_settings_show_in_the_footer_at_once(page):
    assert "info@arenahuddinge.se" in anonymous_get(page.url).content.decode()

    settings = SiteSettings.objects.get()
    settings.email = "kansliet@arenahuddinge.se"
    settings.save()

    html = anonymous_get(page.url).content.decode()
    assert "kansliet@arenahuddinge.se" in html
    assert "info@arenahuddinge.se" not in html


def test_a_members_reply_shows_at_once_on_the_topic_page_for_visitors(topic):
    anonymous_get(topic_url(topic))
    member = Client()
    member.force_login(ForumMemberFactory())

    response = submit_form(
        member, post_create_url(topic), "form.forum-form", subject="Re: Sommarjobb", content="Vi tar emot tre i juni."
    )

    assert response.status_code == 302
    assert "Vi tar emot tre i juni." in anonymous_get(topic_url(topic)).content.decode()


def test_hiding_a_reported_post_removes_it_from_the_cached_topic_page_at_once(topic):
    reply = PostFactory(topic=topic, subject="Re: Sommarjobb", content="Köp billiga klockor här!")
    assert "Köp billiga klockor här!" in anonymous_get(topic_url(topic)).content.decode()
    report = PostReportFactory(post=reply)
    moderator = Client()
    moderator.force_login(ForumModeratorFactory())

    response = moderator.post(f"/forum-moderering/anmalningar/{report.pk}/", {f"r{report.pk}-action": "hide"})

    assert response.status_code == 302
    html = anonymous_get(topic_url(topic)).content.decode()
    assert "Hur når vi fler unga till sommarjobb?" in html
    assert "Köp billiga klockor här!" not in html


def test_a_forum_made_members_only_is_no_longer_served_to_visitors(topic):
    anonymous_get(topic_url(topic))

    make_members_only(topic.forum)

    assert Client().get(topic_url(topic)).status_code != 200
    assert "Sommarjobb" not in anonymous_get("/forum/").content.decode()


def test_a_page_made_private_is_no_longer_served_to_visitors(page):
    anonymous_get(page.url)

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = Client().get(page.url)
    assert response.status_code == 302
    assert response["Location"] == "/konto/logga-in/?next=/var-verksamhet/"


@pytest.mark.parametrize("path", ["/", "/forum/"])
def test_a_member_gets_their_own_page_after_a_visitor_warmed_the_cache_and_it_is_never_shared(path, page):
    assert "Logga in" in anonymous_get(path).content.decode()
    member = ForumMemberFactory()
    client = Client()
    client.force_login(member)

    response = client.get(path)

    html = response.content.decode()
    assert "Logga ut" in html
    assert "Logga in" not in html
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]

    visitor_html = anonymous_get(path).content.decode()
    assert "Logga ut" not in visitor_html
    assert reverse("forum_member:user_posts", args=[member.pk]) not in visitor_html


def test_a_visitor_with_a_cookie_gets_a_freshly_rendered_page(page, django_assert_max_num_queries):
    anonymous_get(page.url)
    visitor = Client()
    visitor.cookies["sessionid"] = "a-session-from-an-earlier-form"

    with django_assert_max_num_queries(100) as queries:
        response = visitor.get(page.url)

    assert response.status_code == 200
    assert len(queries) > 0
    assert "no-store" in response["Cache-Control"]


def test_a_page_with_a_form_gives_each_visitor_their_own_csrf_token(home_page):
    contact = ContactPageFactory(parent=home_page)

    first, second = anonymous_get(contact.url), anonymous_get(contact.url)

    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "no-store" in second["Cache-Control"]


def test_a_draft_preview_is_never_cached_nor_shown_to_visitors(page):
    editor = Client()
    editor.force_login(UserFactory(is_superuser=True, is_staff=True))
    page.introduction = "Ett utkast som inte är publicerat."
    page.save_revision()
    anonymous_get(page.url)

    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))

    assert "Ett utkast som inte är publicerat." in preview.content.decode()
    assert "public" not in preview["Cache-Control"]
    assert "Ett utkast som inte är publicerat." not in anonymous_get(page.url).content.decode()


def test_a_request_for_another_host_never_gets_a_cached_page(page):
    anonymous_get(page.url)

    response = Client(HTTP_HOST="annan-sajt.example").get(page.url)

    assert response.status_code == 400


def test_a_repeated_search_is_answered_from_the_cache_and_a_new_post_shows_at_once(topic, django_assert_num_queries):
    path = f"{reverse('search')}?q=sommarjobb"
    first = anonymous_get(path)
    assert "Hur når vi fler unga till sommarjobb?" in first.content.decode()

    with django_assert_num_queries(0):
        second = anonymous_get(path)
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=120"

    PostFactory(topic=topic, subject="Re: Sommarjobb", content="Fler sommarjobb i Flemingsberg i år.")

    assert "Fler sommarjobb i Flemingsberg i år." in anonymous_get(path).content.decode()


def test_members_and_visitors_never_get_each_others_search_results(topic, members_forum):
    PostFactory(topic__forum=members_forum, topic__subject="Internt", content="Sommarjobb enbart för medlemmar.")
    path = f"{reverse('search')}?q=sommarjobb"
    member = Client()
    member.force_login(ForumMemberFactory())

    visitor_before = anonymous_get(path).content.decode()
    member_response = member.get(path)
    visitor_after = anonymous_get(path).content.decode()

    assert "Sommarjobb enbart för medlemmar." in member_response.content.decode()
    assert "no-store" in member_response["Cache-Control"]
    for html in (visitor_before, visitor_after):
        assert "Hur når vi fler unga till sommarjobb?" in html
        assert "Sommarjobb enbart för medlemmar." not in html
