import datetime
import re

import feedparser
import pytest
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import ActivityPlanIndexPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from tests.forum.factories import UserFactory
from tests.home.factories import HomePageFactory, ImageFactory, NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.usefixtures("media_root")

FIRST_DAY = datetime.date(2026, 1, 1)


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, introduction="Det senaste från Arena Huddinge.")


def add_news(index, count, **kwargs):
    """``count`` news items dated one day apart; the last one is the newest."""
    return [
        NewsPageFactory(
            parent=index,
            title=f"Nyhet {number}",
            slug=f"nyhet-{number}",
            date=FIRST_DAY + datetime.timedelta(days=number),
            **kwargs,
        )
        for number in range(1, count + 1)
    ]


def listed_titles(html):
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a></h2>', html)


def test_news_page_shows_its_fields(client, news_index):
    news = NewsPageFactory(
        parent=news_index,
        title="Frukostmöte om bostadsbyggandet",
        slug="frukostmote",
        date=datetime.date(2026, 3, 5),
        author="Anna Lind",
        summary="Ett fullsatt frukostmöte om hur Huddinge bygger.",
        image=ImageFactory(description="Deltagare vid frukostmötet."),
        body=[("paragraph", "<p>Över sextio medlemmar kom.</p>")],
    )
    news.tags.add("Bostäder", "Frukostmöte")
    news.save_revision().publish()

    html = client.get("/nyheter/frukostmote/").content.decode()

    assert "<h1>Frukostmöte om bostadsbyggandet</h1>" in html
    assert '<time datetime="2026-03-05">5 mars 2026</time> · Av Anna Lind' in html
    assert '<p class="lead">Ett fullsatt frukostmöte om hur Huddinge bygger.</p>' in html
    assert "Över sextio medlemmar kom." in html
    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    assert 'alt="Deltagare vid frukostmötet."' in html
    assert '<a class="tag" href="/nyheter/?tagg=bostader">Bostäder</a>' in html
    assert '<a href="/nyheter/">Alla nyheter</a>' in html


def test_news_date_defaults_to_today(news_index):
    assert NewsPage().date == datetime.date.today()


def test_image_needs_alt_text_when_it_has_no_description(news_index):
    news = NewsPageFactory(parent=news_index)
    news.image = ImageFactory(description="")

    with pytest.raises(ValidationError) as error:
        news.full_clean()

    assert error.value.message_dict["image_alt_text"] == [
        "Skriv en alternativtext: bilden saknar en egen beskrivning att använda."
    ]


def test_alt_text_written_for_the_news_wins(client, news_index):
    NewsPageFactory(parent=news_index, slug="bild", image=ImageFactory(description=""), image_alt_text="Ett torg.")

    html = client.get("/nyheter/bild/").content.decode()

    assert 'alt="Ett torg."' in html


def test_index_lists_news_newest_first_ten_per_page(client, news_index):
    add_news(news_index, 12)

    first = client.get("/nyheter/").content.decode()
    second = client.get("/nyheter/?sida=2").content.decode()

    assert listed_titles(first) == [f"Nyhet {number}" for number in range(12, 2, -1)]
    assert listed_titles(second) == ["Nyhet 2", "Nyhet 1"]
    assert '<nav class="pagination" aria-label="Bläddra bland nyheterna">' in first
    assert 'href="?sida=1" aria-current="page" aria-label="Sida 1, aktuell sida">1</a>' in first
    assert '<a href="?sida=2" rel="next">Nästa sida</a>' in first
    assert '<a href="?sida=1" rel="prev">Föregående sida</a>' in second
    assert "Nästa sida" not in second


@pytest.mark.parametrize(
    ("number", "expected_first"),
    [("abc", "Nyhet 12"), ("0", "Nyhet 2"), ("-3", "Nyhet 2"), ("999", "Nyhet 2"), ("", "Nyhet 12")],
)
def test_bad_page_numbers_show_the_first_or_last_page(client, news_index, number, expected_first):
    add_news(news_index, 12)

    response = client.get(f"/nyheter/?sida={number}")

    assert response.status_code == 200
    assert listed_titles(response.content.decode())[0] == expected_first


