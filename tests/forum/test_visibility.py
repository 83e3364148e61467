"""One rule for which posts people see (forum/machina/visibility.py): a post a moderator hid, and a
topic whose first post is hidden, are gone from every list, page, download, feed and search for
everyone but the forum's moderators. Topics live only in forums of type forum."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from tests.forum.factories import (
    ForumFactory,
    ForumMemberFactory,
    ForumModeratorFactory,
    MemberProfileFactory,
    PostFactory,
)
from tests.forum.helpers import form_data, topic_create_url

Attachment = get_model("forum_attachments", "Attachment")
Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")

HIDDEN_TEXT = "Köp billiga klockor här"


@pytest.fixture
def author(db):
    return MemberProfileFactory(user=ForumMemberFactory(), display_name="Klockis").user


@pytest.fixture
def hidden_reply(public_forum, author, media_root):
    """A reply, with an attachment, that a moderator hid in an otherwise visible topic."""
    topic = PostFactory(topic__forum=public_forum, topic__subject="Parkering vid stationen").topic
    reply = PostFactory(topic=topic, poster=author, subject="Klockor till salu", content=HIDDEN_TEXT)
    Attachment.objects.create(post=reply, file=ContentFile(b"%PDF-1.4 reklam", name="reklam.pdf"))
    reply.approved = False
    reply.save()
    return reply


@pytest.fixture
def hidden_topic(public_forum, author):
    """A topic whose first post a moderator hid, with a visible reply."""
    head = PostFactory(
        topic__forum=public_forum, topic__poster=author, topic__subject="Klockor till salu", content=HIDDEN_TEXT
    )
    PostFactory(topic=head.topic, subject="Re: Klockor", content="Svar på reklamen")
    head.approved = False
    head.save()
    return head.topic


def member_client(client):
    client.force_login(ForumMemberFactory())
    return client


def test_a_hidden_post_is_not_in_the_authors_post_list_or_profile(client, hidden_reply, author):
    member_client(client)

    for url in (
        reverse("forum_member:user_posts", args=[author.pk]),
        reverse("forum_member:profile", args=[author.pk]),
    ):
        html = client.get(url).content.decode()
        assert "Klockor till salu" not in html, url
        assert HIDDEN_TEXT not in html, url


def test_a_hidden_topics_visible_reply_is_not_in_the_profile_either(client, hidden_topic):
    member_client(client)
    reply_author = hidden_topic.posts.get(approved=True).poster

    html = client.get(reverse("forum_member:user_posts", args=[reply_author.pk])).content.decode()

    assert "Svar på reklamen" not in html


def test_a_hidden_posts_attachment_downloads_only_for_moderators(client, hidden_reply):
    url = reverse("forum_conversation:attachment", args=[hidden_reply.attachments.get().pk])

    assert client.get(url).status_code == 404
    member_client(client)
    assert client.get(url).status_code == 404
    client.force_login(ForumModeratorFactory())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ["anonymous", "member", "author"])
def test_a_topic_whose_first_post_is_hidden_is_not_found(client, hidden_topic, author, role):
    if role == "member":
        member_client(client)
    elif role == "author":
        client.force_login(author)

    response = client.get(topic_url(hidden_topic))

    assert response.status_code == 404
    assert "Klockor till salu" not in response.content.decode()


def test_moderators_still_open_a_hidden_topic(client, hidden_topic):
    client.force_login(ForumModeratorFactory())

    assert client.get(topic_url(hidden_topic)).status_code == 200


def test_hidden_posts_and_topics_are_not_in_search_or_the_feed(client, hidden_reply, hidden_topic):
    assert "Klockor" not in client.get("/sok/?q=klockor").content.decode()
    assert "Svar på reklamen" not in client.get("/sok/?q=reklamen").content.decode()
    feed = client.get(reverse("forum_feeds:latest_topics")).content.decode()
    assert "Parkering vid stationen" in feed
    assert "Klockor till salu" not in feed


@pytest.fixture
def category(public_forum):
    return public_forum.parent


def test_members_cannot_start_a_topic_in_a_category_or_a_link(client, category):
    link = ForumFactory(name="Kommunens webbplats", type=Forum.FORUM_LINK, link="https://www.huddinge.se")
    member_client(client)

    for forum in (category, link):
        assert client.get(topic_create_url(forum)).status_code == 404
        response = client.post(topic_create_url(forum), {"subject": "Fel ställe", "content": "Hej", "topic_type": 0})
        assert response.status_code == 404
    assert not Topic.objects.exists()


def test_members_still_start_topics_in_a_forum(client, public_forum):
    member_client(client)
    page = client.get(topic_create_url(public_forum)).content.decode()

    response = client.post(
        topic_create_url(public_forum),
        form_data(page, "form.forum-form", subject="Rätt ställe", content="Hej på er"),
    )

    assert response.status_code == 302
    assert Topic.objects.get().forum == public_forum


def test_a_topic_left_in_a_category_is_nowhere_to_be_seen(client, category):
    topic = PostFactory(topic__forum=category, topic__subject="Kategoriämne", content="Gömt i kategorin").topic

    assert client.get(topic_url(topic)).status_code == 404
    assert "Kategoriämne" not in client.get(reverse("forum_feeds:latest_topics")).content.decode()
    assert "Gömt i kategorin" not in client.get("/sok/?q=kategorin").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/forum/member/profile/abc/",
        "/forum/member/profile/1abc/posts/",
        "/forum/member/profile/-1/",
        "/forum/member/profile/99999999999999999999999/",
        "/forum/forum/x-abc/",
        "/forum/forum/x-1/topic/y-abc/",
        "/forum/forum/x-1/topic/y-1/abc/post/update/",
        "/forum/attachment/abc/",
        "/forum/attachment/99999999999999999999999/",
        "/forum/moderation/queue/abc/",
    ],
)
def test_malformed_ids_on_forum_addresses_are_not_found(visitor, public_forum, path):
    visitor.force_login(ForumMemberFactory())

    assert visitor.get(path).status_code == 404
