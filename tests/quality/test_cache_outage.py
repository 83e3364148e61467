"""While Redis is down the site answers from the database (arena/cache.py): every public page, the
forum, logging in and posting work, a warning is logged once, and caching resumes when Redis is back.

The cache is a Redis of the test's own, stopped in the middle of the test, whatever cache the run
itself uses."""

import logging

import pytest
import redis
from django.core.cache import caches
from django.test import Client
from machina.core.loading import get_class
from wagtail.contrib.forms.models import FormSubmission

from arena import cache as fail_open
from forum.machina.links import topic_url
from home.contact import RATE_LIMIT_SUBMISSIONS
from tests.forum.factories import ForumMemberFactory, Post, PostFactory, Topic
from tests.forum.helpers import post_create_url, submit_form, topic_create_url
from tests.home.test_contact import MESSAGE
from tests.tools import RedisServer

PASSWORD = "ett-langt-testlosenord"


@pytest.fixture
def own_redis(settings, monkeypatch):
    server = RedisServer()
    server.start()
    settings.CACHES = {
        alias: {
            **cache,
            "BACKEND": "arena.cache.FailOpenRedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": alias,
            "OPTIONS": settings.REDIS_OPTIONS,
        }
        for alias, cache in settings.CACHES.items()
    }
    # machina's attachment cache holds the backend it found at import.
    monkeypatch.setattr(get_class("forum_attachments.cache", "cache"), "backend", caches["machina_attachments"])
    monkeypatch.setattr(fail_open, "_last_warnings", {})
    yield server
    server.stop()


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "arena.cache"]


def test_every_public_page_answers_while_redis_is_down_and_is_cached_again_when_it_is_back(
    audited_urls, own_redis, caplog
):
    visitor = Client(raise_request_exception=False)
    # The pages are cached first, so that the workers' pooled connections to Redis break too.
    statuses = {name: visitor.get(path).status_code for name, path in audited_urls.items()}
    assert 500 not in statuses.values()

    own_redis.stop()
    with caplog.at_level(logging.WARNING, logger="arena.cache"):
        during = {name: visitor.get(path).status_code for name, path in audited_urls.items()}
        home = visitor.get("/").content.decode()

    assert during == statuses
    assert "Vår verksamhet" in home  # the menu, from the database
    assert len(cache_warnings(caplog)) == 1

    own_redis.start()
    visitor.get("/")
    assert list(redis.Redis.from_url(own_redis.url).scan_iter(match="*anonymous-pages*"))


def test_members_log_in_reply_and_start_topics_while_redis_is_down(public_forum, own_redis, caplog):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb").topic
    ForumMemberFactory(username="maja@example.se")
    member = Client(raise_request_exception=False)
    own_redis.stop()

    with caplog.at_level(logging.WARNING, logger="arena.cache"):
        logged_in = member.post("/konto/logga-in/", {"username": "maja@example.se", "password": PASSWORD})
        replied = submit_form(member, post_create_url(topic), "form.forum-form", content="Vi tar emot två i juni.")
        started = submit_form(
            member, topic_create_url(public_forum), "form.forum-form", subject="Praktik", content="Vem tar emot?"
        )

    assert (logged_in.status_code, replied.status_code, started.status_code) == (302, 302, 302)
    assert Post.objects.filter(content="Vi tar emot två i juni.").exists()
    assert Topic.objects.filter(subject="Praktik").exists()
    assert "Vi tar emot två i juni." in member.get(topic_url(topic)).content.decode()
    assert len(cache_warnings(caplog)) <= 2  # one per cache: pages and attachments


def test_the_contact_form_lets_messages_through_while_redis_is_down(audited_urls, own_redis, mailoutbox):
    visitor = Client(raise_request_exception=False)
    own_redis.stop()

    responses = [visitor.post("/kontakt/", MESSAGE) for _ in range(RATE_LIMIT_SUBMISSIONS + 2)]

    assert all("Tack för ditt meddelande" in response.content.decode() for response in responses)
    assert FormSubmission.objects.count() == RATE_LIMIT_SUBMISSIONS + 2
