import pytest
from wagtail.models import Site

from forum.permissions import make_members_only
from home.models import SiteSettings

from .factories import ForumFactory, HomePageFactory


@pytest.fixture
def home_page(db):
    """A home page as the root of the default site, with the footer's site settings filled in."""
    home = HomePageFactory()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    SiteSettings.objects.create(
        site=site,
        organisation_name="Arena Huddinge",
        street_address="Sjödalsvägen 1\n141 85 Huddinge",
        email="info@arenahuddinge.se",
        linkedin_url="https://www.linkedin.com/company/arena-huddinge",
    )
    return home


@pytest.fixture
def forum_category(home_page):
    return ForumFactory(name="Dialog mellan kommun och näringsliv", type=ForumFactory._meta.model.FORUM_CAT)


@pytest.fixture
def public_forum(forum_category):
    return ForumFactory(name="Företagsklimat", parent=forum_category)


@pytest.fixture
def members_forum(forum_category):
    forum = ForumFactory(name="Medlemsrummet", parent=forum_category)
    make_members_only(forum)
    return forum
