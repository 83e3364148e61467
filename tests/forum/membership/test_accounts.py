"""Member accounts under /konto/: register, log in and out, passwords, profile, approval."""

import re
from unittest.mock import patch

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from forum.membership.forms import send_password_reset
from forum.models import MemberProfile, NotificationSettings
from tests.forum.factories import MemberProfileFactory, OrganisationFactory, UserFactory

PASSWORD = "ett-riktigt-bra-losenord"


@pytest.fixture
def organisation(db):
    return OrganisationFactory(
        name="Huddinge kommun", sector="kommun", email_domains="huddinge.se", listed_in_directory=True
    )


def registration(organisation, **changes):
    return {
        "first_name": "Anna",
        "last_name": "Svensson",
        "email": "anna.svensson@huddinge.se",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "organisation": organisation.pk,
        "title": "Näringslivsutvecklare",
        "display_name": "Anna S",
        **changes,
    }


def field_error(html, field_name):
    match = re.search(rf'<p class="form-field__error" id="id_{field_name}_error">(.*?)</p>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


def test_header_offers_login_and_membership_to_visitors(client, home_page):
    response = client.get("/")

    assert "csrftoken" not in response.cookies  # the logout form is only there for members
    html = response.content.decode()

    assert '<a class="account-nav__link" href="/konto/logga-in/">Logga in</a>' in html
    assert '<a class="account-nav__link account-nav__link--join" href="/bli-medlem/">Bli medlem</a>' in html
    assert "Logga ut" not in html


def test_header_offers_account_and_logout_to_members(client, home_page):
    client.force_login(MemberProfileFactory().user)

    html = client.get("/").content.decode()

    assert '<a class="account-nav__link" href="/konto/">Mitt konto</a>' in html
    assert '<form method="post" action="/konto/logga-ut/"' in html
    assert ">Logga in</a>" not in html


@pytest.fixture
def reviewer(db):
    user = UserFactory(email="kommunikator@arenahuddinge.se")
    user.user_permissions.add(Permission.objects.get(codename="change_memberprofile"))
    return user


def test_registration_with_a_verified_domain_makes_a_member_once_the_address_is_confirmed(
    client, home_page, organisation, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/registrera/", registration(organisation), follow=True)

    assert response.redirect_chain == [("/konto/registrera/skickat/", 302)]
    assert "Om adressen kan användas har vi skickat ett e-postmeddelande" in response.content.decode()
    assert response.context["user"].is_anonymous, "nobody is logged in before the address is confirmed"
    profile = MemberProfile.objects.get(user__username="anna.svensson@huddinge.se")
    assert profile.organisation == organisation
    assert profile.user.check_password(PASSWORD)
    assert not profile.is_approved  # anyone can type an address; the link proves it is theirs
    assert not profile.email_verified
    (email,) = mailoutbox  # nothing for the reviewers to do
    assert email.to == ["anna.svensson@huddinge.se"]
    assert email.subject == "Bekräfta din e-postadress hos Arena Huddinge"
    assert "när du har bekräftat den är du medlem direkt" in email.body
    link = re.search(r"http://testserver(/konto/bekrafta/\S+/)", email.body).group(1)

    page = client.get(link)
    assert "Bekräfta att du är Anna S från Huddinge kommun" in page.content.decode()
    profile.refresh_from_db()
    assert not profile.is_approved  # opening the link (as mail scanners do) is not enough
    confirmed = client.post(link, follow=True)

    assert confirmed.redirect_chain == [("/konto/logga-in/?next=/forum/", 302)]
    assert "Din adress är bekräftad och du är nu medlem" in confirmed.content.decode()
    profile.refresh_from_db()
    assert profile.is_approved
    assert profile.email_verified
    assert profile.user.groups.filter(name="Medlemmar").exists()
    assert "Länken fungerar inte" in client.get(link).content.decode()  # used once only
    client.post("/konto/logga-in/", {"username": "anna.svensson@huddinge.se", "password": PASSWORD})
    assert "Godkänd medlem" in client.get("/konto/").content.decode()


def test_confirmation_link_with_a_wrong_token_does_nothing(client, home_page, organisation):
    profile = MemberProfileFactory(is_approved=False, organisation=organisation, user__email="kim@huddinge.se")
    uidb64 = urlsafe_base64_encode(force_bytes(profile.user.pk))

    response = client.post(f"/konto/bekrafta/{uidb64}/fel-token/")

    assert "Länken fungerar inte" in response.content.decode()
    profile.refresh_from_db()
    assert not profile.is_approved


def test_registration_with_another_domain_waits_for_approval_once_the_address_is_confirmed(
    client, home_page, organisation, reviewer, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/registrera/", registration(organisation, email="anna@gmail.example.com"))

    profile = MemberProfile.objects.get(user__username="anna@gmail.example.com")
    # Only the person hears of it until the address is confirmed: nobody reviews a made-up address.
    (email,) = mailoutbox
    assert email.to == ["anna@gmail.example.com"]
    assert "kontrollerar Arena Huddinge att du hör till Huddinge kommun" in email.body
    link = re.search(r"http://testserver(/konto/bekrafta/\S+/)", email.body).group(1)

    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.post(link, follow=True)

    assert "Innan du kan skriva i forumet behöver Arena Huddinge bekräfta" in confirmed.content.decode()
    profile.refresh_from_db()
    assert profile.email_verified
    assert not profile.is_approved
    assert not profile.user.groups.exists()
    assert [message.to for message in mailoutbox[1:]] == [["kommunikator@arenahuddinge.se"]]
    assert mailoutbox[1].subject == "Ny medlem väntar på godkännande: Anna S"
    assert f"http://testserver/admin/medlemskap/medlemmar/inspect/{profile.pk}/" in mailoutbox[1].body
    client.force_login(profile.user)
    assert "Väntar på att Arena Huddinge bekräftar" in client.get("/konto/").content.decode()


def test_registration_does_not_tell_whether_an_account_exists(
    client, home_page, organisation, mailoutbox, django_capture_on_commit_callbacks
):
    owner = UserFactory(username="anna.svensson@huddinge.se", password="ägarens-eget-lösenord")

    with django_capture_on_commit_callbacks(execute=True):
        taken = client.post("/konto/registrera/", registration(organisation, email="Anna.Svensson@huddinge.se"))
        new = client.post(
            "/konto/registrera/", registration(organisation, email="ny@huddinge.se", display_name="Ny Person")
        )

    assert (taken.status_code, taken.url) == (new.status_code, new.url) == (302, "/konto/registrera/skickat/")
    assert MemberProfile.objects.get().user.username == "ny@huddinge.se"
    owner.refresh_from_db()
    assert owner.check_password("ägarens-eget-lösenord")
    # The address's owner hears of the attempt, with the ways into the account they already have.
    to_owner = next(message for message in mailoutbox if message.to == ["anna.svensson@huddinge.se"])
    assert to_owner.subject == "Ditt konto hos Arena Huddinge"
    assert "det finns redan ett konto med den" in to_owner.body
    assert "http://testserver/konto/aterstall-losenord/" in to_owner.body


def test_registration_offers_only_publicly_listed_organisations(client, home_page, organisation):
    unlisted = OrganisationFactory(name="Hemliga Konsulterna AB", listed_in_directory=False)

    form = client.get("/konto/registrera/").content.decode()
    response = client.post("/konto/registrera/", registration(unlisted))

    assert "Huddinge kommun" in form
    assert "Hemliga Konsulterna" not in form
    assert "Välj ett giltigt alternativ" in field_error(response.content.decode(), "organisation")
    assert not MemberProfile.objects.exists()


# Well-formed, but longer than the username (150) and than django-axes' log of failed logins (255).
LONG_EMAIL = "a" * 64 + "@" + ".".join(["huddinge" * 7] * 4) + ".se"


def test_an_email_address_longer_than_a_username_is_refused_in_swedish(client, home_page, organisation):
    registering = client.post("/konto/registrera/", registration(organisation, email=LONG_EMAIL))
    logging_in = client.post("/konto/logga-in/", {"username": LONG_EMAIL, "password": PASSWORD})

    assert "Säkerställ att detta värde har som mest 150 tecken" in field_error(registering.content.decode(), "email")
    assert not get_user_model().objects.exists()
    assert logging_in.status_code == 200
    assert "som mest 150 tecken" in field_error(logging_in.content.decode(), "username")


def test_display_name_cannot_be_another_members(client, home_page, organisation):
    MemberProfileFactory(display_name="Anna S")

    response = client.post("/konto/registrera/", registration(organisation, display_name="anna s"))

    assert "Visningsnamnet används redan" in field_error(response.content.decode(), "display_name")
    assert MemberProfile.objects.count() == 1


def test_registration_checks_the_passwords(client, home_page, organisation):
    mismatch = client.post("/konto/registrera/", registration(organisation, password2="något-annat-123"))
    too_simple = client.post("/konto/registrera/", registration(organisation, password1="1234", password2="1234"))

    assert "stämmer inte överens" in field_error(mismatch.content.decode(), "password2")
    assert "för kort" in field_error(too_simple.content.decode(), "password2")
    assert not get_user_model().objects.exists()


def test_login_with_email_and_logout(client, home_page):
    profile = MemberProfileFactory(user__username="per@foretag.se", user__password=PASSWORD)

    wrong = client.post("/konto/logga-in/", {"username": "per@foretag.se", "password": "fel"})
    assert "E-postadressen eller lösenordet är fel" in wrong.content.decode()

    response = client.post("/konto/logga-in/", {"username": "Per@Foretag.se", "password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/konto/", 302)]
    assert response.context["user"] == profile.user

    client.post("/konto/logga-ut/")
    assert client.get("/konto/").url == "/konto/logga-in/?next=/konto/"


def test_logout_needs_a_post(client, home_page):
    client.force_login(UserFactory())

    assert client.get("/konto/logga-ut/").status_code == 405


def test_password_reset_by_email(client, home_page, mailoutbox, django_capture_on_commit_callbacks):
    MemberProfileFactory(user__username="per@foretag.se", user__email="per@foretag.se")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/konto/aterstall-losenord/", {"email": "per@foretag.se"}, follow=True)

    assert "Kolla din e-post" in response.content.decode()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Välj ett nytt lösenord för Arena Huddinge"
    link = re.search(r"http://testserver(/konto/aterstall-losenord/\S+/)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "nytt-losenord-99", "new_password2": "nytt-losenord-99"}
    )
    login = client.post("/konto/logga-in/", {"username": "per@foretag.se", "password": "nytt-losenord-99"})
    assert login.status_code == 302, "the new password logs in"


def test_password_reset_reaches_members_who_never_chose_a_password(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    profile = MemberProfileFactory(user__username="ny@foretag.se", user__email="ny@foretag.se")
    profile.user.set_unusable_password()
    profile.user.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/aterstall-losenord/", {"email": "ny@foretag.se"})

    assert [message.to for message in mailoutbox] == [["ny@foretag.se"]]


def test_password_reset_answers_alike_and_mails_from_a_background_task(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    MemberProfileFactory(user__username="per@foretag.se", user__email="per@foretag.se")

    with django_capture_on_commit_callbacks() as callbacks:
        existing = client.post("/konto/aterstall-losenord/", {"email": "per@foretag.se"})
        unknown = client.post("/konto/aterstall-losenord/", {"email": "ingen@foretag.se"})

    # Nothing is looked up or sent in the request: both answers are the same, and no mail has gone.
    assert (existing.status_code, existing.url) == (unknown.status_code, unknown.url)
    assert existing.content == unknown.content
    assert mailoutbox == []
    assert len(callbacks) == 2
    with patch("forum.membership.forms.send_password_reset", wraps=send_password_reset) as task:
        for callback in callbacks:
            callback()

    assert [call.args[0] for call in task.enqueue.call_args_list] == ["per@foretag.se", "ingen@foretag.se"]
    assert [message.to for message in mailoutbox] == [["per@foretag.se"]]


def test_setting_a_password_through_the_mailed_link_confirms_the_address(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    # Someone who lost the confirmation mail: the reset link proves the address as well.
    profile = MemberProfileFactory(
        user__email="per@foretag.se", verified_email="", is_approved=False, organisation__email_domains="foretag.se"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/aterstall-losenord/", {"email": "per@foretag.se"})
    link = re.search(r"http://testserver(/konto/aterstall-losenord/\S+/)", mailoutbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "nytt-losenord-99", "new_password2": "nytt-losenord-99"}
    )

    profile.refresh_from_db()
    assert profile.email_verified
    assert profile.is_approved


def test_password_change(client, home_page):
    user = UserFactory(password=PASSWORD)
    client.force_login(user)

    response = client.post(
        "/konto/byt-losenord/",
        {"old_password": PASSWORD, "new_password1": "annat-bra-losenord-7", "new_password2": "annat-bra-losenord-7"},
        follow=True,
    )

    assert "Lösenordet är bytt" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("annat-bra-losenord-7")


def test_member_edits_display_name_and_title(client, home_page):
    profile = MemberProfileFactory(display_name="Gammalt namn")
    client.force_login(profile.user)

    response = client.post("/konto/profil/", {"display_name": "Nytt namn", "title": "Vd"}, follow=True)

    assert "Dina uppgifter är sparade." in response.content.decode()
    profile.refresh_from_db()
    assert (profile.display_name, profile.title) == ("Nytt namn", "Vd")
    MemberProfileFactory(display_name="Upptaget Namn")
    taken = client.post("/konto/profil/", {"display_name": "upptaget namn", "title": "Vd"})
    assert "Visningsnamnet används redan" in field_error(taken.content.decode(), "display_name")
    empty = client.post("/konto/profil/", {"display_name": "", "title": ""})
    assert "Det här fältet är obligatoriskt" in field_error(empty.content.decode(), "display_name")


def test_communicator_approves_a_waiting_member(client, home_page, mailoutbox, django_capture_on_commit_callbacks):
    profile = MemberProfileFactory(is_approved=False, user__email="vantar@foretag.se", display_name="Väntande Vera")
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get("/admin/medlemskap/medlemmar/?is_approved=false").content.decode()
    assert "Väntande Vera" in listing
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("memberprofile:approve", args=[profile.pk]))

    profile.refresh_from_db()
    assert profile.is_approved
    assert profile.user.groups.filter(name="Medlemmar").exists()
    assert [message.to for message in mailoutbox] == [["vantar@foretag.se"]]
    assert "http://testserver/forum/" in mailoutbox[0].body


def test_a_new_member_gets_e_mail_from_the_forum_only_when_ticking_the_unticked_boxes(client, home_page, organisation):
    page = client.get("/konto/registrera/").content.decode()
    for name in ("email_notices", "weekly_digest"):
        checkbox = re.search(rf'<input type="checkbox" name="{name}"[^>]*>', page).group(0)
        assert "checked" not in checkbox

    client.post("/konto/registrera/", registration(organisation))
    client.post(
        "/konto/registrera/",
        registration(organisation, email="bo@huddinge.se", display_name="Bo B", email_notices="on", weekly_digest="on"),
    )

    chose_nothing = NotificationSettings.objects.get(user__email="anna.svensson@huddinge.se")
    assert (chose_nothing.reply_email, chose_nothing.mention_email, chose_nothing.digest_frequency) == (
        "never",
        "never",
        "never",
    )
    chose_both = NotificationSettings.objects.get(user__email="bo@huddinge.se")
    assert (chose_both.reply_email, chose_both.mention_email, chose_both.digest_frequency) == (
        "immediately",
        "immediately",
        "weekly",
    )
