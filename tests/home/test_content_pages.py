"""Pages for every reader: breadcrumbs below the start page, the page in English and the
easy-to-read one linked by words, and what membership means on /bli-medlem/."""

import pytest
from bs4 import BeautifulSoup

from home.models import SiteSettings
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_breadcrumbs_lead_from_the_start_page_to_the_page_itself(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page, title="Nyheter", slug="nyheter")
    news = NewsPageFactory(parent=news_index, title="Fullt hus på frukostmötet", slug="fullt-hus")

    trail = soup_of(client, news.url).find("nav", attrs={"aria-label": "Du är här"})

    links = [(link.get_text(), link["href"], link.get("aria-current")) for link in trail.find_all("a")]
    assert links == [
        ("Startsida", "/", None),
        ("Nyheter", "/nyheter/", None),
        ("Fullt hus på frukostmötet", "/nyheter/fullt-hus/", "page"),
    ]


def test_the_start_page_has_no_breadcrumbs(client, home_page):
    assert soup_of(client, "/").find("nav", attrs={"aria-label": "Du är här"}) is None


def test_a_renamed_section_shows_in_the_breadcrumbs_at_once(client, home_page):
    section = StandardPageFactory(parent=home_page, title="Om oss", slug="om-oss")
    page = StandardPageFactory(parent=section, title="Styrelsen", slug="styrelsen")
    assert soup_of(client, page.url).find("a", string="Om oss")

    section.title = "Om föreningen"
    section.save_revision().publish()

    trail = soup_of(client, page.url).find("nav", attrs={"aria-label": "Du är här"})
    assert [link.get_text() for link in trail.find_all("a")] == ["Startsida", "Om föreningen", "Styrelsen"]


@pytest.fixture
def language_pages(home_page):
    english = StandardPageFactory(
        parent=home_page, title="About Arena Huddinge", slug="in-english", language="en", introduction="Who we are."
    )
    easy_read = StandardPageFactory(parent=home_page, title="Lättläst", slug="lattlast")
    settings = SiteSettings.for_site(home_page.get_site())
    settings.english_page = english
    settings.easy_read_page = easy_read
    settings.save()
    return english, easy_read


def test_the_english_page_is_marked_as_english(client, language_pages):
    soup = soup_of(client, "/in-english/")

    article = soup.main.find("article")
    assert article["lang"] == "en"
    assert article.h1.get_text() == "About Arena Huddinge"
    assert soup.html["lang"] == "sv"  # the header and footer around it stay Swedish


def test_a_swedish_page_carries_no_language_of_its_own(client, language_pages):
    assert soup_of(client, "/lattlast/").main.find("article").get("lang") is None


def test_english_and_lattlast_are_linked_as_words_in_header_and_footer(client, language_pages):
    soup = soup_of(client, "/")

    for part in (soup.find("header"), soup.find("footer")):
        english = part.find("a", string="English")
        assert english["href"] == "/in-english/"
        assert english["lang"] == "en"
        assert part.find("a", string="Lättläst")["href"] == "/lattlast/"
        assert not part.find("img", alt=lambda alt: alt and "flagga" in alt.lower())


def test_unpublished_language_pages_are_not_linked(client, language_pages):
    english, _ = language_pages
    english.unpublish()

    soup = soup_of(client, "/")

    assert soup.find("a", string="English") is None
    assert soup.find("header").find("a", string="Lättläst")


def test_the_membership_page_explains_membership_from_the_site_settings(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.membership_explanation = (
        "<h2>Vem kan bli medlem?</h2><p>Företag och organisationer i Huddinge.</p>"
        "<h2>Hur lång tid tar det?</h2><p>Oftast får du besked inom två veckor.</p>"
    )
    settings.save()

    main = soup_of(client, "/bli-medlem/").main

    headings = [heading.get_text() for heading in main.find_all("h2")]
    assert headings == ["Vem kan bli medlem?", "Hur lång tid tar det?", "Ansök om medlemskap"]
    assert "Oftast får du besked inom två veckor." in main.get_text()
    assert main.find("form")
