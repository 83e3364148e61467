"""A topic page's posts are rendered once for the readers who see them alike and kept in the
content cache (forum/machina/topic_posts.py): every reader still sees their own links and
reactions, a change shows at once, and a members-only topic never reaches anyone else."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from forum.machina.links import topic_url
from forum.machina.topic_posts import _csrf_stand_in
from forum.models import PostReport, Reaction
from tests.forum.factories import ForumMemberFactory, ForumModeratorFactory, PostFactory, TopicFactory, UserFactory
from tests.forum.helpers import form_data, post_create_url, post_update_url


@pytest.fixture
def authors(db):
    return ForumMemberFactory(first_name="Anna", last_name="Ask"), ForumMemberFactory(first_name="Bo", last_name="Berg")


@pytest.fixture
def topic(public_forum, authors):
    anna, bo = authors
    topic = TopicFactory(forum=public_forum, poster=anna, subject="Cykelparkering vid stationen")
    PostFactory(topic=topic, content="Vi behöver fler cykelställ.")
    PostFactory(topic=topic, poster=bo, subject="Re: Cykelparkering", content="Gärna under tak.")
    return topic


def reader(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def posts_on(client, topic):
    response = client.get(topic_url(topic))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").select("article.forum-post")


def texts(client, topic):
    return [post.select_one(".forum-post__content").get_text(strip=True) for post in posts_on(client, topic)]


def test_a_reply_an_edit_and_a_hidden_post_show_at_once(topic, authors):
    anna, bo = authors
    visitor, member, moderator = reader(), reader(ForumMemberFactory()), reader(ForumModeratorFactory())
    for client in (visitor, member):
        assert texts(client, topic) == ["Vi behöver fler cykelställ.", "Gärna under tak."]

    writer = reader(bo)
    page = writer.get(post_create_url(topic)).content.decode()
    writer.post(post_create_url(topic), form_data(page, "form.forum-form", content="Och en pump."))
    for client in (visitor, member):
        assert texts(client, topic)[-1] == "Och en pump."

    reply = topic.posts.get(content="Och en pump.")
    page = writer.get(post_update_url(reply)).content.decode()
    writer.post(post_update_url(reply), form_data(page, "form.forum-form", content="Och en cykelpump."))
    for client in (visitor, member):
        assert texts(client, topic)[-1] == "Och en cykelpump."

    report = PostReport.objects.create(post=reply, reporter=anna, reason="Reklam.")
    moderator.post(
        reverse("forum_report_queue") + f"{report.pk}/",
        {f"r{report.pk}-action": "hide", f"r{report.pk}-note": "Reklam för en butik."},
    )
    for client in (visitor, member):
        assert texts(client, topic) == ["Vi behöver fler cykelställ.", "Gärna under tak."]


def test_a_reaction_shows_at_once_and_is_pressed_for_its_giver_only(topic, authors):
    _, bo = authors
    bos_post = topic.posts.get(poster=bo)
    giver, other, visitor = reader(ForumMemberFactory()), reader(ForumMemberFactory()), reader()
    for client in (giver, other, visitor):
        posts_on(client, topic)

    giver.post(reverse("forum_react", args=[bos_post.pk]), {"kind": Reaction.Kind.THANKS})

    def reactions(client):
        return next(post for post in posts_on(client, topic) if post["id"] == str(bos_post.pk)).select_one(".reactions")

    # The other member renders the page first after the change, then the giver, then the other again.
    assert reactions(other).find("button", value="thanks")["aria-pressed"] == "false"
    assert reactions(giver).find("button", value="thanks")["aria-pressed"] == "true"
    assert reactions(other).find("button", value="thanks")["aria-pressed"] == "false"
    assert reactions(giver).find("button", value="thanks").get_text(" ", strip=True) == "Tack 1"
    assert reactions(visitor).get_text(" ", strip=True) == "Tack 1"


def articles(client, topic):
    """The page's posts as HTML, without the CSRF tokens (a new one each request)."""
    page = BeautifulSoup(client.get(topic_url(topic)).content.decode(), "html.parser")
    for token in page.select("[name=csrfmiddlewaretoken]"):
        token.decompose()
    return [str(post) for post in page.select("article.forum-post")]


@pytest.mark.parametrize("first", ["visitor", "anna", "bo", "moderator", "superuser"])
def test_every_reader_sees_the_posts_as_rendered_for_them_alone_whoever_came_first(settings, topic, authors, first):
    anna, bo = authors
    bos_post = topic.posts.get(poster=bo)
    Reaction.objects.create(post=bos_post, user=anna, kind=Reaction.Kind.AGREE)
    readers = {
        "visitor": reader(),
        "anna": reader(anna),
        "bo": reader(bo),
        "moderator": reader(ForumModeratorFactory()),
        "superuser": reader(UserFactory(is_superuser=True)),
    }
    articles(readers[first], topic)

    shared = {name: articles(client, topic) for name, client in readers.items()}
    settings.CONTENT_CACHE_SECONDS = 0
    alone = {name: articles(client, topic) for name, client in readers.items()}

    assert shared == alone
    edit_bos_post = f'href="{post_update_url(bos_post)}"'
    assert edit_bos_post in shared["bo"][1] and edit_bos_post in shared["moderator"][1]
    assert edit_bos_post not in shared["anna"][1] and 'aria-pressed="true"' in shared["anna"][1]


def test_a_members_only_topic_never_reaches_visitors_or_others(members_forum):
    topic = PostFactory(topic__forum=members_forum, content="Bara för medlemmar.").topic
    assert texts(reader(ForumMemberFactory()), topic) == ["Bara för medlemmar."]

    for client in (reader(), reader(UserFactory())):
        response = client.get(topic_url(topic))
        assert response.status_code in (302, 403)
        assert "Bara för medlemmar." not in response.content.decode()


def test_the_reaction_forms_carry_the_readers_own_csrf_token(topic, authors):
    _, bo = authors
    posts_on(reader(ForumMemberFactory()), topic)
    client = Client(enforce_csrf_checks=True)
    client.force_login(ForumMemberFactory())
    bos_post = topic.posts.get(poster=bo)

    html = client.get(topic_url(topic)).content.decode()
    token = BeautifulSoup(html, "html.parser").select_one(f"#reaktioner-{bos_post.pk} [name=csrfmiddlewaretoken]")
    response = client.post(
        reverse("forum_react", args=[bos_post.pk]), {"kind": Reaction.Kind.AGREE, "csrfmiddlewaretoken": token["value"]}
    )

    assert _csrf_stand_in() not in html
    assert response.status_code == 302
    assert Reaction.objects.filter(post=bos_post).count() == 1
