import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils import WagtailPageTestCase

from arena.page_cache import invalidate_cached_pages
from home.models import HomePage, SiteSettings, StandardPage
from tests.forum.factories import UserFactory
from tests.home.factories import (
    ActivityPlanIndexPageFactory,
    ActivityPlanPageFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)


def test_home_page_renders_its_swedish_fields(client, home_page):
    home_page.body = [("paragraph", "<p>Huddinge växer i snabb takt.</p>")]
    home_page.save_revision().publish()

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert '<h1 class="hero__heading">Där kommun och näringsliv möts</h1>' in html
    assert "En mötesplats för Huddinge kommun och företagen i Huddinge." in html
    assert "Huddinge växer i snabb takt." in html


def test_menu_lists_live_pages_marked_for_the_menu(client, home_page):
    StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Gömd sida", slug="gomd", show_in_menus=False)
    StandardPageFactory(parent=home_page, title="Utkast", slug="utkast", show_in_menus=True, live=False)

    html = client.get("/").content.decode()

    assert '<a class="main-nav__link" href="/var-verksamhet/">Vår verksamhet</a>' in html
    assert "Gömd sida" not in html
    assert "Utkast" not in html


def test_login_restricted_pages_are_not_shown_to_anyone_in_the_menu_footer_or_start_page(client, home_page):
    members_only = StandardPageFactory(parent=home_page, title="Styrelsens rum", slug="styrelsen", show_in_menus=True)
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    settings = SiteSettings.for_site(home_page.get_site())
    settings.privacy_page = StandardPageFactory(parent=home_page, title="Intern integritetspolicy", slug="intern")
    settings.save()
    PageViewRestriction.objects.create(page=settings.privacy_page, restriction_type=PageViewRestriction.LOGIN)
    plans = ActivityPlanIndexPageFactory(parent=home_page)
    ActivityPlanPageFactory(parent=plans, year=2025, title="Verksamhetsplan 2025")
    restricted_plan = ActivityPlanPageFactory(parent=plans, year=2026, title="Verksamhetsplan 2026 (utkast)")
    PageViewRestriction.objects.create(page=restricted_plan, restriction_type=PageViewRestriction.LOGIN)
    invalidate_cached_pages()

    html = client.get("/").content.decode()

    assert "Styrelsens rum" not in html
    assert "Intern integritetspolicy" not in html
    assert "verksamhetsplan för 2026" not in html
    assert "verksamhetsplan för 2025" in html


def test_menu_marks_the_current_page(client, home_page):
    StandardPageFactory(parent=home_page, title="Vision", slug="vision", show_in_menus=True)

    html = client.get("/vision/").content.decode()

    assert 'href="/vision/" aria-current="page">Vision</a>' in html


def test_footer_shows_the_site_settings(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.membership_heading = "Välkommen som medlem"
    settings.save()

    html = client.get("/").content.decode()

    assert '<h2 class="site-footer__heading" id="sidfot-medlemskap">Välkommen som medlem</h2>' in html
    assert '<a href="/bli-medlem/">Ansök om medlemskap</a>' in html
    assert "Sjödalsvägen 1<br>141 85 Huddinge" in html
    assert '<a href="mailto:info@arenahuddinge.se">info@arenahuddinge.se</a>' in html
    assert '<a href="https://www.linkedin.com/company/arena-huddinge" rel="noopener">LinkedIn</a>' in html


@pytest.fixture
def member(client, db):
    """A logged-in reader: never served from the page cache, so only a cached menu or footer could
    show them an old version."""
    client.force_login(UserFactory())
    return client


def main_menu_of(client, path="/"):
    return client.get(path).content.decode().split('aria-label="Huvudmeny"')[1].split("</nav>")[0]


def footer_of(client, path="/"):
    return client.get(path).content.decode().split('<footer class="site-footer">')[1]


def test_a_published_renamed_or_unpublished_menu_page_shows_in_the_menu_at_once(member, home_page):
    page = StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True)
    page.unpublish()
    assert "Vår verksamhet" not in main_menu_of(member)

    page.refresh_from_db()
    page.save_revision().publish()
    assert '<a class="main-nav__link" href="/var-verksamhet/">Vår verksamhet</a>' in main_menu_of(member)

    page.title = "Det här gör vi"
    page.save_revision().publish()
    assert '<a class="main-nav__link" href="/var-verksamhet/">Det här gör vi</a>' in main_menu_of(member)

    page.refresh_from_db()
    page.unpublish()
    assert "Det här gör vi" not in main_menu_of(member)


def test_changed_footer_settings_and_pages_show_at_once(member, home_page):
    privacy = StandardPageFactory(parent=home_page, title="Integritet", slug="integritet")
    assert "info@arenahuddinge.se" in footer_of(member)
    assert "Integritet" not in footer_of(member)

    settings = SiteSettings.for_site(home_page.get_site())
    settings.email = "kansliet@arenahuddinge.se"
    settings.privacy_page = privacy
    settings.save()
    footer = footer_of(member)
    assert '<a href="mailto:kansliet@arenahuddinge.se">kansliet@arenahuddinge.se</a>' in footer
    assert "info@arenahuddinge.se" not in footer
    assert '<a href="/integritet/">Integritet</a>' in footer

    privacy.unpublish()
    assert "Integritet" not in footer_of(member)


