"""/slutsatser/: the public forums' conclusions, newest first, filterable, in a feed and in the
site search; never a members-only forum's conclusion for a visitor."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.models import Conclusion
from tests.forum.factories import (
    ConclusionFactory,
    ForumFactory,
    ForumMemberFactory,
    ForumModeratorFactory,
    PostFactory,
)
from tests.home.factories import ActivityPlanIndexPageFactory, ActivityPlanPageFactory, ConclusionIndexPageFactory

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def index(home_page):
    return ConclusionIndexPageFactory(parent=home_page)


def concluded(forum, subject, when, **kwargs):
    topic = PostFactory(topic__forum=forum, topic__subject=subject).topic
    kwargs.setdefault("text", f"Samtalet om {subject.lower()} är avslutat.")
    return ConclusionFactory(topic=topic, concluded_at=datetime(*when, tzinfo=STOCKHOLM), **kwargs)


def listed(client, url="/slutsatser/"):
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [heading.text.strip() for heading in html.select(".conclusion-list .conclusion__heading")]


@pytest.fixture
def conclusions(public_forum, members_forum, forum_category):
    other_forum = ForumFactory(name="Kompetensförsörjning", parent=forum_category)
    return {
        "old": concluded(public_forum, "Parkering vid stationen", (2025, 3, 1), sector_balance="kommun"),
        "new": concluded(public_forum, "Rekrytering i vården", (2026, 5, 2), text="En gemensam rekryteringsdag."),
        "other": concluded(other_forum, "Praktikplatser", (2026, 2, 1), sector_balance="naringsliv"),
        "secret": concluded(members_forum, "Hemlig budgetfråga", (2026, 6, 1), text="Hemlig slutsats om budgeten."),
    }


def test_public_conclusions_newest_first_without_the_members_forum(client, index, conclusions):
    assert listed(client) == ["Rekrytering i vården", "Praktikplatser", "Parkering vid stationen"]
    html = client.get("/slutsatser/").content.decode()
    assert "Hemlig" not in html
    # Members see the same public list: the page is the same for everyone.
    client.force_login(ForumMemberFactory())
    assert "Hemlig" not in client.get("/slutsatser/").content.decode()


def test_filters_by_year_forum_and_sector_balance(client, index, conclusions):
    assert listed(client, "/slutsatser/?ar=2025") == ["Parkering vid stationen"]
    forum = conclusions["other"].topic.forum_id
    assert listed(client, f"/slutsatser/?forum={forum}") == ["Praktikplatser"]
    assert listed(client, "/slutsatser/?balans=kommun") == ["Parkering vid stationen"]
    assert listed(client, "/slutsatser/?ar=2026&balans=bada") == ["Rekrytering i vården"]
    # The members' forum is no choice, and asking for it filters nothing.
    html = BeautifulSoup(client.get("/slutsatser/").content, "html.parser")
    assert [option.text for option in html.select("select[name=forum] option")] == [
        "Alla forum",
        "Företagsklimat",
        "Kompetensförsörjning",
    ]
    secret_forum = conclusions["secret"].topic.forum_id
    response = client.get(f"/slutsatser/?forum={secret_forum}&ar=abc")
    assert response.status_code == 200 and "Hemlig" not in response.content.decode()
    assert len(listed(client, f"/slutsatser/?forum={secret_forum}")) == 3


def test_the_feed_lists_public_conclusions_only(client, index, conclusions):
    response = client.get("/slutsatser/feed/")

    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    items = feedparser.parse(response.content).entries
    assert [item.title for item in items] == [
        "Rekrytering i vården",
        "Praktikplatser",
        "Parkering vid stationen",
    ]
    assert items[0].link == "http://testserver" + topic_url(conclusions["new"].topic)
    assert "gemensam rekryteringsdag" in items[0].summary
    assert "Hemlig" not in response.content.decode()


def test_search_finds_conclusions_the_reader_may_read(client, index, conclusions):
    html = BeautifulSoup(client.get("/sok/?q=rekryteringsdag").content, "html.parser")
    assert [a.text for a in html.select(".search-result--conclusion a")] == ["Rekrytering i vården"]
    assert not BeautifulSoup(client.get("/sok/?q=hemlig").content, "html.parser").select(".search-result--conclusion")
    client.force_login(ForumMemberFactory())
    html = BeautifulSoup(client.get("/sok/?q=hemlig").content, "html.parser")
    assert [a.text for a in html.select(".search-result--conclusion a")] == ["Hemlig budgetfråga"]


def test_the_sitemap_never_shows_a_members_forum_conclusion(client, index, conclusions):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/slutsatser/" in sitemap
    assert topic_url(conclusions["secret"].topic) not in sitemap and "Hemlig" not in sitemap


@pytest.fixture
def plan(home_page):
    return ActivityPlanPageFactory(parent=ActivityPlanIndexPageFactory(parent=home_page), year=2027)


def cite(plan, goals):
    plan.focus_areas = [
        ("goal", {"title": title, "description": "", "status": "planerad", "conclusions": cited})
        for title, cited in goals
    ]
    plan.save_revision().publish()


def test_a_goal_shows_the_conclusions_it_cites_and_they_show_the_goal(client, index, plan, conclusions):
    cite(plan, [("Fler i jobb", [conclusions["new"], conclusions["secret"]])])

    html = BeautifulSoup(client.get(plan.url).content, "html.parser")
    goal = html.select_one(".goal")
    assert goal.select_one(".goal__dialogue-heading").text == "Från dialogen"
    assert [a.text for a in goal.select(".goal__conclusions a")] == ["Rekrytering i vården"]
    assert goal.select_one(".goal__conclusions a")["href"] == topic_url(conclusions["new"].topic)
    # On the topic and on the conclusions page, the conclusion links back to the goal.
    goal_link = f"{plan.url}#{goal['id']}"
    for page in (client.get(topic_url(conclusions["new"].topic)), client.get("/slutsatser/")):
        html = BeautifulSoup(page.content, "html.parser")
        assert [(a.text, a["href"]) for a in html.select(".conclusion__citations a")] == [
            ("Fler i jobb (Verksamhetsplan 2027)", goal_link)
        ]


def render_every_time(client):
    """The page cache answers only requests without cookies: a cookie has each page rendered."""
    client.cookies["sprak"] = "sv"


def bulk_conclusions(forum, count):
    """count concluded topics, created without signals: the budget tests need many quickly."""
    poster, moderator = ForumMemberFactory(), ForumModeratorFactory()
    start = Topic.objects.count()
    topics = Topic.objects.bulk_create(
        Topic(
            forum=forum,
            poster=poster,
            subject=f"Samtal {start + n}",
            slug=f"samtal-{start + n}",
            type=Topic.TOPIC_POST,
            status=Topic.TOPIC_UNLOCKED,
            approved=True,
        )
        for n in range(count)
    )
    Post.objects.bulk_create(
        Post(topic=topic, poster=poster, subject=topic.subject, content="Ett inlägg.", approved=True)
        for topic in topics
    )
    return Conclusion.objects.bulk_create(
        Conclusion(
            topic=topic, text="Slutsats.", text_html="<p>Slutsats.</p>", sector_balance="bada", concluded_by=moderator
        )
        for topic in topics
    )


def test_the_conclusions_page_costs_the_same_queries_for_5_as_for_200(
    client, index, plan, public_forum, django_assert_max_num_queries
):
    render_every_time(client)
    cite(plan, [("Fler i jobb", bulk_conclusions(public_forum, 5))])
    client.get("/slutsatser/")  # warm the caches every request shares
    with CaptureQueriesContext(connection) as queries:
        assert len(listed(client)) == 5
    with_five = len(queries)

    cite(plan, [("Fler företag", bulk_conclusions(public_forum, 195))])
    client.get("/slutsatser/")
    with django_assert_max_num_queries(with_five):
        assert len(listed(client)) == 10
    with django_assert_max_num_queries(with_five):
        assert len(listed(client, "/slutsatser/?sida=20&balans=bada")) == 10


def test_an_activity_plan_whose_goals_cite_conclusions_stays_flat(
    client, index, plan, public_forum, django_assert_max_num_queries
):
    render_every_time(client)
    cite(plan, [("Mål 1", bulk_conclusions(public_forum, 1))])
    client.get(plan.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(plan.url)
    with_one = len(queries)

    cite(plan, [(f"Mål {n}", bulk_conclusions(public_forum, 3)) for n in range(20)])
    client.get(plan.url)
    with django_assert_max_num_queries(with_one):
        html = BeautifulSoup(client.get(plan.url).content, "html.parser")
    assert len(html.select(".goal")) == 20 and len(html.select(".goal__conclusions a")) == 60


def test_seed_demo_shows_the_dialogue_loop(client, db):
    call_command("seed_demo", stdout=StringIO())

    assert listed(client) == [
        "Sommarjobb för unga – hur samarbetar vi bättre?",
        "Lokaler i bottenvåningarna i de nya kvarteren",
    ]
    year = timezone.localdate().year
    html = BeautifulSoup(client.get(f"/verksamhetsplan/{year}/").content, "html.parser")
    assert [a.text for a in html.select(".goal__conclusions a")] == ["Sommarjobb för unga – hur samarbetar vi bättre?"]
    summer_jobs = Conclusion.objects.get(topic__subject__startswith="Sommarjobb")
    assert summer_jobs.topic.is_locked and summer_jobs.follow_up_label() == f"Går vidare till verksamhetsplanen {year}"
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "inget ändrades" in out.getvalue() and Conclusion.objects.count() == 2


def test_editors_choose_among_public_conclusions_only(client, conclusions, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redaktor@example.se", "redaktor@example.se", "x"))

    chooser = client.get("/admin/slutsatser-val/").json()["html"]

    assert "Rekrytering i vården" in chooser and "Hemlig" not in chooser
