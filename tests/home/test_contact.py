"""The contact form: stored and e-mailed, bots and floods kept out, errors in Swedish, hostile and
malformed input answered without a server error, old messages deleted after the retention period,
and the messages read by editors in the admin."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st
from wagtail.contrib.forms.models import FormSubmission
from wagtail.test.utils import WagtailPageTestCase

from home.contact import RATE_LIMIT_SUBMISSIONS, rate_limit_key
from home.models import ContactPage, HomePage, StandardPage
from tests.home.factories import CommunicatorFactory, ContactPageFactory
from tests.quality.hostile import (
    as_received,
    assert_form_kept,
    field_values,
    fuzz_settings,
    hostile_text,
    isolated_example,
    post,
)

MESSAGE = {
    "namn": "Kim Andersson",
    "e_post": "kim@foretaget.se",
    "organisation": "Företaget AB",
    "amne": "Frukostmöte",
    "meddelande": "Hej! Vi vill gärna vara med på nästa frukostmöte.",
}


ADDRESSES = ["127.0.0.1", "192.0.2.7"]


@pytest.fixture(autouse=True)
def empty_rate_limit():
    """Every test starts with no submissions counted against the addresses it posts from. Only
    these keys are deleted: the Redis cache may be shared with other test runs."""
    cache.delete_many([rate_limit_key(address) for address in ADDRESSES])
    yield
    cache.delete_many([rate_limit_key(address) for address in ADDRESSES])


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


def test_contact_page_shows_the_form_privacy_notice_and_retention(client, contact_page, settings):
    settings.CONTACT_SUBMISSION_RETENTION_DAYS = 365

    response = client.get("/kontakt/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="form-field__label" for="id_namn">Namn <span class="form-field__required">' in html
    assert '<label class="form-field__label" for="id_organisation">Organisation</label>' in html
    assert '<textarea name="meddelande"' in html
    assert 'name="e_post" maxlength="320" autocomplete="email"' in html
    assert 'Läs hur vi <a href="/integritet/">behandlar dina personuppgifter</a>.' in html
    assert "raderas efter 365 dagar" in html
    # The privacy notice comes before the submit button.
    assert html.index("behandlar dina personuppgifter") < html.index("Skicka meddelande</button>")


def test_honeypot_is_hidden_from_people_and_screen_readers(client, contact_page):
    html = client.get("/kontakt/").content.decode()

    assert '<div class="visually-hidden" aria-hidden="true">' in html
    honeypot = html.split('<div class="visually-hidden" aria-hidden="true">')[1].split("</div>")[0]
    assert 'name="website"' in honeypot
    assert 'tabindex="-1"' in honeypot
    assert 'autocomplete="off"' in honeypot


def test_a_message_is_stored_e_mailed_and_thanked_for(client, contact_page, mailoutbox):
    response = client.post("/kontakt/", MESSAGE)

    assert response.status_code == 200
    assert "Tack för ditt meddelande" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.form_data == MESSAGE
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["info@arenahuddinge.se"]
    assert mail.subject == "Nytt meddelande via webbplatsen"
    assert "Namn: Kim Andersson" in mail.body
    assert "Meddelande: Hej! Vi vill gärna vara med på nästa frukostmöte." in mail.body
    assert "website" not in mail.body


def test_the_message_is_kept_when_the_mail_server_is_down(client, contact_page, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = 9  # nothing listens on the discard port

    response = client.post("/kontakt/", MESSAGE)

    assert response.status_code == 200
    assert "Tack för ditt meddelande" in response.content.decode()
    assert FormSubmission.objects.filter(page=contact_page).count() == 1


def test_a_filled_honeypot_is_neither_stored_nor_e_mailed(client, contact_page, mailoutbox):
    response = client.post("/kontakt/", {**MESSAGE, "website": "https://spam.example"})

    assert response.status_code == 200
    assert "Tack för ditt meddelande" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_errors_are_swedish_next_to_the_field_and_typed_values_are_kept(client, contact_page, mailoutbox):
    response = client.post("/kontakt/", {**MESSAGE, "e_post": "inte-en-adress", "amne": ""})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Formuläret innehåller fel" in html
    assert '<p class="form-field__error" id="id_e_post_fel">Fyll i en giltig e-postadress.</p>' in html
    assert '<p class="form-field__error" id="id_amne_fel">Det här fältet är obligatoriskt</p>' in html
    assert 'aria-describedby="id_e_post_fel"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="inte-en-adress"' in html
    assert 'value="Kim Andersson"' in html
    assert "Hej! Vi vill gärna vara med på nästa frukostmöte.</textarea>" in html
    assert not FormSubmission.objects.exists()
    assert mailoutbox == []


def test_one_address_may_send_only_a_few_messages_in_ten_minutes(client, contact_page, mailoutbox):
    for _ in range(RATE_LIMIT_SUBMISSIONS):
        assert "Tack för ditt meddelande" in client.post("/kontakt/", MESSAGE).content.decode()

    response = client.post("/kontakt/", MESSAGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Du har skickat många meddelanden på kort tid" in html
    assert 'value="Kim Andersson"' in html
    assert FormSubmission.objects.count() == RATE_LIMIT_SUBMISSIONS
    assert len(mailoutbox) == RATE_LIMIT_SUBMISSIONS
    # Another address is not held back.
    other = client.post("/kontakt/", MESSAGE, REMOTE_ADDR="192.0.2.7")
    assert "Tack för ditt meddelande" in other.content.decode()


def test_retention_command_deletes_only_messages_older_than_the_period(contact_page, settings):
    settings.CONTACT_SUBMISSION_RETENTION_DAYS = 365
    old = FormSubmission.objects.create(page=contact_page, form_data={"namn": "Gammal"})
    recent = FormSubmission.objects.create(page=contact_page, form_data={"namn": "Ny"})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - timedelta(days=366))
    FormSubmission.objects.filter(pk=recent.pk).update(submit_time=timezone.now() - timedelta(days=364))
    output = StringIO()

    call_command("delete_old_contact_submissions", stdout=output)

    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Raderade 1 meddelanden" in output.getvalue()


class TestContactPageTree(WagtailPageTestCase):
    def test_contact_page_only_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, ContactPage)
        self.assertCanNotCreateAt(StandardPage, ContactPage)
        self.assertCanNotCreateAt(ContactPage, StandardPage)


def test_demo_content_has_the_contact_form_and_the_pages_about_the_site(client, db, mailoutbox):
    call_command("seed_demo", stdout=StringIO())

    html = client.get("/kontakt/").content.decode()
    for label in ["Namn", "E-post", "Organisation", "Ämne", "Meddelande"]:
        assert f">{label}" in html
    assert 'Läs mer om <a href="/integritet/">hur vi behandlar dina personuppgifter</a>' in html
    footer = html.split('<nav class="site-footer__about" aria-label="Om webbplatsen">')[1].split("</nav>")[0]
    assert '<a href="/integritet/">Integritet</a>' in footer
    assert '<a href="/om-kakor/">Om kakor</a>' in footer
    assert '<a href="/tillganglighet/">Tillgänglighetsredogörelse</a>' in footer
    main_menu = html.split('aria-label="Huvudmeny"')[1].split("</nav>")[0]
    assert "Kontakt" in main_menu
    assert "Integritet" not in main_menu
    statement = client.get("/tillganglighet/").content.decode()
    assert "Myndigheten för digital förvaltning (DIGG)" in statement
    assert '<a href="/kontakt/">kontaktformuläret</a>' in statement

    client.post("/kontakt/", MESSAGE)

    assert mailoutbox[0].to == ["info@arenahuddinge.se"]
    assert FormSubmission.objects.get().form_data == MESSAGE


# Hostile and malformed input


@fuzz_settings
@given(
    data=field_values(
        namn="Kim Andersson",
        e_post="kim@foretaget.se",
        organisation="Företaget AB",
        amne="Frukostmöte",
        meddelande="Hej! Vi vill gärna vara med.",
    ),
    honeypot=st.one_of(st.just(""), hostile_text),
)
def test_hostile_input_never_breaks_the_contact_form(visitor, contact_page, data, honeypot):
    with isolated_example(rate_limit_key("127.0.0.1")):
        response = post(visitor, "/kontakt/", {**data, "website": honeypot})

        assert response.status_code == 200
        submissions = list(FormSubmission.objects.all())
        if as_received(honeypot).strip():
            assert "Tack för ditt meddelande" in response.content.decode()
            assert not submissions
        elif submissions:
            assert "Tack för ditt meddelande" in response.content.decode()
            assert submissions[0].form_data["meddelande"] == as_received(data["meddelande"]).strip()
        else:
            assert_form_kept(response, data, data)


def test_a_nul_character_and_invalid_utf8_in_a_multipart_form_get_a_swedish_error(visitor, contact_page):
    body = b'--grans\r\nContent-Disposition: form-data; name="namn"\r\n\r\n\x00\xff\xfe\r\n--gr'

    response = visitor.post("/kontakt/", body, content_type="multipart/form-data; boundary=grans")

    assert response.status_code == 200
    error = '<p class="form-field__error" id="id_namn_fel">Null-tecken är inte tillåtna.</p>'
    assert error in response.content.decode()
    assert not FormSubmission.objects.exists()


# Editors


def test_communicator_reads_contact_form_submissions(client, contact_page):
    client.force_login(CommunicatorFactory())
    contact_page.get_submission_class().objects.create(page=contact_page, form_data={"namn": "Kim Andersson"})

    response = client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    export = client.get(f"/admin/forms/submissions/{contact_page.pk}/", {"export": "csv"})

    assert response.status_code == 200
    assert "Kim Andersson" in response.content.decode()
    assert export.status_code == 200
    assert "Kim Andersson" in b"".join(export.streaming_content).decode()


def test_exported_contact_messages_never_start_a_formula(client, contact_page):
    client.force_login(CommunicatorFactory())
    contact_page.get_submission_class().objects.create(
        page=contact_page, form_data={"namn": '=HYPERLINK("https://example.com","Klicka")'}
    )

    export = client.get(f"/admin/forms/submissions/{contact_page.pk}/", {"export": "csv"})

    assert "'=HYPERLINK(" in b"".join(export.streaming_content).decode()
