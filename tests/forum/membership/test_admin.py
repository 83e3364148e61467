"""Communicators look after organisations, members and applications in the Wagtail admin."""

import re
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from forum.models import MembershipApplication, Organisation
from tests.forum.factories import MemberProfileFactory, MembershipApplicationFactory, OrganisationFactory, UserFactory
from tests.home.factories import CommunicatorFactory


@pytest.fixture
def communicator(client, db):
    user = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_membership_admin_pages_open(client, communicator):
    application = MembershipApplicationFactory()
    profile = MemberProfileFactory(is_approved=False)
    urls = [
        reverse("membershipapplication:index"),
        reverse("membershipapplication:inspect", args=[application.pk]),
        reverse("membershipapplication:approve", args=[application.pk]),
        reverse("membershipapplication:reject", args=[application.pk]),
        reverse("membershipapplication:edit", args=[application.pk]),
        reverse("organisation:index"),
        reverse("organisation:add"),
        reverse("organisation:edit", args=[profile.organisation.pk]),
        reverse("memberprofile:index"),
        reverse("memberprofile:inspect", args=[profile.pk]),
        reverse("memberprofile:approve", args=[profile.pk]),
    ]

    assert {url: client.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)


def test_decision_pages_show_what_is_decided(client, communicator):
    application = MembershipApplicationFactory()
    profile = MemberProfileFactory(is_approved=False, user__username="kim@gmail.example.com")

    approve_application = client.get(reverse("membershipapplication:approve", args=[application.pk])).content.decode()
    approve_member = client.get(reverse("memberprofile:approve", args=[profile.pk])).content.decode()

    assert "<dt>Organisationsnummer</dt><dd>556016-0680</dd>" in approve_application
    assert "<dt>Kontaktpersonens e-postadress</dt><dd>alva@cykelverkstad.example.se</dd>" in approve_application
    assert "<dt>Sektor</dt><dd>Näringsliv</dd>" in approve_application
    assert "<dt>Användare</dt><dd>kim@gmail.example.com</dd>" in approve_member


def test_pending_application_offers_approve_and_reject_when_inspected(client, communicator):
    pending = MembershipApplicationFactory()

    html = client.get(reverse("membershipapplication:inspect", args=[pending.pk])).content.decode()

    assert reverse("membershipapplication:approve", args=[pending.pk]) in html
    assert reverse("membershipapplication:reject", args=[pending.pk]) in html


def test_applications_are_searchable_by_name(client, communicator):
    MembershipApplicationFactory(organisation_name="Sjödalens Cykelverkstad AB")
    MembershipApplicationFactory(organisation_name="Glömsta Bageri AB", organisation_number="559123-4561")

    html = client.get(reverse("membershipapplication:index"), {"q": "bageri"}).content.decode()

    assert "Glömsta Bageri AB" in html
    assert "Sjödalens Cykelverkstad AB" not in html


def test_organisations_filter_by_sector(client, communicator):
    OrganisationFactory(name="Huddinge kommun", sector="kommun")
    OrganisationFactory(name="Stuvsta Redovisningsbyrå AB", sector="naringsliv")

    html = client.get(reverse("organisation:index"), {"sector": "kommun"}).content.decode()

    assert "Huddinge kommun" in html
    assert "Stuvsta Redovisningsbyrå AB" not in html


def test_organisation_with_members_is_not_deleted(client, communicator):
    organisation = MemberProfileFactory(organisation__name="Huddingehem AB").organisation

    response = client.post(reverse("organisation:delete", args=[organisation.pk]), follow=True)

    assert response.status_code == 200
    assert "Huddingehem AB har medlemmar och kan inte tas bort" in response.content.decode()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_organisation_number_typed_without_hyphen_is_saved_with_it(client, communicator):
    response = client.post(
        reverse("organisation:add"),
        {"name": "Huddinge kommun", "organisation_number": "2120000142", "sector": "kommun", "email_domains": ""},
    )

    assert response.status_code == 302
    assert Organisation.objects.get().organisation_number == "212000-0142"


def test_an_applications_own_page_has_approve_and_reject_buttons_that_ask_first(client, home_page, mailoutbox):
    client.force_login(CommunicatorFactory())
    application = MembershipApplicationFactory(organisation_name="Glömsta Bageri AB")

    page = BeautifulSoup(
        client.get(reverse("membershipapplication:inspect", args=[application.pk])).content, "html.parser"
    )
    buttons = {a.get_text(strip=True): a["href"] for a in page.select("main a.button")}
    confirm = client.get(buttons["Godkänn"]).content.decode()

    assert buttons == {
        "Godkänn": reverse("membershipapplication:approve", args=[application.pk]),
        "Avslå": reverse("membershipapplication:reject", args=[application.pk]),
    }
    assert "Ja, godkänn" in confirm
    application.refresh_from_db()
    assert application.is_pending, "opening the button's page decides nothing"


def test_a_decided_application_has_no_decision_buttons(client, home_page):
    client.force_login(CommunicatorFactory())
    application = MembershipApplicationFactory(status=MembershipApplication.Status.REJECTED)

    page = BeautifulSoup(
        client.get(reverse("membershipapplication:inspect", args=[application.pk])).content, "html.parser"
    )

    assert page.select("main a.button") == []


def test_yes_and_no_in_swedish_in_listings_and_on_inspect_pages(client, communicator):
    MemberProfileFactory(is_approved=False, display_name="Kim Andersson", organisation__listed_in_directory=True)
    application = MembershipApplicationFactory(listed_in_directory=False, privacy_consent=True)

    members = cells(client.get(reverse("memberprofile:index")))
    organisations = cells(client.get(reverse("organisation:index")))
    inspected = inspect(client, application).content.decode()

    assert members[0][-1] == "Nej"
    assert organisations[0][-1] == "Ja"
    assert "<dd>Nej</dd>" in re.sub(r"\s+", "", inspected)
    details = BeautifulSoup(inspected, "html.parser").find("main").find("dl").get_text()
    assert "True" not in details and "False" not in details
    assert "None" not in details, "an empty field (no organisation created yet) shows a dash"


def test_times_are_shown_in_swedish_local_time(client, communicator):
    application = MembershipApplicationFactory()
    # 11.30 UTC on a winter's day is 12.30 in Stockholm.
    MembershipApplication.objects.filter(pk=application.pk).update(created_at=datetime(2026, 1, 15, 11, 30, tzinfo=UTC))

    inspected = inspect(client, application).content.decode()
    decision = client.get(reverse("membershipapplication:approve", args=[application.pk])).content.decode()

    assert "15 januari 2026 12:30" in inspected
    assert "15 januari 2026 12:30" in decision
    assert "11:30" not in inspected


def inspect(client, application):
    return client.get(reverse("membershipapplication:inspect", args=[application.pk]))


def cells(response):
    """The listing's rows, each as the texts of its cells."""
    rows = BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")
    return [[re.sub(r"\s+", " ", cell.get_text()).strip() for cell in row.find_all("td")] for row in rows]
