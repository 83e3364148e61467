import pytest
from wagtail.models import Site

from forum.permissions import make_members_only
from home.models import SiteSettings

from .factories import (
    ContactPageFactory,
    ForumFactory,
    HomePageFactory,
    ImageFactory,
    MemberDirectoryPageFactory,
    OrganisationFactory,
    PostFactory,
    StandardPageFactory,
)
from .forum_helpers import forum_url, topic_url


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
def audited_urls(home_page, public_forum, media_root):
    """One page of every public kind, for the independent accessibility and HTML checkers.

    Extend this list whenever a new kind of public page lands.
    """
    StandardPageFactory(
        parent=home_page,
        title="Vår verksamhet",
        slug="var-verksamhet",
        show_in_menus=True,
        body=[
            ("heading", {"text": "Olikheterna är vår styrka", "level": "h2"}),
            ("paragraph", "<p>Kommun och näringsliv möts på lika villkor.</p>"),
            ("quote", {"text": "I mellanrummen hittar vi nya idéer.", "attribution": "En medlem"}),
        ],
    )
    ContactPageFactory(parent=home_page)
    MemberDirectoryPageFactory(parent=home_page)
    OrganisationFactory(
        name="Huddingehem AB",
        sector="kommun",
        website="https://www.huddingehem.se",
        logo=ImageFactory(),
        listed_in_directory=True,
    )
    OrganisationFactory(name="Sjödalens Cykelverkstad AB", listed_in_directory=True)
    topic = PostFactory(topic__forum=public_forum, content="Hur når vi fler unga till sommarjobb?").topic
    return {
        "startsida": "/",
        "standardsida": "/var-verksamhet/",
        "kontaktsida": "/kontakt/",
        "medlemsförteckning": "/medlemmar/?q=ab",
        "sökresultat": "/sok/?q=verksamhet",
        "sidan finns inte": "/finns-inte/",
        "forumöversikt": "/forum/",
        "forum": forum_url(public_forum),
        "ämne i forumet": topic_url(topic),
        "sök i forumet": "/forum/search/?q=sommarjobb",
    }


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


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files (documents, images, renditions) go to a temporary folder, not ./media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
