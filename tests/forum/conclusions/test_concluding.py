"""A moderator, or a topic's starter where the forum allows it, closes a conversation with a
conclusion: shown at the top of the topic, the topic locked or left open, the participants told."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.machina.sectors import sector_balance
from forum.models import Conclusion, Notice
from forum.permissions import allow_starters_to_conclude
from tests.forum.factories import (
    ConclusionFactory,
    ForumMemberFactory,
    ForumModeratorFactory,
    MemberProfileFactory,
    PostFactory,
    UserFactory,
)
from tests.forum.helpers import form_data

Topic = get_model("forum_conversation", "Topic")


def conclude_url(topic):
    return reverse("forum_conclude_topic", args=[topic.pk])


def remove_url(topic):
    return reverse("forum_remove_conclusion", args=[topic.pk])


@pytest.fixture
def starter():
    return ForumMemberFactory(first_name="Anna", last_name="Ahl", email="anna@example.se")


@pytest.fixture
def topic(public_forum, starter):
    """A conversation with voices from both sectors: its starter (kommun) and a replier."""
    MemberProfileFactory(user=starter, organisation__sector="kommun")
    topic = PostFactory(topic__forum=public_forum, topic__poster=starter, topic__subject="Rekrytering i vården").topic
    replier = ForumMemberFactory(email="bo@example.se")
    MemberProfileFactory(user=replier, organisation__sector="naringsliv")
    PostFactory(topic=topic, poster=replier, content="Vi har ett traineeprogram.")
    # The replier has unsubscribed; a third member follows the topic without having posted.
    topic.subscribers.remove(replier)
    topic.subscribers.add(starter, ForumMemberFactory(email="cilla@example.se"))
    return topic


def conclude(client, topic, **values):
    page = client.get(conclude_url(topic))
    assert page.status_code == 200
    return client.post(conclude_url(topic), form_data(page.content.decode(), "form.forum-form", **values))


def test_a_moderator_concludes_and_the_topic_shows_it_first_locked(
    client, topic, mailoutbox, django_capture_on_commit_callbacks
):
    moderator = ForumModeratorFactory(email="mona@example.se")
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = conclude(
            client,
            topic,
            text="Vi ordnar en **rekryteringsdag** tillsammans.",
            follow_up="verksamhetsplan",
            follow_up_year="2027",
        )

    assert response.status_code == 302 and response["Location"] == topic_url(topic)
    topic.refresh_from_db()
    assert topic.is_locked
    page = BeautifulSoup(Client().get(topic_url(topic)).content, "html.parser")
    conclusion = page.select_one("main .conclusion")
    assert conclusion.find_previous("h1").text == "Rekrytering i vården"
    assert conclusion.select_one("h2").text.strip() == "Slutsats"
    assert conclusion.select_one(".conclusion__text strong").text == "rekryteringsdag"
    assert "Går vidare till verksamhetsplanen 2027" in conclusion.text
    assert "Båda sektorerna" in conclusion.text
    # The conclusion comes before the first post.
    assert conclusion.find_next("article") is not None
    # Both participants hear of it, in "Notiser" and by e-mail; the moderator who concluded does not.
    assert sorted(mail.to[0] for mail in mailoutbox) == ["anna@example.se", "bo@example.se", "cilla@example.se"]
    assert mailoutbox[0].subject == "Slutsats i ”Rekrytering i vården”"
    assert "har skrivit en slutsats i ämnet ”Rekrytering i vården”" in mailoutbox[0].body
    assert set(Notice.objects.filter(kind=Notice.Kind.CONCLUSION).values_list("recipient__email", flat=True)) == {
        "anna@example.se",
        "bo@example.se",
        "cilla@example.se",
    }


def test_the_topic_may_stay_open(client, topic):
    client.force_login(ForumModeratorFactory())

    response = conclude(client, topic, text="Vi fortsätter samtalet.", follow_up="ingen_atgard", lock="")

    assert response.status_code == 302
    topic.refresh_from_db()
    assert not topic.is_locked
    assert Conclusion.objects.get(topic=topic).follow_up_label() == "Ingen åtgärd"


def test_errors_are_swedish_and_keep_what_was_typed(client, topic):
    client.force_login(ForumModeratorFactory())

    response = conclude(client, topic, text="Halvfärdig tanke", follow_up="verksamhetsplan", follow_up_year="")

    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert "Skriv vilket års verksamhetsplan slutsatsen går vidare till." in page.select_one(".form-errors").text
    assert page.select_one("textarea[name=text]").text.strip() == "Halvfärdig tanke"
    response = conclude(client, topic, text="", follow_up="annan", follow_up_note="")
    page = BeautifulSoup(response.content, "html.parser")
    assert "Skriv slutsatsen." in page.text
    assert "Skriv vilken uppföljning det blir" in page.text
    assert not Conclusion.objects.exists()


def test_the_text_is_sanitised(client, topic):
    client.force_login(ForumModeratorFactory())

    conclude(
        client, topic, text='<script>alert(1)</script> [Läs](javascript:alert(1)) <b onclick="x">fet</b>', follow_up=""
    )

    html = BeautifulSoup(Conclusion.objects.get(topic=topic).text_html, "html.parser")
    assert not html.find("script") and not html.find(attrs={"onclick": True})
    assert all(not link["href"].startswith("javascript") for link in html.find_all("a", href=True))
    assert "<script>alert(1)</script>" in html.text  # shown as text, harmless


def test_permissions(client, topic, starter, members_forum):
    # A visitor is asked to log in; a member who did not start the topic may not.
    response = client.get(conclude_url(topic))
    assert response.status_code == 302 and response["Location"].startswith(settings.LOGIN_URL)
    client.force_login(ForumMemberFactory())
    assert client.get(conclude_url(topic)).status_code == 403
    assert client.post(conclude_url(topic), {"text": "Nej", "follow_up": ""}).status_code == 403
    # The starter may not either, unless the forum allows starters to conclude.
    client.force_login(starter)
    assert client.get(conclude_url(topic)).status_code == 403
    assert "Avsluta med en slutsats" not in client.get(topic_url(topic)).content.decode()
    # A logged-in person outside the members' forum does not learn that its topic exists.
    hidden = PostFactory(topic__forum=members_forum).topic
    client.force_login(UserFactory())
    assert client.get(conclude_url(hidden)).status_code == 404
    assert not Conclusion.objects.exists()


def test_a_starter_concludes_where_the_forum_allows_it_but_only_moderators_change_it(client, topic, starter):
    allow_starters_to_conclude(topic.forum)
    client.force_login(starter)
    assert "Avsluta med en slutsats" in client.get(topic_url(topic)).content.decode()

    assert conclude(client, topic, text="Vi är överens.", follow_up="").status_code == 302

    assert Conclusion.objects.get(topic=topic).concluded_by == starter
    assert client.get(conclude_url(topic)).status_code == 403
    assert client.get(remove_url(topic)).status_code == 403
    assert "Ändra slutsatsen" not in client.get(topic_url(topic)).content.decode()


def test_a_moderator_edits_and_removes_a_conclusion(client, topic, mailoutbox, django_capture_on_commit_callbacks):
    ConclusionFactory(topic=topic, text="Första versionen.")
    client.force_login(ForumModeratorFactory())
    page = client.get(topic_url(topic)).content.decode()
    assert "Ändra slutsatsen" in page and "Ta bort slutsatsen" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = conclude(
            client, topic, text="Andra versionen.", follow_up="annan", follow_up_note="Frukostmöte i maj"
        )

    assert response.status_code == 302
    conclusion = Conclusion.objects.get(topic=topic)
    assert conclusion.text == "Andra versionen." and conclusion.follow_up_label() == "Frukostmöte i maj"
    assert mailoutbox == []  # an edit tells nobody again
    response = client.post(remove_url(topic), {"post": "yes"})
    assert response.status_code == 302
    assert not Conclusion.objects.exists()
    assert "Första versionen" not in client.get(topic_url(topic)).content.decode()


@pytest.mark.parametrize(
    ("kommun", "naringsliv", "balance"),
    [(0, 0, "ingen"), (2, 2, "bada"), (2, 1, "bada"), (3, 1, "kommun"), (0, 1, "naringsliv"), (1, 3, "naringsliv")],
)
def test_sector_balance(kommun, naringsliv, balance):
    assert sector_balance({"kommun": kommun, "naringsliv": naringsliv}) == balance
