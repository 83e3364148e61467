"""The "Notiser" page and the header's count: what a member is told in the site, and reading it."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from forum.machina.links import post_url
from forum.models import Notice, PostReport
from tests.forum.factories import ForumMemberFactory, ForumModeratorFactory, MemberProfileFactory, PostFactory
from tests.forum.helpers import form_data

QUEUE_URL = "/forum-moderering/anmalningar/"
LIST_URL = "/konto/notiser/"


def named(display_name, **kwargs):
    return MemberProfileFactory(user=ForumMemberFactory(**kwargs), display_name=display_name).user


@pytest.fixture
def eva(db):
    return named("Eva på kommunen")


@pytest.fixture
def bo(db):
    return named("Cykel-Bo", first_name="Bo", last_name="Berg", email="bo.berg@firma.se")


@pytest.fixture
def topic(public_forum, eva):
    return PostFactory(topic__forum=public_forum, topic__subject="Cykelvägar", poster=eva).topic


@pytest.fixture
def reply(topic, bo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return PostFactory(topic=topic, poster=bo, subject="Re: Cykelvägar", content="Fler cykelställ!")


def header_count(client):
    html = client.get("/konto/").content.decode()
    return html.split('class="account-nav__count">')[1].split("<")[0] if "account-nav__count" in html else "0"


def test_a_reply_shows_in_the_header_count_and_opening_it_lands_on_the_post(client, eva, reply):
    client.force_login(eva)
    assert header_count(client) == "1"

    page = client.get(LIST_URL).content.decode()
    assert "Cykel-Bo har skrivit ett nytt inlägg i ämnet ”Cykelvägar”." in page
    assert "Bo Berg" not in page and "bo.berg@firma.se" not in page
    notice = Notice.objects.get(recipient=eva)

    opened = client.get(reverse("notices:open", args=[notice.pk]))

    assert opened.status_code == 302 and opened["Location"] == post_url(reply)
    assert header_count(client) == "0"


def test_on_a_phone_the_menu_button_carries_the_unread_count(client, eva, reply):
    client.force_login(eva)

    soup = BeautifulSoup(client.get("/konto/").content, "html.parser")

    assert soup.find("summary", class_="site-menu__toggle").get_text(" ", strip=True) == "Meny 1 olästa notiser"


def test_notices_are_listed_newest_first_and_marked_read_one_or_all_with_csrf(client, eva, topic, bo):
    older = Notice.objects.create(recipient=eva, kind=Notice.Kind.REACTION, actor=bo, topic=topic, text="Tack")
    newer = Notice.objects.create(recipient=eva, kind=Notice.Kind.MENTION, actor=bo, topic=topic)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(eva)

    page = browser.get(LIST_URL).content.decode()
    assert page.index("Cykel-Bo nämnde dig") < page.index(
        "Cykel-Bo reagerade på ditt inlägg i ämnet ”Cykelvägar” (Tack)."
    )
    assert browser.post(reverse("notices:mark_read"), {"notice": older.pk}).status_code == 403

    browser.post(reverse("notices:mark_read"), form_data(page, f"form:has(input[name='notice'][value='{older.pk}'])"))
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.read_at is not None and newer.read_at is None

    page = browser.get(LIST_URL).content.decode()
    browser.post(reverse("notices:mark_read"), form_data(page, "form.notice-list__all"))
    assert not Notice.objects.filter(read_at__isnull=True).exists()


def test_an_empty_list_says_what_will_show_up_here(client, eva):
    client.force_login(eva)

    page = client.get(LIST_URL).content.decode()

    assert "Du har inga notiser än." in page
    assert "Markera alla som lästa" not in page


def test_a_visitor_is_sent_to_log_in_and_nobody_opens_another_members_notice(client, eva, bo, topic):
    notice = Notice.objects.create(recipient=eva, kind=Notice.Kind.MENTION, actor=bo, topic=topic)
    assert client.get(LIST_URL)["Location"].startswith("/konto/logga-in/")

    client.force_login(bo)
    assert client.get(reverse("notices:open", args=[notice.pk])).status_code == 404
    client.post(reverse("notices:mark_read"))
    assert Notice.objects.get(pk=notice.pk).read_at is None


def test_the_list_is_paginated(client, eva, bo, topic):
    Notice.objects.bulk_create(
        Notice(recipient=eva, kind=Notice.Kind.REACTION, actor=bo, topic=topic, text=f"R{n}") for n in range(25)
    )
    client.force_login(eva)

    second = client.get(LIST_URL, {"sida": 2}).content.decode()

    assert second.count('class="notice-item notice-item--unread"') == 5
    assert 'aria-label="Fler notiser"' in second


@pytest.mark.parametrize("count", [5, 200])
def test_the_page_costs_the_same_queries_for_5_and_200_notices(
    client, eva, bo, topic, reply, count, django_assert_max_num_queries
):
    Notice.objects.bulk_create(
        Notice(recipient=eva, kind=kind, actor=bo, post=reply, topic=topic)
        for n in range(count)
        for kind in [(Notice.Kind.MENTION, Notice.Kind.REACTION, Notice.Kind.NEW_TOPIC)[n % 3]]
    )
    client.force_login(eva)
    client.get(LIST_URL)

    with django_assert_max_num_queries(8):
        assert client.get(LIST_URL).status_code == 200


def test_moderators_decisions_reach_the_author_and_the_reporter(
    client, eva, bo, reply, django_capture_on_commit_callbacks
):
    report = PostReport.objects.create(post=reply, reporter=eva, reason="Reklam.")
    client.force_login(ForumModeratorFactory())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "hide"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum_moderation:approve_queued_post", args=[reply.pk]))

    told_bo = list(Notice.objects.filter(recipient=bo, kind=Notice.Kind.MODERATION).values_list("text", flat=True))
    assert told_bo == [
        "Ditt inlägg i ämnet ”Cykelvägar” har godkänts av en moderator och syns nu.",
        "Ditt inlägg i ämnet ”Cykelvägar” har dolts av en moderator. Du har fått e-post om varför.",
    ]
    [told_eva] = Notice.objects.filter(recipient=eva, kind=Notice.Kind.MODERATION)
    assert told_eva.text.endswith("En moderator har dolt inlägget.")


def test_a_dismissed_report_tells_the_reporter(client, eva, reply, django_capture_on_commit_callbacks):
    report = PostReport.objects.create(post=reply, reporter=eva, reason="Reklam.")
    client.force_login(ForumModeratorFactory())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "dismiss"})

    client.force_login(eva)
    assert "En moderator har gått igenom den och låter inlägget stå kvar." in client.get(LIST_URL).content.decode()
