"""A topic's view count: counted in the shared cache without a database write per view, and added
to the topic by `manage.py flush_topic_views` (every minute from cron)."""

import re
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from machina.core.db.models import get_model

from arena.page_cache import invalidate_cached_pages
from forum.machina.links import topic_url
from forum.machina.view_counts import counter_key
from tests.forum.factories import ForumMemberFactory, PostFactory, TopicPollFactory, TopicPollOptionFactory

Topic = get_model("forum_conversation", "Topic")


@pytest.fixture(autouse=True)
def no_counted_views(db):
    """The cache outlives each test's database, whose topic ids come round again."""
    cache.delete_many([counter_key(topic_id) for topic_id in range(1, 100)])


def topic_writes(queries):
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith('UPDATE "forum_conversation_topic"')]


def test_five_views_write_nothing_to_the_topic_until_the_flush_adds_them(client, public_forum):
    topic = PostFactory(topic__forum=public_forum).topic
    client.force_login(ForumMemberFactory())
    with CaptureQueriesContext(connection) as queries:
        for _ in range(5):
            assert client.get(topic_url(topic)).status_code == 200
    before_flush = Topic.objects.get(pk=topic.pk).views_count

    call_command("flush_topic_views")

    assert topic_writes(queries) == []
    assert before_flush == 0
    assert Topic.objects.get(pk=topic.pk).views_count == 5


def test_views_are_added_once_and_views_after_a_flush_wait_for_the_next(client, public_forum):
    topic = PostFactory(topic__forum=public_forum).topic
    for _ in range(3):
        invalidate_cached_pages()
        client.get(topic_url(topic))
    call_command("flush_topic_views")
    call_command("flush_topic_views")
    invalidate_cached_pages()
    client.get(topic_url(topic))
    after_two_flushes = Topic.objects.get(pk=topic.pk).views_count

    call_command("flush_topic_views")

    assert after_two_flushes == 3
    assert Topic.objects.get(pk=topic.pk).views_count == 4


def test_the_page_is_shown_uncounted_when_the_cache_cannot_be_reached(client, public_forum):
    topic = PostFactory(topic__forum=public_forum, content="Vi tar emot två i augusti.").topic
    client.force_login(ForumMemberFactory())

    with mock.patch("forum.machina.view_counts.cache.incr", side_effect=ConnectionError("cachen svarar inte")):
        response = client.get(topic_url(topic))
    call_command("flush_topic_views")

    assert "Vi tar emot två i augusti." in response.content.decode()
    assert Topic.objects.get(pk=topic.pk).views_count == 0


def test_a_polls_options_are_named_by_their_text_alone(client, public_forum):
    poll = TopicPollFactory(topic=PostFactory(topic__forum=public_forum, topic__subject="Mötestider").topic)
    for text in ("Förmiddag", "Eftermiddag"):
        TopicPollOptionFactory(poll=poll, text=text)
    client.force_login(ForumMemberFactory())

    page = client.get(topic_url(poll.topic)).content.decode()

    assert re.search(r"<label[^>]*>\s*<input[^>]*>\s*Förmiddag\s*</label>", page), page
    assert "Mötestider - Förmiddag" not in page
