"""Absolute links come from one setting, SITE_URL, whatever host the request came in on; links
inside the site are relative."""

import re
from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar

from tests.home.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

SITE_URL = "https://arenahuddinge.example"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = SITE_URL


def test_canonical_and_open_graph_use_the_public_address(client, home_page, media_root):
    StandardPageFactory(parent=home_page, title="Vision", slug="vision", social_image=ImageFactory())

    head = BeautifulSoup(client.get("/vision/").content, "html.parser").head

    assert head.find("link", rel="canonical")["href"] == f"{SITE_URL}/vision/"
    assert head.find("meta", property="og:url")["content"] == f"{SITE_URL}/vision/"
    assert head.find("meta", property="og:image")["content"].startswith(f"{SITE_URL}/media/")


def test_links_inside_the_site_are_relative(client, home_page):
    StandardPageFactory(parent=home_page, title="Vision", slug="vision", show_in_menus=True)

    soup = BeautifulSoup(client.get("/vision/").content, "html.parser")
    hrefs = [a["href"] for a in soup.find_all("a", href=True)]

    assert "/vision/" in hrefs
    assert [href for href in hrefs if href.startswith((SITE_URL, "http://testserver"))] == []


def test_the_sitemap_and_robots_txt_use_the_public_address(client, home_page):
    StandardPageFactory(parent=home_page, title="Vision", slug="vision")

    sitemap = client.get("/sitemap.xml").content.decode()
    robots = client.get("/robots.txt").content.decode()

    assert re.findall(r"<loc>([^<]+)</loc>", sitemap) == [f"{SITE_URL}/", f"{SITE_URL}/vision/"]
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots


def test_the_news_feed_uses_the_public_address(client, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=index, title="Frukostmöte", slug="frukostmote")

    response = client.get("/nyheter/feed/")
    feed = feedparser.parse(response.content)

    assert feed.feed.link == f"{SITE_URL}/nyheter/"
    assert [entry.link for entry in feed.entries] == [f"{SITE_URL}/nyheter/frukostmote/"]
    assert f'href="{SITE_URL}/nyheter/feed/"' in response.content.decode(), "the feed's link to itself"


def test_calendar_files_and_the_registration_mail_use_the_public_address(client, home_page, mailoutbox):
    index = EventIndexPageFactory(parent=home_page)
    EventPageFactory(
        parent=index, title="Dialogmöte", slug="dialogmote", start=timezone.now() + timedelta(days=7), capacity=30
    )

    event = Calendar.from_ical(client.get("/aktiviteter/dialogmote/ical/").content).events[0]
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post("/aktiviteter/dialogmote/anmalan/", {"name": "Maja Lind", "email": "maja.lind@example.se"})

    assert str(event["URL"]) == f"{SITE_URL}/aktiviteter/dialogmote/"
    assert f"{SITE_URL}/aktiviteter/dialogmote/" in mailoutbox[0].body
