import re
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from forum.models import Sector
from home.models import HomePage, MemberDirectoryPage, NewsIndexPage, StandardPage
from tests.forum.factories import OrganisationFactory
from tests.home.factories import HomePageFactory, ImageFactory, MemberDirectoryPageFactory

pytestmark = pytest.mark.usefixtures("media_root")

EMPTY_STATE = "Inga organisationer matchar sökningen."


@pytest.fixture
def directory(home_page):
    return MemberDirectoryPageFactory(parent=home_page)


def listed(**kwargs):
    return OrganisationFactory(listed_in_directory=True, **kwargs)


def listed_names(html):
    return re.findall(r'<h2 class="card__title">([^<]+)</h2>', html)


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_card_shows_name_sector_logo_description_and_website(client, directory):
    listed(
        name="Huddingehem AB",
        sector=Sector.KOMMUN,
        website="https://www.huddingehem.se",
        description="Det kommunala bostadsbolaget.",
        logo=ImageFactory(),
    )

    html = get_html(client, "/medlemmar/")

    assert "<h1>Medlemmar</h1>" in html
    assert '<p class="lead">Organisationerna som är med i Arena Huddinge.</p>' in html
    assert listed_names(html) == ["Huddingehem AB"]
    assert '<span class="visually-hidden">Sektor: </span><span class="badge badge--kommun">Kommun</span>' in html
    assert re.search(r'<img alt="Huddingehem AB" class="directory-card__logo"[^>]* src="[^"]+"', html)
    assert "<p>Det kommunala bostadsbolaget.</p>" in html
    assert '<a href="https://www.huddingehem.se" rel="noopener">Webbplats för Huddingehem AB</a>' in html


def test_card_without_logo_or_website_leaves_them_out(client, directory):
    listed(name="Stuvsta Redovisningsbyrå AB", website="")

    html = get_html(client, "/medlemmar/")

    assert listed_names(html) == ["Stuvsta Redovisningsbyrå AB"]
    assert "<img alt" not in html
    assert "Webbplats för" not in html


def test_lists_only_organisations_that_agreed_to_be_listed(client, directory):
    listed(name="Synlig AB")
    OrganisationFactory(name="Hemlig AB", listed_in_directory=False)

    html = get_html(client, "/medlemmar/")

    assert listed_names(html) == ["Synlig AB"]
    assert "Hemlig AB" not in html
    assert "1 organisation." in html


def test_lists_organisations_by_name(client, directory):
    for name in ("Öbergs Bygg AB", "Alfa AB", "Kvarnen AB"):
        listed(name=name)

    assert listed_names(get_html(client, "/medlemmar/")) == ["Alfa AB", "Kvarnen AB", "Öbergs Bygg AB"]


def test_sector_filter_shows_one_sector_and_the_counts(client, directory):
    listed(name="Huddinge kommun", sector=Sector.KOMMUN)
    listed(name="Cykelverkstan AB", sector=Sector.NARINGSLIV)
    listed(name="Byggkonsult AB", sector=Sector.NARINGSLIV)

    html = get_html(client, "/medlemmar/?sektor=naringsliv")

    assert listed_names(html) == ["Byggkonsult AB", "Cykelverkstan AB"]
    assert '<legend class="form-field__label">Sektor</legend>' in html
    assert re.search(r'<input type="radio" name="sektor" value="naringsliv"[^>]*checked>\s*Näringsliv \(2\)', html)
    assert re.search(r'<input type="radio" name="sektor" value="kommun"[^>]*>\s*Kommun \(1\)', html)
    assert re.search(r'<input type="radio" name="sektor" value=""[^>]*>\s*Alla sektorer \(3\)', html)
    assert "2 organisationer inom sektorn <strong>Näringsliv</strong>." in html
    assert '<a href="/medlemmar/">Visa alla organisationer</a>' in html


def test_without_a_filter_all_sectors_are_chosen(client, directory):
    listed(sector=Sector.KOMMUN)

    html = get_html(client, "/medlemmar/")

    assert re.search(r'<input type="radio" name="sektor" value=""[^>]*checked>\s*Alla sektorer \(1\)', html)
    assert "Visa alla organisationer" not in html


def test_unknown_sector_filters_nothing_and_says_why(client, directory):
    listed(name="Huddinge kommun", sector=Sector.KOMMUN)

    html = get_html(client, "/medlemmar/?sektor=finns-inte")

    assert listed_names(html) == ["Huddinge kommun"]
    assert 'class="form-field__error"' in html


def test_search_by_name_ignores_case(client, directory):
    listed(name="Flemingsbergs Byggkonsult AB")
    listed(name="Trångsunds Trädgård AB")

    html = get_html(client, "/medlemmar/?q=BYGG")

    assert listed_names(html) == ["Flemingsbergs Byggkonsult AB"]
    assert '<label class="form-field__label" for="id_q">Sök på organisationens namn</label>' in html
    assert 'value="BYGG"' in html
    assert "1 organisation vars namn innehåller <strong>BYGG</strong>." in html


