"""What the start page shows a visitor and a member: the promise with its picture, the next
activities, the latest public conversations in the forum, the latest news with pictures, the newest
plan, and a call to join for visitors only."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from arena.page_cache import invalidate_cached_pages
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, OrganisationFactory, PostFactory
from tests.home.factories import (
    ConclusionIndexPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    EventRegistrationFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.usefixtures("media_root")


def start_page(client):
    response = client.get("/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def section(soup, heading):
    return soup.find("h2", string=heading).find_parent("section")


def test_the_next_three_activities_with_date_place_and_seats_left(client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    now = timezone.localtime()
    EventPageFactory(parent=events, title="Redan hållet", start=now - timedelta(days=3))
    soon = EventPageFactory(parent=events, title="Frukostmöte om jobben", start=now + timedelta(days=2), capacity=3)
    EventRegistrationFactory(event=soon)
    EventPageFactory(parent=events, title="Studiebesök", start=now + timedelta(days=5), place="Flemingsbergs station")
    EventPageFactory(parent=events, title="Seminarium", start=now + timedelta(days=9), capacity=1)
    EventPageFactory(parent=events, title="Långt fram", start=now + timedelta(days=90))

    activities = section(start_page(client), "Kommande aktiviteter")

    titles = [heading.get_text(strip=True) for heading in activities.find_all("h3")]
    assert titles == ["Frukostmöte om jobben", "Studiebesök", "Seminarium"]
    text = activities.get_text(" ", strip=True)
    assert soon.time_display in text
    # To the second: a <time datetime> with microseconds is not valid HTML.
    assert activities.find("time")["datetime"] == timezone.localtime(soon.start).replace(microsecond=0).isoformat()
    assert "Flemingsbergs station" in text
    assert "2 platser kvar" in text
    assert "1 plats kvar" in text
    assert activities.find("a", string="Alla aktiviteter")["href"] == events.url


def test_a_full_or_cancelled_activity_says_so(client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    full = EventPageFactory(parent=events, title="Fullt möte", capacity=1)
    EventRegistrationFactory(event=full)
    EventPageFactory(parent=events, title="Inställt möte", status="cancelled", capacity=10)

    text = section(start_page(client), "Kommande aktiviteter").get_text(" ", strip=True)

    assert "Fullt möte" in text
    assert "Fullbokat" in text
    assert "Inställt Inställt möte" in text
    assert "10 platser kvar" not in text


def test_latest_public_conversations_with_their_sector_balance(client, home_page, public_forum, members_forum):
    kommun = MemberProfileFactory(organisation=OrganisationFactory(sector="kommun")).user
    foretag = MemberProfileFactory(organisation=OrganisationFactory(sector="naringsliv")).user
    topic = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb för unga", topic__poster=kommun).topic
    PostFactory(topic=topic, poster=foretag, subject="Re: Sommarjobb för unga")
    PostFactory(topic__forum=members_forum, topic__subject="Styrelsens hemliga planer")
    invalidate_cached_pages()

    forum = section(start_page(client), "Senaste i forumet")

    link = forum.find("a", string="Sommarjobb för unga")
    assert link["href"].startswith("/forum/")
    item = link.find_parent("li")
    assert "Företagsklimat · 1 svar" in item.get_text(" ", strip=True)
    assert item.find(class_="badge--kommun").get_text(strip=True) == "1 från kommunen"
    assert item.find(class_="badge--naringsliv").get_text(strip=True) == "1 från näringslivet"
    assert "Styrelsens hemliga planer" not in str(forum)


def test_the_forum_section_leads_to_the_forum_and_to_what_its_conversations_concluded(client, home_page, public_forum):
    PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb för unga")
    ConclusionIndexPageFactory(parent=home_page)
    invalidate_cached_pages()

    links = {a.get_text(strip=True): a["href"] for a in section(start_page(client), "Senaste i forumet").find_all("a")}

    assert links["Till forumet"] == "/forum/"
    assert links["Slutsatser från samtalen"] == "/slutsatser/"


def test_members_only_conversations_never_reach_the_start_page_even_for_members(client, home_page, members_forum):
    PostFactory(topic__forum=members_forum, topic__subject="Styrelsens hemliga planer")
    client.force_login(ForumMemberFactory())

    html = client.get("/").content.decode()

    assert "Styrelsens hemliga planer" not in html


def test_latest_news_with_pictures_and_their_alt_text(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    photo = ImageFactory(description="Deltagare vid ett frukostbord.")
    NewsPageFactory(parent=news_index, title="Fullt hus på frukostmötet", image=photo)
    NewsPageFactory(parent=news_index, title="Nyhet utan bild")

    news = section(start_page(client), "Senaste nyheterna")

    card = news.find("a", string="Fullt hus på frukostmötet").find_parent("article")
    picture = card.find("picture")
    assert [source["type"] for source in picture.find_all("source")] == ["image/avif", "image/webp"]
    assert picture.img["alt"] == "Deltagare vid ett frukostbord."
    # Below the fold: the browser fetches it when the reader scrolls near it.
    assert picture.img["loading"] == "lazy"
    assert news.find("a", string="Nyhet utan bild").find_parent("article").find("picture") is None


def test_hero_shows_the_promise_and_its_picture(client, home_page):
    home_page.image = ImageFactory(description="Hus i Huddinge i solnedgång.")
    home_page.save_revision().publish()

    hero = start_page(client).find(class_="home-hero")

    assert hero.h1.get_text() == "Där kommun och näringsliv möts"
    assert "En mötesplats för Huddinge kommun och företagen i Huddinge." in hero.get_text()
    assert hero.find("picture").img["alt"] == "Hus i Huddinge i solnedgång."
    # The largest thing on the first screen: fetched before anything else.
    assert hero.find("picture").img["fetchpriority"] == "high"


def test_the_call_to_join_is_for_visitors_only(client, home_page):
    visitor = start_page(client)
    assert visitor.find(class_="home-join")
    assert visitor.find(class_="home-hero").find("a", string="Bli medlem")["href"] == "/bli-medlem/"

    client.force_login(ForumMemberFactory())
    member = start_page(client)
    assert member.find(class_="home-join") is None
    assert member.find(class_="home-hero").find("a", string="Bli medlem") is None


def test_a_cached_start_page_for_visitors_never_reaches_a_member(client, home_page):
    """The visitor's page is stored whole in the page cache and the lists in the content cache;
    a member's page is rendered for them and must not carry the visitor's call to join."""
    assert start_page(client).find(class_="home-join")

    client.force_login(ForumMemberFactory())

    assert start_page(client).find(class_="home-join") is None


@pytest.mark.parametrize("member", [False, True])
def test_the_start_page_costs_the_same_with_3_or_30_events_news_and_topics(
    client, home_page, public_forum, settings, django_assert_max_num_queries, member
):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    settings.CONTENT_CACHE_SECONDS = 0
    events = EventIndexPageFactory(parent=home_page)
    news_index = NewsIndexPageFactory(parent=home_page)
    photo = ImageFactory()
    if member:
        client.force_login(ForumMemberFactory())

    def add(count):
        for _ in range(count):
            EventPageFactory(parent=events, capacity=20)
            NewsPageFactory(parent=news_index, image=photo)
            PostFactory(topic__forum=public_forum, poster=MemberProfileFactory().user)

    def queries():
        client.get("/")  # the first request makes the pictures' renditions
        with django_assert_max_num_queries(1000) as captured:
            client.get("/")
        return len(captured)

    add(3)
    few = queries()
    add(27)

    with django_assert_max_num_queries(few):
        soup = start_page(client)
    assert len(section(soup, "Kommande aktiviteter").find_all("li")) == 3
    assert len(section(soup, "Senaste nyheterna").find_all("article")) == 3
    assert len(section(soup, "Senaste i forumet").find_all("li")) == 4
