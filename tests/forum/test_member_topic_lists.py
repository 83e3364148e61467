"""A member's own lists of topics (unread topics, subscriptions) keep their rendered table in the
shared cache until content changes (forum/machina/topic_rows.py): the table still shows what each
reader may see, and what changes without content changing (view counts)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from machina.core.db.models import get_model

from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory

Topic = get_model("forum_conversation", "Topic")

LISTS = ["forum_tracking:unread_topics", "forum_member:user_subscriptions"]


@pytest.fixture
def topic(public_forum):
    author = MemberProfileFactory(display_name="Lena Holm", user=ForumMemberFactory()).user
    return PostFactory(topic__forum=public_forum, topic__poster=author, topic__subject="Sommarjobb").topic


def table(client, name):
    soup = BeautifulSoup(client.get(reverse(name)).content, "html.parser")
    return soup.select_one("main table")


def test_the_unread_table_links_profiles_for_members_only_whoever_looked_first(client, topic):
    member, registered = ForumMemberFactory(), MemberProfileFactory(is_approved=False).user

    client.force_login(member)
    for_member = table(client, "forum_tracking:unread_topics")
    client.force_login(registered)
    for_registered = table(client, "forum_tracking:unread_topics")
    client.force_login(member)

    assert for_member.select('.forum-byline a[href*="/forum/member/profile/"]')
    assert "Lena Holm" in for_registered.get_text()
    assert not for_registered.select(".forum-byline a")
    assert table(client, "forum_tracking:unread_topics") == for_member


@pytest.mark.parametrize("name", LISTS)
def test_view_counts_show_as_they_are_flushed_without_a_change_of_content(client, topic, name):
    member = ForumMemberFactory()
    member.topic_subscriptions.add(topic)
    client.force_login(member)
    before = table(client, name).select_one('td[data-label="Visningar"]').get_text(strip=True)

    Topic.objects.filter(pk=topic.pk).update(views_count=42)  # as flush_topic_views writes them

    assert before == "0"
    assert table(client, name).select_one('td[data-label="Visningar"]').get_text(strip=True) == "42"
