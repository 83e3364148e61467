"""The forum's e-mails and feed link to the site's public address (SITE_URL), not to the host the
request came in on."""

import re

import feedparser
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from forum.machina.links import topic_url
from forum.models import MembershipApplication
from tests.forum.factories import MemberProfileFactory, PostFactory, TopicFactory, UserFactory
from tests.forum.membership.test_application import VALID_APPLICATION

SITE_URL = "https://arenahuddinge.example"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SITE_URL = SITE_URL


def test_the_reviewers_mail_links_to_the_application_at_the_public_address(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    reviewer = UserFactory(email="kommunikator@arenahuddinge.se")
    reviewer.user_permissions.add(Permission.objects.get(codename="change_membershipapplication"))

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/bli-medlem/", VALID_APPLICATION)

    notice = next(message for message in mailoutbox if message.to == ["kommunikator@arenahuddinge.se"])
    application = MembershipApplication.objects.get()
    assert f"{SITE_URL}/admin/medlemskap/ansokningar/inspect/{application.pk}/" in notice.body


def test_the_password_reset_link_uses_the_public_address(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    MemberProfileFactory(user__username="per@foretag.se", user__email="per@foretag.se")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/aterstall-losenord/", {"email": "per@foretag.se"})

    assert re.search(rf"{re.escape(SITE_URL)}/konto/aterstall-losenord/\S+/", mailoutbox[0].body)


def test_the_latest_topics_feed_links_to_the_public_address(client, public_forum):
    topic = TopicFactory(forum=public_forum, subject="Parkering vid stationen")
    PostFactory(topic=topic)

    feed = feedparser.parse(client.get(reverse("forum_feeds:latest_topics")).content)

    assert [entry.link for entry in feed.entries] == [SITE_URL + topic_url(topic)]
