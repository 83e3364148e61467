"""Who a member is, on their profile; what a visitor is offered on a topic; and the welcome a new
member gets on the forum."""

import io
import os

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from PIL import Image

from forum.machina.links import topic_url
from forum.membership.services import email_confirmation_tokens
from forum.models import Sector
from tests.forum.factories import (
    ForumMemberFactory,
    MemberProfileFactory,
    OrganisationFactory,
    PostFactory,
    UserFactory,
)

PASSWORD = "ett-langt-testlosenord"


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def author(db):
    user = ForumMemberFactory(email="lena@huddingehem.se", username="lena@huddingehem.se")
    organisation = OrganisationFactory(name="Huddinge kommun", sector=Sector.KOMMUN)
    MemberProfileFactory(user=user, organisation=organisation, display_name="Lena H", title="Planarkitekt")
    return user


def profile_page(client, user):
    return soup(client.get(reverse("forum_member:profile", args=[user.pk])))


def test_a_profile_says_who_the_member_is(client, author):
    client.force_login(ForumMemberFactory())

    page = profile_page(client, author)

    assert page.h1.text == "Lena H"
    facts = page.select_one(".forum-facts--about").get_text(" ", strip=True)
    assert "Organisation Huddinge kommun Sektor: Kommun" in facts
    assert "Titel Planarkitekt" in facts
    assert f"Medlem sedan {timezone.localdate(author.date_joined).day}" in facts
    assert "lena@huddingehem.se" not in page.text


def test_a_profile_lists_the_latest_topics_newest_first(client, author, public_forum, members_forum):
    PostFactory(topic__forum=public_forum, topic__poster=author, topic__subject="Cykelvägar")
    PostFactory(topic__forum=members_forum, topic__poster=author, topic__subject="Internt möte")
    client.force_login(ForumMemberFactory())

    page = profile_page(client, author)

    assert [h3.text for h3 in page.select("[aria-labelledby=senaste-amnen] h3")] == ["Internt möte", "Cykelvägar"]


def test_a_profile_shows_no_hidden_topic_or_post(client, author, public_forum):
    PostFactory(topic__forum=public_forum, topic__poster=author, topic__subject="Cykelvägar")
    PostFactory(
        topic__forum=public_forum,
        topic__poster=author,
        topic__subject="Internt möte",
        topic__approved=False,
        approved=False,
    )
    client.force_login(ForumMemberFactory())

    page = profile_page(client, author)

    assert "Internt möte" not in page.text
    assert "Cykelvägar" in page.select_one("[aria-labelledby=senaste-amnen]").text


def test_an_avatar_over_the_size_limit_is_refused_in_swedish(client, author, media_root):
    client.force_login(author)
    noise = io.BytesIO()
    Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000)).save(noise, "PNG")  # about 3 MB
    big = SimpleUploadedFile("semester.png", noise.getvalue(), content_type="image/png")

    response = client.post(reverse("forum_member:profile_update"), {"avatar": big, "signature": ""})

    error = soup(response).select_one(".form-field__error").text
    assert error.startswith("Bilden ”semester.png” är för stor: 2,")
    assert error.endswith("En profilbild får vara högst 2,0\xa0MB. Förminska bilden eller välj en annan.")


def test_the_avatar_field_says_its_limits(client, author):
    client.force_login(author)

    hint = soup(client.get(reverse("forum_member:profile_update"))).select_one("#id_avatar_helptext").text

    assert "högst 2,0\xa0MB och 4000 × 4000 pixlar" in hint


# --- Visitors ---------------------------------------------------------------------------------------


def test_a_visitor_reading_a_topic_is_offered_to_log_in_and_come_back_or_become_a_member(client, public_forum):
    topic = PostFactory(topic__forum=public_forum).topic

    offer = soup(client.get(topic_url(topic))).select_one(".forum-join")

    assert offer.get_text(" ", strip=True) == "Logga in eller bli medlem för att svara."
    login, join = offer.find_all("a")
    assert login["href"] == f"{reverse('accounts:login')}?next={topic_url(topic)}"
    assert join["href"] == reverse("membership_application")


def test_logging_in_from_a_topic_leads_back_to_it(client, public_forum, author):
    topic = PostFactory(topic__forum=public_forum).topic
    login_url = soup(client.get(topic_url(topic))).select_one(".forum-join a")["href"]
    page = client.get(login_url).content.decode()
    next_value = BeautifulSoup(page, "html.parser").find("input", attrs={"name": "next"})["value"]

    response = client.post(
        login_url, {"username": author.username, "password": PASSWORD, "next": next_value}, follow=True
    )

    assert response.redirect_chain[-1][0] == topic_url(topic)


def test_members_are_not_asked_to_log_in(client, public_forum, author):
    topic = PostFactory(topic__forum=public_forum).topic
    client.force_login(author)

    assert soup(client.get(topic_url(topic))).select_one(".forum-join") is None


def test_a_newly_confirmed_member_is_welcomed_on_the_forum_once(client, public_forum):
    organisation = OrganisationFactory(sector=Sector.KOMMUN, email_domains="huddinge.se")
    user = UserFactory(email="nils@huddinge.se", username="nils@huddinge.se")
    MemberProfileFactory(user=user, organisation=organisation, is_approved=False, verified_email="")
    link = reverse(
        "accounts:confirm_email",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), email_confirmation_tokens.make_token(user)],
    )

    confirmed = client.post(link, follow=True)
    login_url = confirmed.redirect_chain[-1][0]
    landed = client.post(login_url, {"username": user.username, "password": PASSWORD, "next": "/forum/"}, follow=True)

    welcome = soup(landed).select_one(".forum-welcome")
    assert landed.redirect_chain[-1][0] == reverse("forum:index")
    assert welcome.h2.text == "Välkommen till forumet!"
    assert "Kommun" in welcome.text and "Näringsliv" in welcome.text
    assert welcome.find("a", href=reverse("forum_rules"))
    assert soup(client.get(reverse("forum:index"))).select_one(".forum-welcome") is None
