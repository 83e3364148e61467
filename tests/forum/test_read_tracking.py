"""A member sees which topics have posts they have not read ("Oläst"), and reading a topic again
when nothing is new costs one query and writes nothing (forum/machina/tracking.py)."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.notifications.emails import notifications_muted
from tests.forum.factories import ForumMemberFactory, PostFactory
from tests.forum.helpers import forum_url

TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")


def unread_subjects(client, forum):
    """The subjects of the topics the forum's list marks "Oläst"."""
    soup = BeautifulSoup(client.get(forum_url(forum)).content, "html.parser")
    return {
        row.select_one(".forum-table__link").get_text(strip=True)
        for row in soup.select("main tbody th[scope=row]")
        if "Oläst" in [badge.get_text(strip=True) for badge in row.select(".badge")]
    }


def test_a_topic_is_unread_until_the_member_reads_it_and_again_after_a_reply(client, public_forum):
    reader, writer = ForumMemberFactory(), ForumMemberFactory()
    with notifications_muted():
        summer = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb", topic__poster=writer).topic
        PostFactory(topic__forum=public_forum, topic__subject="Praktik", topic__poster=writer)
    client.force_login(reader)
    before = unread_subjects(client, public_forum)

    client.get(topic_url(summer))
    after_reading = unread_subjects(client, public_forum)
    with notifications_muted():
        PostFactory(topic=summer, poster=writer, subject="Re: Sommarjobb")
    after_reply = unread_subjects(client, public_forum)
    client.get(topic_url(summer))

    assert before == {"Sommarjobb", "Praktik"}
    assert after_reading == {"Praktik"}
    assert after_reply == {"Sommarjobb", "Praktik"}
    assert unread_subjects(client, public_forum) == {"Praktik"}


def test_reading_a_topic_again_writes_no_read_mark(client, public_forum):
    reader = ForumMemberFactory()
    with notifications_muted():
        topic = PostFactory(topic__forum=public_forum, topic__poster=ForumMemberFactory()).topic
        PostFactory(topic__forum=public_forum, topic__poster=ForumMemberFactory())  # keeps the forum unread
    client.force_login(reader)
    client.get(topic_url(topic))
    marked = TopicReadTrack.objects.get(topic=topic, user=reader).mark_time

    with CaptureQueriesContext(connection) as queries:
        client.get(topic_url(topic))

    tracking = [query["sql"] for query in queries.captured_queries if "forum_tracking" in query["sql"]]
    assert len(tracking) == 1
    assert not tracking[0].startswith(("UPDATE", "INSERT", "DELETE"))
    assert TopicReadTrack.objects.get(topic=topic, user=reader).mark_time == marked


def unread_list(client):
    """The subjects on the member's page of unread topics, in its order."""
    soup = BeautifulSoup(client.get(reverse("forum_tracking:unread_topics")).content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select("main tbody .forum-table__link")]


def test_the_unread_list_follows_machinas_rules_for_topic_and_forum_marks(client, public_forum, members_forum):
    reader, writer = ForumMemberFactory(), ForumMemberFactory()
    with notifications_muted():
        summer = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb", topic__poster=writer).topic
        PostFactory(topic__forum=public_forum, topic__subject="Praktik", topic__poster=writer)
        PostFactory(topic__forum=members_forum, topic__subject="Årsmötet", topic__poster=writer)
    client.force_login(reader)
    never_read = unread_list(client)

    client.get(topic_url(summer))
    after_reading = unread_list(client)
    with notifications_muted():
        PostFactory(topic=summer, poster=writer, subject="Re: Sommarjobb")
    after_reply = unread_list(client)
    client.post(reverse("forum_tracking:mark_all_forums_read"))
    all_marked = unread_list(client)
    with notifications_muted():
        PostFactory(topic__forum=members_forum, topic__subject="Nytt efteråt", topic__poster=writer)

    # The newest activity first, as machina lists them.
    assert never_read == ["Årsmötet", "Praktik", "Sommarjobb"]
    assert after_reading == ["Årsmötet", "Praktik"]
    assert after_reply == ["Sommarjobb", "Årsmötet", "Praktik"]
    assert all_marked == []
    assert unread_list(client) == ["Nytt efteråt"]


def subscription_rows(client):
    """(subject, whether the row is marked "Oläst") on the member's subscriptions page, in its order."""
    soup = BeautifulSoup(client.get(reverse("forum_member:user_subscriptions")).content, "html.parser")
    return [
        (
            row.select_one(".forum-table__link").get_text(strip=True),
            "Oläst" in [badge.get_text(strip=True) for badge in row.select(".badge")],
        )
        for row in soup.select("main tbody th[scope=row]")
    ]


def test_the_subscriptions_mark_unread_topics_by_the_same_rules(client, public_forum, members_forum):
    reader, writer = ForumMemberFactory(), ForumMemberFactory()
    with notifications_muted():
        summer = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb", topic__poster=writer).topic
        trainee = PostFactory(topic__forum=public_forum, topic__subject="Praktik", topic__poster=writer).topic
        meeting = PostFactory(topic__forum=members_forum, topic__subject="Årsmötet", topic__poster=writer).topic
    reader.topic_subscriptions.add(summer, trainee, meeting)
    client.force_login(reader)
    never_read = subscription_rows(client)

    client.get(topic_url(summer))
    after_reading = subscription_rows(client)
    client.post(reverse("forum_tracking:mark_topics_read", args=[members_forum.pk]))
    forum_marked = subscription_rows(client)
    with notifications_muted():
        PostFactory(topic=meeting, poster=writer, subject="Re: Årsmötet")
        PostFactory(topic=summer, poster=writer, subject="Re: Sommarjobb")

    # The newest activity first, as machina lists them.
    assert never_read == [("Årsmötet", True), ("Praktik", True), ("Sommarjobb", True)]
    assert after_reading == [("Årsmötet", True), ("Praktik", True), ("Sommarjobb", False)]
    assert forum_marked == [("Årsmötet", False), ("Praktik", True), ("Sommarjobb", False)]
    # Replies after the marks: the topic's own mark and the forum's mark are both older.
    assert subscription_rows(client) == [("Sommarjobb", True), ("Årsmötet", True), ("Praktik", True)]
