"""With Redis, production keeps copies of cached pages in each process and serves them without a
round trip while Redis announces no change (arena/page_cache.py, arena/announcements.py): a change
made by any process shows at the next request, and without Redis the pages come from the database.

The cache is a Redis of the test's own, whatever cache the run itself uses."""

import logging
import os

import pytest
import redis
from django.core.cache import caches
from django.test import Client

from arena import announcements
from arena.page_cache import GENERATION, GENERATION_KEY, PROCESS_CACHE
from tests.home.factories import StandardPageFactory
from tests.tools import RedisServer, run_python


@pytest.fixture
def own_redis(settings):
    server = RedisServer()
    server.start()
    # As base.py configures it with REDIS_URL, so that another process with that URL shares it.
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "arena.cache.FailOpenRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "arena",
            "OPTIONS": settings.REDIS_OPTIONS,
        },
    }
    settings.ANONYMOUS_PAGE_CACHE_IN_PROCESS = True
    caches[PROCESS_CACHE].clear()
    yield server
    server.stop()


@pytest.fixture
def page(home_page):
    return StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet")


def visit(path):
    response = Client(raise_request_exception=False).get(path)
    assert response.status_code == 200
    return response.content.decode()


def commands_answered(client):
    """How many commands the server has answered, not counting the INFOs that ask."""
    stats = client.info("commandstats")
    return sum(entry["calls"] for name, entry in stats.items() if name != "cmdstat_info")


def test_a_page_served_before_is_served_again_without_asking_redis(own_redis, page, django_assert_num_queries):
    first = visit(page.url)
    # The process subscribes to the announcements when it first looks for a copy.
    visit(page.url)
    monitor = redis.Redis.from_url(own_redis.url)
    before = commands_answered(monitor)

    with django_assert_num_queries(0):
        again = [visit(page.url) for _ in range(5)]

    assert again == [first] * 5
    assert commands_answered(monitor) == before


def test_a_change_made_by_another_process_shows_at_the_next_request(own_redis, page, tmp_path):
    assert "Vi möts på lika villkor." not in visit(page.url)
    # The change itself is not announced by this process (an update sends no signal)...
    type(page).objects.filter(pk=page.pk).update(introduction="Vi möts på lika villkor.")
    assert "Vi möts på lika villkor." not in visit(page.url)

    # ...but by another app server's, as its publish would.
    invalidated = run_python(
        "import django; django.setup(); from arena import page_cache; page_cache.invalidate_cached_pages()",
        {
            "DJANGO_SETTINGS_MODULE": "arena.settings.test",
            "REDIS_URL": own_redis.url,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'other.sqlite3'}",
        },
    )
    assert invalidated.returncode == 0, invalidated.stderr

    assert "Vi möts på lika villkor." in visit(page.url)


def test_without_redis_pages_come_from_the_database_and_copies_return_with_it(
    own_redis, page, monkeypatch, caplog, django_assert_num_queries
):
    monkeypatch.setattr(announcements, "RETRY_SECONDS", 0)
    visit(page.url)
    own_redis.stop()
    type(page).objects.filter(pk=page.pk).update(introduction="Ändrat medan Redis var nere.")

    with caplog.at_level(logging.WARNING, logger="arena.cache"):
        during = visit(page.url)

    assert "Ändrat medan Redis var nere." in during

    own_redis.start()
    visit(page.url)
    with django_assert_num_queries(0):
        assert visit(page.url) == during


def test_a_forked_worker_subscribes_on_a_connection_of_its_own(own_redis, page):
    visit(page.url)
    visit(page.url)
    monitor = redis.Redis.from_url(own_redis.url)
    channel = monitor.pubsub_channels()[0]
    assert monitor.pubsub_numsub(channel) == [(channel, 1)]

    # As gunicorn forks its workers: the child must not read announcements meant for its parent.
    child = os.fork()
    if child == 0:
        # The child ends here whatever happens: an exception must not let it run the rest of the suite.
        passed = False
        try:
            knows = GENERATION.known() == caches["default"].get(GENERATION_KEY)
            passed = knows and monitor.pubsub_numsub(channel) == [(channel, 2)]
        finally:
            os._exit(0 if passed else 1)
    _, status = os.waitpid(child, 0)

    assert os.waitstatus_to_exitcode(status) == 0