def test_no_pagination_for_a_single_page(client, news_index):
    add_news(news_index, 3)

    html = client.get("/nyheter/").content.decode()

    assert "pagination" not in html


def test_index_leaves_out_drafts(client, news_index):
    NewsPageFactory(parent=news_index, title="Publicerad nyhet")
    NewsPageFactory(parent=news_index, title="Hemligt utkast", live=False)

    html = client.get("/nyheter/").content.decode()

    assert "Publicerad nyhet" in html
    assert "Hemligt utkast" not in html


def test_filter_by_tag_shows_the_filter_and_a_way_back(client, news_index):
    housing, jobs, _ = add_news(news_index, 3)
    housing.tags.add("Bostäder")
    housing.save()
    jobs.tags.add("Jobb")
    jobs.save()

    html = client.get("/nyheter/?tagg=bostader").content.decode()

    assert listed_titles(html) == ["Nyhet 1"]
    assert "Visar nyheter med taggen <strong>Bostäder</strong>." in html
    assert '<a href="/nyheter/">Visa alla nyheter</a>' in html


def test_pagination_keeps_the_tag(client, news_index):
    for news in add_news(news_index, 11):
        news.tags.add("Jobb")
        news.save()

    html = client.get("/nyheter/?tagg=jobb").content.decode()

    assert '<a href="?tagg=jobb&amp;sida=2" rel="next">Nästa sida</a>' in html


def test_unknown_tag_gives_an_empty_state(client, news_index):
    add_news(news_index, 2)

    response = client.get("/nyheter/?tagg=finns-inte")

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(html) == []
    assert "Det finns inga nyheter med taggen finns-inte." in html
    assert "Visa alla nyheter" in html


def test_empty_index_says_so(client, news_index):
    html = client.get("/nyheter/").content.decode()

    assert "Det finns inga nyheter ännu." in html


def test_listing_queries_do_not_grow_with_the_number_of_news(client, news_index):
    def queries_for_listing():
        client.get("/nyheter/")  # the first request creates the image renditions
        for cache in caches.all():  # Wagtail caches renditions; measure the database alone
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/nyheter/").status_code == 200
        return len(queries)

    def add_news_with_image_and_tags(number):
        news = NewsPageFactory(parent=news_index, slug=f"nyhet-{number}", image=ImageFactory())
        news.tags.add("Jobb", "Bostäder")
        news.save()

    add_news_with_image_and_tags(1)
    with_one = queries_for_listing()
    for number in range(2, 12):
        add_news_with_image_and_tags(number)

    assert queries_for_listing() == with_one


def test_a_second_visit_reads_the_list_from_the_content_cache(client, news_index):
    client.force_login(UserFactory())  # a member's pages are never page-cached; the content cache still serves them
    for news in add_news(news_index, 12, image=ImageFactory()):
        news.tags.add("Jobb")
        news.save()
    first = client.get("/nyheter/?sida=2").content.decode()

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/nyheter/?sida=2").content.decode()

    news_list = re.compile(r'<ol class="news-list">.*?</ol>', re.S)
    assert news_list.search(second).group() == news_list.search(first).group()
    listing_tables = ("home_newspage", "wagtailimages_", "taggit_tag", "COUNT(")
    assert not [query["sql"] for query in queries if any(table in query["sql"] for table in listing_tables)]


def test_the_cached_list_shows_a_news_item_as_soon_as_it_is_published(client, news_index):
    add_news(news_index, 2)
    assert listed_titles(client.get("/nyheter/").content.decode()) == ["Nyhet 2", "Nyhet 1"]

    NewsPageFactory(parent=news_index, title="Färsk nyhet", date=FIRST_DAY + datetime.timedelta(days=3))

    assert listed_titles(client.get("/nyheter/").content.decode()) == ["Färsk nyhet", "Nyhet 2", "Nyhet 1"]


