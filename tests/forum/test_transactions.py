"""Posting, editing, moving and moderating in the forum are each one transaction (forum/machina/urls.py):
when a later step fails (here the forum's counters, made to fail on purpose), nothing of the request
is stored and nobody is e-mailed. And manage.py repair_forum_counters recounts what earlier
failures left wrong (forum/machina/counters.py)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.forum.factories import (
    Forum,
    ForumFactory,
    ForumMemberFactory,
    ForumModeratorFactory,
    Post,
    PostFactory,
    Topic,
)
from tests.forum.helpers import form_data, post_create_url, post_update_url, submit_form, topic_create_url


class CountersFailed(Exception):
    pass


@pytest.fixture
def failing_counters(monkeypatch):
    """Makes the forum counters' update, after the post or topic is saved, fail for the given forums."""

    def fail_for(*forums):
        original = Forum.update_trackers

        def update_trackers(forum):
            if forum.pk in {failing.pk for failing in forums}:
                raise CountersFailed
            original(forum)

        monkeypatch.setattr(Forum, "update_trackers", update_trackers)

    return fail_for


@pytest.fixture
def topic(public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb", content="Vem anställer?").topic
    topic.subscribers.add(ForumMemberFactory(email="anna@example.se"))
    return topic


@pytest.fixture
def member(db):
    client = Client(raise_request_exception=False)
    client.force_login(ForumMemberFactory())
    return client


@pytest.fixture
def moderator(db):
    client = Client(raise_request_exception=False)
    client.force_login(ForumModeratorFactory())
    return client


def test_a_new_topic_whose_counters_fail_leaves_neither_topic_nor_post(
    member, public_forum, failing_counters, django_capture_on_commit_callbacks
):
    failing_counters(public_forum)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = submit_form(
            member, topic_create_url(public_forum), "form.forum-form", subject="Praktik", content="Vem tar emot?"
        )

    assert response.status_code == 500
    assert not Topic.objects.filter(subject="Praktik").exists()
    assert not Post.objects.filter(content="Vem tar emot?").exists()
    assert callbacks == []


def test_a_reply_whose_counters_fail_is_not_stored_nor_e_mailed(
    member, topic, failing_counters, django_capture_on_commit_callbacks, mailoutbox
):
    failing_counters(topic.forum)

    with django_capture_on_commit_callbacks(execute=True):
        response = submit_form(member, post_create_url(topic), "form.forum-form", content="Vi tar emot två.")

    topic.refresh_from_db()
    assert response.status_code == 500
    assert list(topic.posts.values_list("content", flat=True)) == ["Vem anställer?"]
    assert topic.posts_count == 1
    assert mailoutbox == []


def test_an_edit_whose_counters_fail_keeps_the_post_as_it_was(topic, failing_counters):
    post = topic.first_post
    author = Client(raise_request_exception=False)
    author.force_login(post.poster)
    failing_counters(topic.forum)

    response = submit_form(author, post_update_url(post), "form.forum-form", content="Ändrad text.")

    post.refresh_from_db()
    assert response.status_code == 500
    assert post.content.raw == "Vem anställer?"


def test_a_move_whose_counters_fail_leaves_the_topic_where_it_was(
    moderator, topic, forum_category, public_forum, failing_counters
):
    target = ForumFactory(name="Kompetensförsörjning", parent=forum_category)
    url = reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk})
    page = moderator.get(url).content.decode()
    # The new forum is recounted first, the one the topic leaves last.
    failing_counters(public_forum)

    response = moderator.post(url, form_data(page, "form.forum-form", forum=str(target.pk)))

    topic.refresh_from_db()
    target.refresh_from_db()
    assert response.status_code == 500
    assert topic.forum == public_forum
    assert target.direct_topics_count == 0


def test_an_approval_whose_counters_fail_leaves_the_post_in_the_queue(
    moderator, topic, failing_counters, django_capture_on_commit_callbacks, mailoutbox
):
    pending = PostFactory(topic=topic, subject="Re: Sommarjobb", content="Väntar.", approved=False)
    failing_counters(topic.forum)

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(reverse("forum_moderation:approve_queued_post", args=[pending.pk]))

    pending.refresh_from_db()
    assert response.status_code == 500
    assert not pending.approved
    assert mailoutbox == []


def test_a_deletion_whose_counters_fail_keeps_the_topic(moderator, topic, failing_counters):
    failing_counters(topic.forum)

    response = moderator.post(reverse("forum_moderation:topic_delete", kwargs={"slug": topic.slug, "pk": topic.pk}))

    assert response.status_code == 500
    assert Topic.objects.filter(pk=topic.pk).exists()


def repair():
    out = StringIO()
    call_command("repair_forum_counters", stdout=out)
    return out.getvalue()


def test_repair_recounts_wrong_counters_and_removes_topics_without_posts(public_forum, topic):
    PostFactory(topic=topic, subject="Re: Sommarjobb", content="Vi anställer tre.")
    # What a worker killed between machina's commits left behind.
    Topic.objects.filter(pk=topic.pk).update(posts_count=1)
    Forum.objects.filter(pk=public_forum.pk).update(direct_topics_count=3, direct_posts_count=1)
    empty = Topic.objects.create(forum=public_forum, subject="Halvt skapat", type=0, status=0)

    report = repair()

    topic.refresh_from_db()
    public_forum.refresh_from_db()
    assert topic.posts_count == 2
    assert (public_forum.direct_topics_count, public_forum.direct_posts_count) == (1, 2)
    assert not Topic.objects.filter(pk=empty.pk).exists()
    assert "Ämnet ”Halvt skapat” i forumet Företagsklimat saknade inlägg och togs bort." in report
    assert "Ämnet ”Sommarjobb” i forumet Företagsklimat: räknat om, 1 → 2 inlägg" in report
    assert "Forumet Företagsklimat: räknat om, 3 → 1 ämnen, 1 → 2 inlägg" in report
    assert "Rättade 3 ämnen och forum." in report


def test_repair_changes_nothing_when_every_counter_is_right(topic):
    PostFactory(topic=topic, subject="Re: Sommarjobb", content="Vi anställer tre.")
    updated = Topic.objects.get(pk=topic.pk).updated

    assert repair().strip() == "Alla räknare stämde: inget att rätta."
    assert Topic.objects.get(pk=topic.pk).updated == updated
