"""Browser journeys: Playwright driving Debian's chromium against pytest-django's live server."""

import os
import shutil
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.test import Client
from playwright.sync_api import sync_playwright
from wagtail.models import Site

from tests.tools import missing_tool

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The machine's network is closed: without these Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
            # The live server needs committed data; serialized rollback restores what migrations
            # created (Wagtail's root page, groups, forum grants) after each flush.
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not os.path.exists(CHROMIUM):
        missing_tool("Debians chromium saknas (apt-get install chromium); .ci/run installerar det.")
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous, which Django cannot tell apart without this.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    snapshots = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        # Django keeps connections per context, and Playwright's event loop starts a new one: hand
        # the new connections the database snapshot that serialized rollbacks restore after a flush.
        for alias, snapshot in snapshots.items():
            if snapshot is not None:
                connections[alias]._test_serialized_contents = snapshot
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def log_in_context(context, user, url):
    """Logs a browser context in as user at url: a session made by Django's test client, its cookie
    handed over."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": url}])


@pytest.fixture
def open_page(browser, live_server):
    """Opens a page in a browser context of its own: another visitor, or, given a user, that user
    logged in. Every context it opened closes with the test: one left open keeps its connections
    to the live server, and the server's threads answering them, alive through the tests after."""
    contexts = []

    def open_page(user=None, **context_options):
        context = browser.new_context(locale="sv-SE", **context_options)
        contexts.append(context)
        if user is not None:
            log_in_context(context, user, live_server.url)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


@pytest.fixture
def live_site_url(live_server, settings):
    """The live server's address as the site's public address (SITE_URL, arena/links.py): the
    absolute links in e-mails and feeds then lead a browser back to the live server."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    return live_server.url


@pytest.fixture
def site_url(live_server, live_site_url, home_page):
    """The live server's address, with the home page as the root of its site."""
    Site.objects.filter(pk=home_page.get_site().pk).update(hostname="localhost", port=live_server.thread.port)
    return live_site_url


@pytest.fixture
def demo_site_url(live_server, live_site_url, media_root):
    """The live server's address, serving the demo content that `make run` seeds."""
    call_command("seed_demo", stdout=StringIO())
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=live_server.thread.port)
    return live_site_url


@pytest.fixture
def log_in(page, site_url):
    """Logs the test's page in as a user."""

    def log_in(user):
        log_in_context(page.context, user, site_url)

    return log_in
