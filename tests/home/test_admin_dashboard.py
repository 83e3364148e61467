"""The admin dashboard's "Väntar på dig": what the person logged in may act on, counted, with links."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from forum.models import MembershipApplication, PostReport
from tests.forum.factories import (
    ForumModeratorFactory,
    MemberProfileFactory,
    MembershipApplicationFactory,
    PostFactory,
    PostReportFactory,
    TopicFactory,
)
from tests.home.factories import CommunicatorFactory, StandardPageFactory


def waiting_for_you(client):
    """The panel's lines as (text, link), or its empty-state text."""
    response = client.get("/admin/")
    assert response.status_code == 200
    panel = BeautifulSoup(response.content, "html.parser").find(id="vantar-pa-dig-content")
    assert panel is not None, "the dashboard shows the panel"
    links = [(re.sub(r"\s+", " ", a.get_text()).strip(), a["href"]) for a in panel.select("li a")]
    return links or panel.find("p").get_text(strip=True)


@pytest.fixture
def communicator(client, home_page):
    user = CommunicatorFactory()
    client.force_login(user)
    return user


@pytest.fixture
def reported_post(public_forum):
    return PostFactory(topic=TopicFactory(forum=public_forum, subject="Parkering vid stationen"))


def test_a_communicator_sees_applications_members_and_pages_waiting(client, communicator, home_page, reported_post):
    MembershipApplicationFactory.create_batch(2)
    MembershipApplicationFactory(status=MembershipApplication.Status.APPROVED)
    MemberProfileFactory(is_approved=False)
    PostReportFactory(post=reported_post)
    page = StandardPageFactory(parent=home_page, title="Vision")
    page.save_revision(user=communicator)
    page.get_workflow().start(page, communicator)

    assert waiting_for_you(client) == [
        ("2 ansökningar om medlemskap att besluta om", "/admin/medlemskap/ansokningar/?status=pending"),
        ("1 medlem att godkänna", "/admin/medlemskap/medlemmar/?is_approved=false"),
        ("1 sida att granska", "#awaiting-review-section"),
    ]


def test_a_moderator_sees_the_open_reports_and_nothing_else(client, home_page, reported_post):
    PostReportFactory.create_batch(2, post=reported_post)
    PostReportFactory(post=reported_post, status=PostReport.Status.DISMISSED)
    MembershipApplicationFactory()
    client.force_login(ForumModeratorFactory())

    assert waiting_for_you(client) == [("2 anmälda inlägg att granska", reverse("forum_report_queue"))]


def test_the_links_lead_to_what_waits(client, communicator):
    application = MembershipApplicationFactory(organisation_name="Glömsta Bageri AB")

    (_text, url), *_ = waiting_for_you(client)

    assert "Glömsta Bageri AB" in client.get(url).content.decode()
    assert reverse("membershipapplication:inspect", args=[application.pk]) in client.get(url).content.decode()


def test_nothing_waiting_says_so(client, communicator):
    assert waiting_for_you(client) == "Inget väntar på dig just nu."


def test_a_moderator_without_reports_sees_the_empty_panel(client, home_page):
    client.force_login(ForumModeratorFactory())

    assert waiting_for_you(client) == "Inget väntar på dig just nu."
