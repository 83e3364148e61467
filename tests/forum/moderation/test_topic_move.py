"""Moderators move topics with machina's move form, which we fixed for Django 5
(forum/machina/apps/forum_moderation/forms.py)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from tests.forum.factories import ForumFactory, ForumModeratorFactory, PostFactory
from tests.forum.helpers import form_data

Topic = get_model("forum_conversation", "Topic")


@pytest.fixture
def scene(client, forum_category, public_forum):
    target = ForumFactory(name="Kompetensförsörjning", parent=forum_category)
    topic = PostFactory(topic__forum=public_forum, topic__subject="Praktikplatser").topic
    client.force_login(ForumModeratorFactory())
    return target, topic, reverse("forum_moderation:topic_move", kwargs={"slug": topic.slug, "pk": topic.pk})


def test_a_moderator_moves_a_topic_to_another_forum(client, scene, public_forum):
    target, topic, url = scene
    page = client.get(url).content.decode()

    options = BeautifulSoup(page, "html.parser").select("select[name=forum] option")
    assert [option.get_text() for option in options] == [
        "Välj forum",
        "Dialog mellan kommun och näringsliv › Kompetensförsörjning",
    ]
    response = client.post(url, form_data(page, "form.forum-form", forum=str(target.pk)), follow=True)

    topic.refresh_from_db()
    assert (topic.forum, topic.status) == (target, Topic.TOPIC_MOVED)
    assert response.redirect_chain[-1][0] == topic_url(topic)
    assert public_forum.topics.count() == 0


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ("current", "Välj ett giltigt alternativ."),
        ("category", "Välj ett giltigt alternativ."),
        ("", "Det här fältet är obligatoriskt"),
    ],
)
def test_a_move_to_where_a_topic_cannot_go_is_refused_in_swedish(
    client, scene, public_forum, forum_category, choice, message
):
    _, topic, url = scene
    value = {"current": str(public_forum.pk), "category": str(forum_category.pk), "": ""}[choice]

    response = client.post(url, {"forum": value})

    assert response.status_code == 200
    assert message in response.content.decode()
    topic.refresh_from_db()
    assert topic.forum == public_forum
