"""Fixtures the whole suite shares: the site's home page, forums, a visitor, a temporary media folder."""

import threading
import time
import uuid
import warnings

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Site

from arena import ratelimit
from arena.page_cache import GENERATION_KEY
from forum.permissions import make_members_only
from home.models import SiteSettings
from tests.forum.factories import ForumFactory
from tests.home.factories import HomePageFactory

pytest_plugins = ["tests.audited_pages"]


@pytest.fixture
def visitor():
    """A browser whose server errors come back as 500 responses, as a visitor would see them."""
    return Client(raise_request_exception=False)


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


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files (documents, images, renditions) go to a temporary folder, not ./media, and
    forum attachments to another one, not ./private-media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def live_server_requests_end_with_their_test(request):
    """Every request to the live server ends inside the test that made it. The server answers in
    a thread per connection, which lives on after the answer (it closes its database connection
    last) and, with a browser, until the browser closes the connection: left running, such a thread
    wrote into the next test's database (a second SiteSettings row) or broke its transaction.
    Torn down before the database is flushed, after the browser's page is closed."""
    yield
    if "live_server" not in request.fixturenames:
        return
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and live_server_request_threads():
        time.sleep(0.05)
    if live_server_request_threads():
        # The warnings summary names the test: it left a connection open (a browser context not
        # closed, say), and every live-server test after it waits the full 10 s here.
        warnings.warn(
            f"{len(live_server_request_threads())} förfrågningstrådar i testservern lever kvar efter testet: "
            "en anslutning lämnades öppen (stäng webbläsarkontexter, använd open_page).",
            stacklevel=1,
        )


def live_server_request_threads():
    return [thread for thread in threading.enumerate() if thread.name.endswith("(process_request_thread)")]


@pytest.fixture(autouse=True)
def no_cached_pages():
    """Each test starts without cached pages: the cache outlives the database of a test."""
    cache.delete(GENERATION_KEY)


@pytest.fixture(autouse=True)
def fresh_rate_limits(monkeypatch):
    """Each test counts its rate limits afresh, under keys of its own: the cache outlives the
    database of a test, and the Redis cache may be shared, so nothing is deleted."""
    monkeypatch.setattr(ratelimit, "NAMESPACE", f"rate-limit-test-{uuid.uuid4().hex}")
