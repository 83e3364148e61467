"""The forum index and a forum page render their lists once for everyone who sees the same and keep
them until content changes (forum/machina/forum_pages.py): what each reader sees is still their own
(their "Oläst" badges, only the forums they may see), and a new topic or reply shows at once."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from forum.machina.links import topic_url
from forum.machina.view_counts import counter_key
from forum.notifications.emails import notifications_muted
from tests.forum.factories import ForumFactory, ForumMemberFactory, PostFactory
from tests.forum.helpers import forum_url, post_create_url, submit_form, topic_create_url


def rows(client, url):
    """{name or subject: the badges of its row} for every row of the page's forum and topic tables."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        row.select_one(".forum-table__link").get_text(strip=True): {
            badge.get_text(strip=True) for badge in row.select(".badge")
        }
        for row in soup.select("main tbody th[scope=row]")
    }


def unread(client, url):
    return {name for name, badges in rows(client, url).items() if badges & {"Oläst", "Olästa inlägg"}}


def test_members_share_the_lists_and_each_sees_their_own_unread_badges(client, public_forum, forum_category):
    other_forum = ForumFactory(name="Hållbarhet", parent=forum_category)
    with notifications_muted():
        summer = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb").topic
        PostFactory(topic__forum=public_forum, topic__subject="Praktik")
        PostFactory(topic__forum=other_forum, topic__subject="Solceller")
    reader, newcomer = ForumMemberFactory(), ForumMemberFactory()

    client.force_login(reader)
    client.get(topic_url(summer))
    client.post(reverse("forum_tracking:mark_topics_read", args=[other_forum.pk]))
    assert unread(client, forum_url(public_forum)) == {"Praktik"}
    assert unread(client, "/forum/") == {"Företagsklimat"}

    client.force_login(newcomer)
    assert unread(client, forum_url(public_forum)) == {"Sommarjobb", "Praktik"}
    assert unread(client, "/forum/") == {"Företagsklimat", "Hållbarhet"}

    client.logout()
    assert unread(client, forum_url(public_forum)) == unread(client, "/forum/") == set()


def test_a_new_topic_and_a_reply_show_at_once(client, public_forum):
    with notifications_muted():
        topic = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb").topic
    reader, writer = ForumMemberFactory(), ForumMemberFactory(first_name="Wilma", last_name="Skribent")
    client.force_login(reader)
    assert set(rows(client, forum_url(public_forum))) == {"Sommarjobb"}
    index_before = client.get("/forum/").content.decode()

    client.force_login(writer)
    submit_form(client, topic_create_url(public_forum), "form.forum-form", subject="Cykelvägar", content="Hej!")
    submit_form(client, post_create_url(topic), "form.forum-form", content="Vi tar emot två.")

    client.force_login(reader)
    assert rows(client, forum_url(public_forum)) == {"Sommarjobb": {"Oläst"}, "Cykelvägar": {"Oläst"}}
    index_after = client.get("/forum/").content.decode()
    assert index_after != index_before
    assert "Wilma Skribent" in index_after


def test_a_members_only_forum_never_reaches_those_who_may_not_read_it(client, public_forum, members_forum):
    with notifications_muted():
        PostFactory(topic__forum=members_forum, topic__subject="Styrelsens förslag")
        PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb")
    client.force_login(ForumMemberFactory())
    assert {"Medlemsrummet", "Företagsklimat"} <= set(rows(client, "/forum/"))
    assert "Styrelsens förslag" in rows(client, forum_url(members_forum))

    outsider = get_user_model().objects.create_user("utanfor@example.org", "utanfor@example.org", "x")
    client.force_login(outsider)
    assert "Medlemsrummet" not in rows(client, "/forum/")
    assert client.get(forum_url(members_forum)).status_code == 403

    client.logout()
    assert "Medlemsrummet" not in rows(client, "/forum/")
    assert client.get(forum_url(members_forum)).status_code == 302


def test_a_forum_page_lists_its_sub_forums_with_the_readers_badges(client, public_forum):
    child = ForumFactory(name="Unga i arbete", parent=public_forum)
    with notifications_muted():
        PostFactory(topic__forum=child, topic__subject="Sommarjobb")
    client.force_login(ForumMemberFactory())
    assert rows(client, forum_url(public_forum)) == {"Unga i arbete": {"Olästa inlägg"}}

    client.post(reverse("forum_tracking:mark_subforums_read", args=[public_forum.pk]))
    assert rows(client, forum_url(public_forum)) == {"Unga i arbete": set()}


def test_a_forum_page_shows_the_views_counted_since_without_a_change_of_content(client, public_forum):
    """Views reach the database in batches (flush_topic_views), which changes no content: the
    cached topic rows take them from the database on every request."""
    with notifications_muted():
        topic = PostFactory(topic__forum=public_forum, topic__subject="Sommarjobb").topic
    cache.delete(counter_key(topic.pk))  # the cache outlives each test's database and its ids
    client.force_login(ForumMemberFactory())

    def views():
        soup = BeautifulSoup(client.get(forum_url(public_forum)).content, "html.parser")
        return soup.select_one("main tbody td[data-label=Visningar]").get_text(strip=True)

    assert views() == "0"
    client.get(topic_url(topic))
    client.get(topic_url(topic))
    call_command("flush_topic_views")
    assert views() == "2"