def test_a_second_visit_finds_the_page_without_reading_the_pages_on_its_way(client, news_index):
    client.force_login(UserFactory())  # a member's pages are never page-cached; the content cache still serves them
    news = add_news(news_index, 1)[0]
    client.get(news.url)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(news.url)

    assert response.status_code == 200
    assert not [query["sql"] for query in queries if '"wagtailcore_page"."slug" =' in query["sql"]]
    # The news index's own routes are still its own: the feed, a second time too.
    for _ in range(2):
        assert client.get("/nyheter/feed/")["Content-Type"].startswith("application/rss+xml")


def test_a_news_item_unpublished_after_a_visit_is_gone_at_once(client, news_index):
    news = add_news(news_index, 1)[0]
    assert client.get(news.url).status_code == 200

    news.unpublish()

    assert client.get(news.url).status_code == 404


def test_feed_lists_the_latest_twenty_newest_first(client, news_index):
    add_news(news_index, 22, author="Arena Huddinge")

    response = client.get("/nyheter/feed/")

    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Nyheter – Arena Huddinge"
    assert feed.feed.language == "sv"
    assert feed.feed.link == "http://testserver/nyheter/"
    assert [entry.title for entry in feed.entries] == [f"Nyhet {number}" for number in range(22, 2, -1)]
    newest = feed.entries[0]
    assert newest.link == "http://testserver/nyheter/nyhet-22/"
    assert newest.summary == "En kort sammanfattning av nyheten."
    assert newest.published == "Fri, 23 Jan 2026 00:00:00 +0100"
    assert newest.author == "Arena Huddinge"


def test_feed_without_news_is_valid(client, news_index):
    feed = feedparser.parse(client.get("/nyheter/feed/").content)

    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Nyheter – Arena Huddinge"
    assert feed.entries == []


def test_feed_is_announced_on_news_pages_and_the_home_page(client, news_index):
    NewsPageFactory(parent=news_index, slug="en-nyhet")
    link = '<link rel="alternate" type="application/rss+xml" title="Nyheter – Arena Huddinge" href="/nyheter/feed/">'

    for url in ("/", "/nyheter/", "/nyheter/en-nyhet/"):
        assert link in client.get(url).content.decode(), url


def test_home_page_shows_the_latest_three_news(client, news_index):
    add_news(news_index, 4, summary="Sammanfattning för startsidan.")

    html = client.get("/").content.decode()

    assert '<h2 id="senaste-nyheterna">Senaste nyheterna</h2>' in html
    assert '<h3 class="card__title"><a href="/nyheter/nyhet-4/">Nyhet 4</a></h3>' in html
    assert html.index("Nyhet 4") < html.index("Nyhet 3") < html.index("Nyhet 2")
    assert "Nyhet 1<" not in html
    assert '<time datetime="2026-01-04">4 januari 2026</time>' in html
    assert "Sammanfattning för startsidan." in html
    assert '<a href="/nyheter/">Alla nyheter</a>' in html


def test_home_page_without_news_has_no_news_section(client, home_page):
    html = client.get("/").content.decode()

    assert "Senaste nyheterna" not in html
    assert "application/rss+xml" not in html


class TestNewsPageTree(WagtailPageTestCase):
    def test_news_index_only_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, NewsIndexPage)
        self.assertCanNotCreateAt(Page, NewsIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsIndexPage)
        self.assertCanNotCreateAt(ActivityPlanIndexPage, NewsIndexPage)

    def test_news_only_below_the_news_index(self):
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(StandardPage, NewsPage)
        self.assertCanNotCreateAt(NewsPage, NewsPage)

    def test_home_page_keeps_its_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_pages_are_routable_and_render(self):
        home = HomePageFactory()
        Site.objects.filter(is_default_site=True).update(root_page=home)
        index = NewsIndexPageFactory(parent=home)
        news = NewsPageFactory(parent=index)
        for page in (index, news):
            self.assertPageIsRoutable(page)
            self.assertPageIsRenderable(page)
        self.assertPageIsRoutable(index, "feed/")


def test_editors_get_the_news_form_in_swedish(admin_client, news_index):
    response = admin_client.get(f"/admin/pages/add/home/newspage/{news_index.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Datum", "Skribent", "Taggar", "Alternativtext för bilden", "Innehåll"):
        assert label in html


def test_only_one_news_section_per_home_page(news_index):
    assert not NewsIndexPage.can_create_at(news_index.get_parent())
