"""The digest over a seeded week: one e-mail per opted-in member with what they may read and have
not seen, sent once per period; signed one-click unsubscribe."""

import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.core.db.models import get_model

from forum.models import Conclusion, DigestDelivery, Notice, NotificationSettings
from forum.notifications.digest import period_ending, send_digests, unsubscribe_token
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory, UserFactory
from tests.home.factories import EventIndexPageFactory, EventPageFactory, NewsIndexPageFactory, NewsPageFactory

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")
WEEKLY = NotificationSettings.Frequency.WEEKLY


def member(display_name, frequency=WEEKLY, factory=ForumMemberFactory, **choices):
    user = MemberProfileFactory(user=factory(), display_name=display_name).user
    NotificationSettings.objects.create(user=user, digest_frequency=frequency, **choices)
    return user


def topic_in(forum, subject, when, poster=None, replies=0):
    topic = PostFactory(topic__forum=forum, topic__subject=subject, **({"poster": poster} if poster else {})).topic
    for _ in range(replies):
        PostFactory(topic=topic)
    Post.objects.filter(topic=topic).update(created=when)
    Topic.objects.filter(pk=topic.pk).update(created=when, last_post_on=when)
    return topic


@pytest.fixture
def week():
    return period_ending(WEEKLY)


@pytest.fixture
def seeded(week, home_page, public_forum, members_forum, django_capture_on_commit_callbacks):
    start, end = week
    during, before = start + datetime.timedelta(days=2), start - datetime.timedelta(days=3)
    people = {
        "anna": member("Anna i styrelsen", reply_email=NotificationSettings.Email.DIGEST),
        "ulf": member("Ulf utan medlemskap", factory=UserFactory),
        "never": member("Nils Aldrig", frequency=NotificationSettings.Frequency.NEVER),
        "daily": member("Dagny Daglig", frequency=NotificationSettings.Frequency.DAILY),
    }
    writer = MemberProfileFactory(user=ForumMemberFactory(), display_name="Skribenten").user
    with django_capture_on_commit_callbacks(execute=True):
        topic_in(public_forum, "Öppet ämne", during, poster=writer)
        topic_in(members_forum, "Bara för medlemmar", during, poster=writer)
        busy = topic_in(public_forum, "Livligt samtal", before, poster=people["anna"])
        for _ in range(3):
            PostFactory(topic=busy, poster=writer)
        topic_in(public_forum, "Gammalt ämne", before, poster=writer)
        read = topic_in(public_forum, "Redan läst", during, poster=writer)
    concluded = topic_in(members_forum, "Avslutat samtal", before, poster=writer)
    Conclusion.objects.create(
        topic=concluded, text="Vi bildar en arbetsgrupp.", sector_balance="bada", concluded_at=during
    )
    Post.objects.filter(topic=busy, created__gt=during).update(created=during)
    Topic.objects.filter(pk=busy.pk).update(last_post_on=during)
    TopicReadTrack.objects.create(user=people["anna"], topic=read, mark_time=end)
    Notice.objects.filter(recipient=people["anna"]).update(created=during)
    EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page), title="Frukostmöte om kompetens", first_published_at=during
    )
    news = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(parent=news, title="Ny styrelse vald", first_published_at=during)
    NewsPageFactory(parent=news, title="Gammal nyhet", first_published_at=before)
    return people


def bodies(mailoutbox, user):
    [mail] = [mail for mail in mailoutbox if mail.to == [user.email]]
    return mail.body, mail.alternatives[0][0]


def test_each_opted_in_member_gets_one_mail_with_what_they_may_read_and_a_second_run_sends_nothing(
    seeded, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()  # the seeding's own notices
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digest", frequency="weekly", stdout=io.StringIO())

    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([seeded["anna"].email, seeded["ulf"].email])
    anna_text, anna_html = bodies(mailoutbox, seeded["anna"])
    for text in (anna_text, anna_html):
        assert "Hej Anna i styrelsen!" in text
        assert "Öppet ämne" in text and "Bara för medlemmar" in text
        assert "Skribenten har skrivit ett nytt inlägg i ämnet ”Livligt samtal”." in text  # her digest replies
        assert "Frukostmöte om kompetens" in text and "Ny styrelse vald" in text
        assert "Avslutat samtal" in text
        for absent in ("Gammalt ämne", "Redan läst", "Gammal nyhet"):
            assert absent not in text
    assert "LIVLIGA SAMTAL" not in anna_text  # her own topic is in "Till dig", not again
    ulf_text, _ = bodies(mailoutbox, seeded["ulf"])
    assert "Öppet ämne" in ulf_text and "Livligt samtal" in ulf_text and "3 nya inlägg" in ulf_text
    assert "Bara för medlemmar" not in ulf_text and "Avslutat samtal" not in ulf_text
    assert "NYA SLUTSATSER" in anna_text
    assert mailoutbox[0].subject == "Veckans sammanfattning från Arena Huddinge"
    assert "List-Unsubscribe" in mailoutbox[0].extra_headers

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests(WEEKLY) == 0
    assert mailoutbox == []
    assert DigestDelivery.objects.count() == 2


def test_the_unsubscribe_link_in_the_digest_stops_it_with_one_click(
    seeded, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_digests(WEEKLY)
    text, _ = bodies(mailoutbox, seeded["ulf"])
    path = re.search(r"https?://[^/\s]+(/sammanfattning-avsluta/[^/\s]+/)", text).group(1)
    browser = Client(enforce_csrf_checks=True)
    assert "Vill du sluta få Arena Huddinges sammanfattning" in browser.get(path).content.decode()

    assert browser.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200

    assert NotificationSettings.objects.get(user=seeded["ulf"]).digest_frequency == "never"
    bad = reverse("digest_unsubscribe", args=[unsubscribe_token(seeded["anna"])[:-3] + "abc"])
    assert browser.get(bad).status_code == 400


def recipients(count):
    """Members who take the weekly digest, inserted in bulk (a thousand one by one is slow)."""
    users = get_user_model().objects.bulk_create(UserFactory.build_batch(count))
    NotificationSettings.objects.bulk_create(NotificationSettings(user=user, digest_frequency=WEEKLY) for user in users)


def queries_for_run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
        sent = send_digests(WEEKLY)
    return sent, len(queries)


def test_the_digest_costs_a_fixed_number_of_queries_per_recipient(
    week, public_forum, django_capture_on_commit_callbacks, mailoutbox
):
    start, _ = week
    topic_in(public_forum, "Öppet ämne", start + datetime.timedelta(days=1))
    # A first run also asks once for what the process keeps afterwards: not measured.
    recipients(1)
    queries_for_run(django_capture_on_commit_callbacks)
    recipients(10)
    sent_10, queries_10 = queries_for_run(django_capture_on_commit_callbacks)
    recipients(1000)
    sent_1000, queries_1000 = queries_for_run(django_capture_on_commit_callbacks)

    assert (sent_10, sent_1000) == (10, 1000)
    # Per recipient: the delivery's insert in its own transaction (here a savepoint and its release).
    per_recipient = 3
    assert queries_1000 - queries_10 == 990 * per_recipient, (queries_10, queries_1000)
    # For the run: recipients and their groups, the forums' topics and read marks, the notices,
    # the permissions, and the events and news that home registers.
    assert queries_10 - 10 * per_recipient <= 16