def test_search_and_sector_combine_and_counts_follow_the_search(client, directory):
    listed(name="Huddinge Bygg kommunal", sector=Sector.KOMMUN)
    listed(name="Bygg och Betong AB", sector=Sector.NARINGSLIV)
    listed(name="Cykelverkstan AB", sector=Sector.NARINGSLIV)

    html = get_html(client, "/medlemmar/?q=bygg&sektor=naringsliv")

    assert listed_names(html) == ["Bygg och Betong AB"]
    assert re.search(r"Alla sektorer \(2\)", html)
    assert re.search(r"Kommun \(1\)", html)
    assert re.search(r"Näringsliv \(1\)", html)
    assert "1 organisation inom sektorn <strong>Näringsliv</strong> vars namn innehåller <strong>bygg</strong>." in html


def test_no_match_gives_the_empty_state(client, directory):
    listed(name="Huddinge kommun", sector=Sector.KOMMUN)

    html = get_html(client, "/medlemmar/?q=finns-inte")

    assert listed_names(html) == []
    assert EMPTY_STATE in html
    assert '<a href="/medlemmar/">Visa alla organisationer</a>' in html


def test_empty_directory_says_so(client, directory):
    OrganisationFactory(listed_in_directory=False)

    html = get_html(client, "/medlemmar/")

    assert "Det finns inga organisationer i förteckningen ännu." in html
    assert EMPTY_STATE not in html


def add_organisations(count, **kwargs):
    return [listed(name=f"Organisation {number:02d}", **kwargs) for number in range(1, count + 1)]


def test_twenty_to_a_page_and_pagination_keeps_the_filter(client, directory):
    add_organisations(22, sector=Sector.NARINGSLIV)

    first = get_html(client, "/medlemmar/?sektor=naringsliv")
    second = get_html(client, "/medlemmar/?sektor=naringsliv&sida=2")

    assert listed_names(first) == [f"Organisation {number:02d}" for number in range(1, 21)]
    assert listed_names(second) == ["Organisation 21", "Organisation 22"]
    assert '<nav class="pagination" aria-label="Bläddra bland organisationerna">' in first
    assert '<a href="?sektor=naringsliv&amp;sida=2" rel="next">Nästa sida</a>' in first
    assert '<a href="?sektor=naringsliv&amp;sida=1" rel="prev">Föregående sida</a>' in second
    assert 'aria-current="page" aria-label="Sida 2, aktuell sida">2</a>' in second
    assert "22 organisationer inom sektorn" in first


def test_no_pagination_for_a_single_page(client, directory):
    add_organisations(20)

    assert "pagination" not in get_html(client, "/medlemmar/")


@pytest.mark.parametrize(
    ("number", "expected_first"),
    [("abc", "Organisation 01"), ("0", "Organisation 21"), ("-1", "Organisation 21"), ("999", "Organisation 21")],
)
def test_bad_page_numbers_show_the_first_or_last_page(client, directory, number, expected_first):
    add_organisations(21)

    html = get_html(client, f"/medlemmar/?sida={number}")

    assert listed_names(html)[0] == expected_first


def test_listing_queries_do_not_grow_with_the_number_of_organisations(client, directory, django_assert_max_num_queries):
    def add_with_logos(count):
        for _ in range(count):
            listed(logo=ImageFactory(), website="https://example.se")

    def warm_up():
        client.get("/medlemmar/?q=organisation")  # the first request creates the renditions
        for cache in caches.all():  # Wagtail caches renditions; measure the database alone
            cache.clear()

    add_with_logos(3)
    warm_up()
    with CaptureQueriesContext(connection) as queries:
        assert len(listed_names(get_html(client, "/medlemmar/?q=organisation"))) == 3
    with_three = len(queries)  # read now: the next request empties the connection's query log

    add_with_logos(27)
    warm_up()
    with django_assert_max_num_queries(with_three):
        assert len(listed_names(get_html(client, "/medlemmar/?q=organisation"))) == 20


def test_seed_demo_creates_the_directory_with_the_demo_organisations(client, db):
    call_command("seed_demo", stdout=StringIO())

    html = get_html(client, "/medlemmar/")

    assert len(listed_names(html)) == 8
    assert "Huddinge kommun" in listed_names(html)
    assert MemberDirectoryPage.objects.get().show_in_menus


class TestMemberDirectoryPageTree(WagtailPageTestCase):
    def test_directory_only_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, MemberDirectoryPage)
        self.assertCanNotCreateAt(Page, MemberDirectoryPage)
        self.assertCanNotCreateAt(StandardPage, MemberDirectoryPage)
        self.assertCanNotCreateAt(NewsIndexPage, MemberDirectoryPage)

    def test_directory_has_no_subpages(self):
        self.assertAllowedSubpageTypes(MemberDirectoryPage, {})

    def test_directory_is_routable_and_renders(self):
        home = HomePageFactory()
        Site.objects.filter(is_default_site=True).update(root_page=home)
        directory = MemberDirectoryPageFactory(parent=home)

        self.assertPageIsRoutable(directory)
        self.assertPageIsRenderable(directory)


def test_only_one_directory_per_home_page(directory):
    assert not MemberDirectoryPage.can_create_at(directory.get_parent())
