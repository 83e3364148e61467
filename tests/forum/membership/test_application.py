"""Applying for membership at /bli-medlem/ and a communicator's decision in the Wagtail admin."""

import re
import smtplib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from forum.models import MemberProfile, MembershipApplication, Organisation
from home.models import SiteSettings
from tests.forum.factories import MemberProfileFactory, MembershipApplicationFactory, OrganisationFactory, UserFactory
from tests.home.factories import StandardPageFactory

VALID_APPLICATION = {
    "organisation_name": "Sjödalens Cykelverkstad AB",
    "organisation_number": "5560160680",
    "sector": "naringsliv",
    "website": "https://cykelverkstad.example.se",
    "description": "Vi lagar och säljer cyklar vid Sjödalstorget.",
    "listed_in_directory": "on",
    "contact_name": "Alva Lindqvist",
    "contact_title": "Vd",
    "contact_email": "Alva@Cykelverkstad.example.se",
    "contact_phone": "08-123 456 78",
    "privacy_consent": "on",
}


@pytest.fixture
def communicator(client, db):
    user = UserFactory(is_staff=True, is_superuser=True, username="kommunikator@arenahuddinge.se")
    client.force_login(user)
    return user


def field_error(html, field_name):
    """The error text Django ties to the field through aria-describedby."""
    match = re.search(rf'<ul class="errorlist" id="id_{field_name}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


def test_application_form_is_swedish_and_labelled(client, home_page):
    response = client.get("/bli-medlem/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Bli medlem</h1>" in html
    assert '<label for="id_organisation_number">Organisationsnummer:</label>' in html
    assert '<label for="id_contact_email">Kontaktpersonens e-postadress:</label>' in html
    assert 'href="/bli-medlem/"' in html  # the header link


def test_application_form_links_to_the_sites_privacy_page(client, home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.privacy_page = StandardPageFactory(parent=home_page, title="Integritet", slug="integritet")
    site_settings.save()

    html = client.get("/bli-medlem/").content.decode()

    assert 'Läs gärna <a href="/integritet/">hur vi hanterar personuppgifter</a>.' in html


def test_valid_application_is_saved_as_pending(client, home_page):
    response = client.post("/bli-medlem/", VALID_APPLICATION, follow=True)

    assert response.redirect_chain == [("/bli-medlem/tack/", 302)]
    assert "Tack för din ansökan" in response.content.decode()
    application = MembershipApplication.objects.get()
    assert application.status == MembershipApplication.Status.PENDING
    assert application.organisation_number == "556016-0680"
    assert application.contact_email == "alva@cykelverkstad.example.se"
    assert application.privacy_consent
    assert application.listed_in_directory


def test_application_is_confirmed_and_the_reviewers_are_told(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    reviewer = UserFactory(email="kommunikator@arenahuddinge.se")
    reviewer.user_permissions.add(Permission.objects.get(codename="change_membershipapplication"))
    UserFactory(email="utvecklare@arenahuddinge.se", is_superuser=True)  # not a reviewer

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/bli-medlem/", VALID_APPLICATION)

    receipt, notice = sorted(mailoutbox, key=lambda message: message.to)
    assert receipt.to == ["alva@cykelverkstad.example.se"]
    assert receipt.subject == "Vi har tagit emot er ansökan till Arena Huddinge"
    assert notice.to == ["kommunikator@arenahuddinge.se"]
    assert notice.subject == "Ny medlemsansökan: Sjödalens Cykelverkstad AB"
    application = MembershipApplication.objects.get()
    assert f"http://testserver/admin/medlemskap/ansokningar/inspect/{application.pk}/" in notice.body


def test_application_is_kept_when_the_mail_server_is_down(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    def mail_server_down(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("nere")

    monkeypatch.setattr("forum.membership.services.send_mail", mail_server_down)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/bli-medlem/", VALID_APPLICATION)

    assert response.status_code == 302
    assert MembershipApplication.objects.exists()


def test_invalid_organisation_number_is_explained_next_to_the_field(client, home_page):
    response = client.post("/bli-medlem/", {**VALID_APPLICATION, "organisation_number": "556016-0681"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "kontrollsiffran stämmer inte" in field_error(html, "organisation_number")
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_organisation_number_helptext id_organisation_number_error"' in html
    assert 'value="Sjödalens Cykelverkstad AB"' in html  # what was typed is kept
    assert not MembershipApplication.objects.exists()


def test_consent_to_the_privacy_notice_is_required(client, home_page):
    data = {key: value for key, value in VALID_APPLICATION.items() if key != "privacy_consent"}

    html = client.post("/bli-medlem/", data).content.decode()

    assert "Du behöver samtycka" in field_error(html, "privacy_consent")
    assert not MembershipApplication.objects.exists()


def test_organisation_that_is_already_a_member_cannot_apply_again(client, home_page):
    OrganisationFactory(organisation_number="556016-0680")

    html = client.post("/bli-medlem/", VALID_APPLICATION).content.decode()

    assert "redan medlem i Arena Huddinge" in field_error(html, "organisation_number")


def test_organisation_with_a_pending_application_cannot_apply_twice(client, home_page):
    MembershipApplicationFactory(organisation_number="556016-0680")

    html = client.post("/bli-medlem/", VALID_APPLICATION).content.decode()

    assert "väntar på beslut" in field_error(html, "organisation_number")


def test_contact_email_already_in_use_is_explained(client, home_page):
    UserFactory(username="alva@cykelverkstad.example.se")

    html = client.post("/bli-medlem/", VALID_APPLICATION).content.decode()

    assert "Det finns redan ett konto med den här e-postadressen" in field_error(html, "contact_email")


def test_communicator_sees_applications_filtered_by_status(client, communicator):
    pending = MembershipApplicationFactory(organisation_name="Väntande AB")
    MembershipApplicationFactory(organisation_name="Avslagna AB", organisation_number="559123-4561", status="rejected")

    html = client.get("/admin/medlemskap/ansokningar/?status=pending").content.decode()

    assert "Väntande AB" in html
    assert "Avslagna AB" not in html
    assert f'href="{reverse("membershipapplication:approve", args=[pending.pk])}"' in html


def test_approval_creates_member_and_the_emailed_link_sets_a_password(
    client, communicator, mailoutbox, django_capture_on_commit_callbacks, home_page
):
    application = MembershipApplicationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("membershipapplication:approve", args=[application.pk]), follow=True)

    assert "Sjödalens Cykelverkstad AB är nu medlem" in response.content.decode()
    organisation = Organisation.objects.get(organisation_number="556016-0680")
    assert organisation.name == "Sjödalens Cykelverkstad AB"
    user = get_user_model().objects.get(username="alva@cykelverkstad.example.se")
    assert not user.has_usable_password()
    assert user.groups.filter(name="Medlemmar").exists()
    profile = MemberProfile.objects.get(user=user)
    assert (profile.organisation, profile.display_name, profile.title, profile.is_approved) == (
        organisation,
        "Alva Lindqvist",
        "Vd",
        True,
    )
    application.refresh_from_db()
    assert application.status == "approved"
    assert application.decided_by == communicator
    assert application.organisation == organisation

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["alva@cykelverkstad.example.se"]
    assert email.subject == "Välkommen som medlem i Arena Huddinge"
    link = re.search(r"http://testserver(/konto/aterstall-losenord/\S+/)", email.body).group(1)

    client.logout()
    form_page = client.get(link, follow=True)
    assert "Välj lösenord" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "cyklar-i-sjodalen-42", "new_password2": "cyklar-i-sjodalen-42"},
        follow=True,
    )
    assert "Lösenordet är sparat" in done.content.decode()
    logged_in = client.post(
        "/konto/logga-in/",
        {"username": "alva@cykelverkstad.example.se", "password": "cyklar-i-sjodalen-42"},
        follow=True,
    )
    assert "Mitt konto" in logged_in.content.decode()
    assert logged_in.context["user"] == user


def test_approval_keeps_display_names_unique(client, communicator, django_capture_on_commit_callbacks):
    MemberProfileFactory(display_name="Alva Lindqvist")
    application = MembershipApplicationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("membershipapplication:approve", args=[application.pk]))

    profile = MemberProfile.objects.get(user__username="alva@cykelverkstad.example.se")
    assert profile.display_name == "Alva Lindqvist (Sjödalens Cykelverkstad AB)"


def test_approval_that_cannot_be_completed_saves_nothing(
    client, communicator, mailoutbox, django_capture_on_commit_callbacks
):
    application = MembershipApplicationFactory()
    UserFactory(username="alva@cykelverkstad.example.se")  # registered after applying

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("membershipapplication:approve", args=[application.pk]), follow=True)

    assert "Det gick inte" in response.content.decode()
    assert not Organisation.objects.exists()
    application.refresh_from_db()
    assert application.status == "pending"
    assert mailoutbox == []


def test_rejection_needs_a_reason_and_emails_it(client, communicator, mailoutbox, django_capture_on_commit_callbacks):
    application = MembershipApplicationFactory()
    url = reverse("membershipapplication:reject", args=[application.pk])

    without_reason = client.post(url, {"reason": ""})
    assert "Skriv skälet till avslaget" in without_reason.content.decode()
    application.refresh_from_db()
    assert application.status == "pending"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Föreningen tar bara emot organisationer verksamma i Huddinge."})

    application.refresh_from_db()
    assert application.status == "rejected"
    assert not Organisation.objects.exists()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["alva@cykelverkstad.example.se"]
    assert "Föreningen tar bara emot organisationer verksamma i Huddinge." in mailoutbox[0].body


def test_decided_application_cannot_be_decided_again(client, communicator, mailoutbox):
    application = MembershipApplicationFactory(status="rejected")

    response = client.post(reverse("membershipapplication:approve", args=[application.pk]), follow=True)

    assert "Det här är redan beslutat." in response.content.decode()
    assert not Organisation.objects.exists()


def test_people_without_admin_rights_cannot_approve(client, db):
    application = MembershipApplicationFactory()
    client.force_login(UserFactory())

    client.post(reverse("membershipapplication:approve", args=[application.pk]))

    application.refresh_from_db()
    assert application.status == "pending"