def test_published_and_unpublished_news_and_activity_plans_show_on_the_start_page_at_once(member, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    plans = ActivityPlanIndexPageFactory(parent=home_page)
    assert "Senaste nyheterna" not in member.get("/").content.decode()

    news = NewsPageFactory(parent=news_index, title="Dialogmöte om samhällsbyggnad", live=False)
    news.save_revision().publish()
    plan = ActivityPlanPageFactory(parent=plans, year=2031)
    html = member.get("/").content.decode()
    assert f'<a href="{news.url}">Dialogmöte om samhällsbyggnad</a>' in html
    assert f'<a href="{plan.url}">Läs verksamhetsplan för 2031</a>' in html
    assert f'<a href="{news_index.url}">Alla nyheter</a>' in html

    news.refresh_from_db()
    news.unpublish()
    plan.unpublish()
    html = member.get("/").content.decode()
    assert "Dialogmöte om samhällsbyggnad" not in html
    assert "verksamhetsplan för 2031" not in html


def test_menu_and_footer_are_read_from_the_cache_while_nothing_changes(client, home_page, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0  # every request renders the page
    page = StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True)
    client.get(page.url)

    with CaptureQueriesContext(connection) as unchanged:
        html = client.get(page.url).content.decode()
    invalidate_cached_pages()
    with CaptureQueriesContext(connection) as changed:
        client.get(page.url)

    assert '<a class="main-nav__link" href="/var-verksamhet/" aria-current="page">Vår verksamhet</a>' in html
    assert "info@arenahuddinge.se" in html
    # After a change the site with its root page (two queries), the site settings, which pages are
    # login-restricted, the menu's pages with the footer's (one query), the page's breadcrumb trail,
    # the route to the page (the page by its slug, then its specific row) and the view restrictions
    # that apply to it (its ancestors, then their restrictions) are read again; until then they are not.
    assert len(changed) - len(unchanged) == 10
    assert not any("home_sitesettings" in query["sql"] for query in unchanged)


def test_page_head_has_description_canonical_and_open_graph(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Vision", slug="vision", summary="Vår vision i korthet.")

    html = client.get(page.url).content.decode()

    assert "<title>Vision – Arena Huddinge</title>" in html
    assert '<meta name="description" content="Vår vision i korthet.">' in html
    assert '<link rel="canonical" href="http://testserver/vision/">' in html
    assert '<meta property="og:title" content="Vision">' in html
    assert '<meta property="og:description" content="Vår vision i korthet.">' in html


def test_skip_link_leads_to_the_main_landmark(client, home_page):
    html = client.get("/").content.decode()

    assert '<a class="skip-link" href="#innehall">Hoppa till innehållet</a>' in html
    assert '<main id="innehall"' in html


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_standard_pages_below_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_pages_are_routable(self):
        home = HomePageFactory()
        Site.objects.filter(is_default_site=True).update(root_page=home)
        page = StandardPageFactory(parent=home, slug="vision")
        self.assertPageIsRoutable(home)
        self.assertPageIsRoutable(page)
        self.assertPageIsRenderable(page)


def test_a_page_is_served_without_asking_which_restrictions_apply_until_one_is_added(client, home_page, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0  # every request renders the page
    board = StandardPageFactory(parent=home_page, title="Styrelsen", slug="styrelsen")
    minutes = StandardPageFactory(parent=board, title="Protokoll", slug="protokoll")
    client.get(minutes.url)

    with CaptureQueriesContext(connection) as public:
        served = client.get(minutes.url)
    # Read before the next request: Django clears the query log as every request starts.
    asked = [query["sql"] for query in public if "wagtailcore_pageviewrestriction" in query["sql"]]
    PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.LOGIN)
    restricted = client.get(minutes.url)

    assert served.status_code == 200
    assert asked == []
    assert restricted.status_code == 302
    assert restricted["Location"] == "/konto/logga-in/?next=/styrelsen/protokoll/"


def test_the_site_and_its_root_page_are_read_from_the_cache_until_a_site_changes(client, home_page, settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0  # every request renders the page
    client.get("/")

    with CaptureQueriesContext(connection) as unchanged:
        client.get("/")
    site = Site.objects.get()
    site.site_name = "Arena Huddinge i mellanrummen"
    site.save()
    with CaptureQueriesContext(connection) as changed:
        client.get("/")

    assert not any("wagtailcore_site" in query["sql"] for query in unchanged)
    assert any("wagtailcore_site" in query["sql"] for query in changed)


def test_without_any_site_wagtail_pages_are_not_found_and_the_forum_still_opens(client, home_page):
    Site.objects.all().delete()

    assert client.get("/").status_code == 404
    response = client.get("/forum/")
    assert response.status_code == 200
    assert "Forum" in response.content.decode()
