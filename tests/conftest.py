import pytest
from wagtail.models import Site

from home.models import SiteSettings

from .factories import HomePageFactory


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
def media_root(settings, tmp_path):
    """Uploaded files (documents, images, renditions) go to a temporary folder, not ./media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
