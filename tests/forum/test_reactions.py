"""Reactions to posts: "Håller med", "Tack" and "Bra idé", one of each per member and post,
toggled with a form, counted with each sector's share."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from forum.machina.links import post_url, topic_url
from forum.models import Notice, Reaction, Sector
from tests.forum.factories import (
    ForumMemberFactory,
    MemberProfileFactory,
    OrganisationFactory,
    PostFactory,
    UserFactory,
)


def member(sector=Sector.NARINGSLIV):
    user = ForumMemberFactory()
    MemberProfileFactory(user=user, organisation=OrganisationFactory(sector=sector))
    return user


@pytest.fixture
def post(public_forum):
    return PostFactory(topic__forum=public_forum, topic__poster=member(Sector.KOMMUN))


def react(client, post, kind="thanks", **headers):
    return client.post(reverse("forum_react", args=[post.pk]), {"kind": kind}, headers=headers)


def reactions_on_page(client, post):
    page = BeautifulSoup(client.get(topic_url(post.topic)).content.decode(), "html.parser")
    return page.select_one(f"#reaktioner-{post.pk}")


def test_a_member_thanks_a_post_and_sees_the_button_pressed_with_the_count(client, post):
    client.force_login(member())
    response = react(client, post)

    assert response.status_code == 302
    assert response["Location"] == post_url(post)
    button = reactions_on_page(client, post).find("button", value="thanks")
    assert button["aria-pressed"] == "true"
    assert button.get_text(" ", strip=True) == "Tack 1"


def test_reacting_again_takes_the_reaction_back(client, post):
    client.force_login(member())
    react(client, post)
    react(client, post)

    button = reactions_on_page(client, post).find("button", value="thanks")
    assert button["aria-pressed"] == "false"
    assert Reaction.objects.count() == 0


def test_a_member_gives_each_kind_once_and_the_kinds_are_counted_apart(client, post):
    client.force_login(member())
    for kind in ("agree", "thanks", "good_idea"):
        react(client, post, kind)

    buttons = reactions_on_page(client, post).find_all("button")
    assert [button.get_text(" ", strip=True) for button in buttons] == ["Håller med 1", "Tack 1", "Bra idé 1"]


def test_the_counts_show_how_many_came_from_each_sector(client, post):
    for sector in [Sector.KOMMUN] * 3 + [Sector.NARINGSLIV] * 2:
        Reaction.objects.create(post=post, user=member(sector), kind=Reaction.Kind.AGREE)

    text = reactions_on_page(Client(), post).get_text(" ", strip=True)

    assert text == "Håller med 5 3 från kommunen, 2 från näringslivet"


def test_visitors_see_the_counts_but_no_buttons(client, post):
    Reaction.objects.create(post=post, user=member(), kind=Reaction.Kind.GOOD_IDEA)

    reactions = reactions_on_page(client, post)

    assert reactions.find("button") is None
    assert reactions.get_text(" ", strip=True) == "Bra idé 1 1 från näringslivet"


def test_a_new_reaction_shows_on_the_cached_page_of_a_visitor(client, post, settings):
    visitor = Client()
    before = reactions_on_page(visitor, post).get_text(strip=True)
    client.force_login(member())
    react(client, post)

    after = reactions_on_page(visitor, post).get_text(" ", strip=True)

    assert before == ""
    assert after == "Tack 1 1 från näringslivet"


def test_no_reactions_to_ones_own_post(client, post):
    client.force_login(post.poster)

    assert reactions_on_page(client, post).find("button") is None
    assert react(client, post).status_code == 403
    assert Reaction.objects.count() == 0


@pytest.mark.parametrize("who", ["visitor", "not a member", "non-member, members-only forum"])
def test_only_members_who_may_read_the_topic_react(client, post, members_forum, who):
    if who == "non-member, members-only forum":
        post = PostFactory(topic__forum=members_forum)
    if who == "not a member":
        client.force_login(UserFactory())
    elif who != "visitor":
        outsider = ForumMemberFactory()
        outsider.groups.clear()
        client.force_login(outsider)

    response = react(client, post)

    assert response.status_code in (302, 403)
    if who == "visitor":
        assert response["Location"].startswith(reverse("accounts:login"))
    assert Reaction.objects.count() == 0


def test_a_hidden_post_gets_no_reactions(client, post):
    post.approved = False
    post.save()
    client.force_login(member())

    assert react(client, post).status_code == 403


def test_an_unknown_reaction_is_not_found(client, post):
    client.force_login(member())

    assert react(client, post, "gilla").status_code == 404


def test_the_form_needs_its_csrf_token(post):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member())

    assert react(client, post).status_code == 403


def test_sent_with_javascript_the_answer_is_the_posts_new_reactions(client, post):
    client.force_login(member())

    response = react(client, post, "agree", **{"X-Arena-Fetch": "1"})

    html = BeautifulSoup(response.content.decode(), "html.parser")
    assert response.status_code == 200
    assert html.select_one(".reactions").find("button", value="agree")["aria-pressed"] == "true"


def test_the_author_gets_a_notice_naming_the_reaction_and_who_gave_it(client, post, django_capture_on_commit_callbacks):
    reactor = member()
    client.force_login(reactor)
    with django_capture_on_commit_callbacks(execute=True):
        react(client, post, "good_idea")

    (notice,) = Notice.objects.all()
    assert (notice.recipient, notice.actor, notice.post, notice.kind) == (
        post.poster,
        reactor,
        post,
        Notice.Kind.REACTION,
    )
    assert notice.text == "Bra idé"


def test_taking_a_reaction_back_tells_nobody(client, post, django_capture_on_commit_callbacks):
    Reaction.objects.create(post=post, user=(reactor := member()), kind=Reaction.Kind.THANKS)
    client.force_login(reactor)
    with django_capture_on_commit_callbacks(execute=True):
        react(client, post, "thanks")

    assert not Notice.objects.exists()
