"""Member pages (/forum/member/: profiles, a member's posts, subscriptions) are for forum members.

Others are refused in Swedish, anonymous visitors are asked to log in, and nobody is shown a link
they may not follow. People are named by display name only, never by username or e-mail.
"""

import pytest
from django.urls import reverse

from forum.machina.links import topic_url
from forum.permissions import members_group
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory
from tests.forum.helpers import forum_url
from tests.home.factories import CommunicatorFactory


@pytest.fixture
def author(db):
    """An approved member, known by her display name; her username is her e-mail address."""
    user = MemberProfileFactory(
        display_name="Lena Holm", user__username="lena@huddingehem.se", user__email="lena@huddingehem.se"
    ).user
    user.groups.add(members_group())
    return user


@pytest.fixture
def topic(public_forum, author):
    topic = PostFactory(topic__forum=public_forum, topic__poster=author, topic__subject="Sommarjobb").topic
    PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Re: Sommarjobb", content="Vi tar emot två.")
    return topic


def member_page_urls(author, topic, subscribed_topic=None):
    return [
        reverse("forum_member:profile", args=[author.pk]),
        reverse("forum_member:user_posts", args=[author.pk]),
        reverse("forum_member:profile_update"),
        reverse("forum_member:user_subscriptions"),
        reverse("forum_member:topic_subscribe", args=[topic.pk]),
        reverse("forum_member:topic_unsubscribe", args=[(subscribed_topic or topic).pk]),
    ]


def not_approved_yet():
    return MemberProfileFactory(is_approved=False).user


def test_anonymous_visitors_are_asked_to_log_in_for_every_member_page(client, author, topic):
    for url in member_page_urls(author, topic):
        response = client.get(url)

        assert response.status_code == 302, url
        assert response.url.startswith("/konto/logga-in/?next="), url


@pytest.mark.parametrize("person", [not_approved_yet, CommunicatorFactory], ids=["registered", "communicator"])
def test_logged_in_non_members_are_refused_every_member_page_in_swedish(client, author, topic, person):
    client.force_login(person())

    for url in member_page_urls(author, topic):
        response = client.get(url)

        assert response.status_code == 403, url
        assert "Du har inte behörighet" in response.content.decode(), url


def test_members_open_every_member_page(client, public_forum, author, topic):
    member = ForumMemberFactory()
    subscribed_topic = PostFactory(topic__forum=public_forum, topic__poster=member).topic
    client.force_login(member)

    for url in member_page_urls(author, topic, subscribed_topic):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "person", [None, not_approved_yet, CommunicatorFactory], ids=["anonymous", "registered", "communicator"]
)
def test_non_members_see_names_but_no_links_to_member_pages(client, public_forum, author, topic, person):
    if person:
        client.force_login(person())

    for url in (forum_url(public_forum), topic_url(topic)):
        html = client.get(url).content.decode()

        assert "Lena Holm" in html, url
        assert "/forum/member/" not in html, url
        assert "lena@huddingehem.se" not in html, url


def test_members_see_links_to_profiles_by_display_name_only(client, public_forum, author, topic):
    client.force_login(ForumMemberFactory())
    profile_link = f'<a href="{reverse("forum_member:profile", args=[author.pk])}">Lena Holm</a>'

    for url in (forum_url(public_forum), topic_url(topic)):
        html = client.get(url).content.decode()

        assert profile_link in html, url
        assert "lena@huddingehem.se" not in html, url
    profile = client.get(reverse("forum_member:profile", args=[author.pk])).content.decode()
    assert "Lena Holm" in profile and "lena@huddingehem.se" not in profile
