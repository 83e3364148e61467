import re
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import EventIndexPage, EventPage, EventRegistration, HomePage, StandardPage
from home.models.events import format_event_time
from tests.forum.factories import UserFactory
from tests.home.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventRegistrationFactory,
    HomePageFactory,
    StandardPageFactory,
)

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def days_from_now(days, hour=8):
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0) + timedelta(days=days)


def test_event_page_shows_when_where_and_who(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Frukostmöte om kompetensförsörjning",
        slug="frukostmote",
        start=datetime(2037, 5, 12, 8, 0, tzinfo=STOCKHOLM),
        end=datetime(2037, 5, 12, 9, 30, tzinfo=STOCKHOLM),
        place="Huddinge kommunhus",
        organiser="Arena Huddinge och Huddinge kommun",
        summary="Hur hittar Huddinges företag den kompetens de behöver?",
        description=[("paragraph", "<p>Vi bjuder på frukost och samtal.</p>")],
    )

    response = client.get("/aktiviteter/frukostmote/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Frukostmöte om kompetensförsörjning</h1>" in html
    assert "tisdag 12 maj 2037 kl. 08.00–09.30" in html
    assert "<dd>Huddinge kommunhus</dd>" in html
    assert "<dd>Arena Huddinge och Huddinge kommun</dd>" in html
    assert "Hur hittar Huddinges företag den kompetens de behöver?" in html
    assert "Vi bjuder på frukost och samtal." in html
    assert f'href="{event.url}ical/"' in html
    assert "Inställt" not in html


def test_times_are_shown_in_stockholm_time_whatever_zone_they_were_saved_in(client, event_index):
    EventPageFactory(
        parent=event_index,
        slug="vintermote",
        start=datetime(2027, 1, 19, 7, 0, tzinfo=ZoneInfo("UTC")),
        end=datetime(2027, 1, 19, 9, 0, tzinfo=ZoneInfo("UTC")),
    )

    html = client.get("/aktiviteter/vintermote/").content.decode()

    assert "tisdag 19 januari 2027 kl. 08.00–10.00" in html


def test_an_event_over_several_days_shows_both_dates():
    start = datetime(2027, 6, 15, 9, 0, tzinfo=STOCKHOLM)
    end = datetime(2027, 6, 16, 15, 0, tzinfo=STOCKHOLM)

    assert format_event_time(start, end) == "tisdag 15 juni 2027 kl. 09.00 – onsdag 16 juni 2027 kl. 15.00"


def test_capacity_shows_the_seats_left(client, event_index):
    event = EventPageFactory(parent=event_index, slug="studiebesok", capacity=12)
    EventRegistrationFactory.create_batch(3, event=event)

    html = client.get("/aktiviteter/studiebesok/").content.decode()

    assert "<dd>12, varav 9 lediga</dd>" in html


def test_a_past_event_shows_neither_seats_left_nor_a_calendar_link(client, event_index):
    event = EventPageFactory(
        parent=event_index, slug="studiebesok", capacity=12, start=days_from_now(-3), end=days_from_now(-3, hour=10)
    )
    EventRegistrationFactory.create_batch(3, event=event)

    html = client.get("/aktiviteter/studiebesok/").content.decode()

    assert "lediga" not in html
    assert "Lägg till i din kalender" not in html


def test_end_must_be_after_start(event_index):
    start = days_from_now(10)
    event = EventPage(title="Seminarium", slug="seminarium", start=start, end=start, place="Huddinge")

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict["end"] == ["Evenemanget måste sluta efter att det har börjat."]


def test_capacity_must_be_positive(event_index):
    start = days_from_now(10)
    event = EventPage(
        title="Seminarium", slug="seminarium", start=start, end=start + timedelta(hours=1), place="Huddinge", capacity=0
    )

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "capacity" in error.value.message_dict


def test_cancelled_event_says_so_at_the_top_and_takes_no_registrations(client, event_index):
    EventPageFactory(parent=event_index, slug="installt", status=EventPage.Status.CANCELLED)

    html = client.get("/aktiviteter/installt/").content.decode()

    assert "<p><strong>Inställt.</strong> Evenemanget blir inte av.</p>" in html
    assert html.index("Evenemanget blir inte av") < html.index("<h1>")
    assert "Evenemanget är inställt och tar inte emot anmälningar." in html
    assert "/anmalan/" not in html  # no registration form


def test_index_lists_upcoming_soonest_first_and_past_most_recent_first(client, event_index):
    EventPageFactory(parent=event_index, title="Om sextio dagar", start=days_from_now(60))
    EventPageFactory(parent=event_index, title="Om fjorton dagar", start=days_from_now(14))
    EventPageFactory(parent=event_index, title="För ett år sedan", start=days_from_now(-365))
    EventPageFactory(parent=event_index, title="Förra veckan", start=days_from_now(-7))
    EventPageFactory(parent=event_index, title="Utkast", start=days_from_now(20), live=False)

    html = client.get("/aktiviteter/").content.decode()

    upcoming, past = html.split('<h2 id="tidigare">')
    assert upcoming.index("Om fjorton dagar") < upcoming.index("Om sextio dagar")
    assert "Förra veckan" not in upcoming
    assert past.index("Förra veckan") < past.index("För ett år sedan")
    assert "Om fjorton dagar" not in past
    assert "Utkast" not in html


def test_an_event_that_is_going_on_is_still_upcoming(client, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index, title="Pågår just nu", start=now - timedelta(hours=1), end=now + timedelta(hours=1)
    )

    upcoming = client.get("/aktiviteter/").content.decode().split('<h2 id="tidigare">')[0]

    assert "Pågår just nu" in upcoming


def test_cancelled_events_are_marked_in_the_listing(client, event_index):
    EventPageFactory(parent=event_index, title="Dialogmöte", status=EventPage.Status.CANCELLED)

    html = client.get("/aktiviteter/").content.decode()

    assert re.search(r'<span class="badge badge--alert">Inställt</span> <a href="[^"]+">Dialogmöte</a>', html)


def test_index_without_events_says_so(client, event_index):
    html = client.get("/aktiviteter/").content.decode()

    assert "Just nu finns inga kommande aktiviteter inplanerade." in html
    assert "Här visas aktiviteter som redan har ägt rum. Än så länge finns inga." in html


def test_past_events_are_paginated(client, event_index):
    for days_ago in range(1, 13):
        EventPageFactory(parent=event_index, title=f"Möte {days_ago} dagar sedan", start=days_from_now(-days_ago))

    first_page = client.get("/aktiviteter/").content.decode()
    second_page = client.get("/aktiviteter/?sida=2").content.decode()

    assert "Möte 10 dagar sedan" in first_page
    assert "Möte 11 dagar sedan" not in first_page
    assert 'href="?sida=1#tidigare" aria-current="page" aria-label="Sida 1, aktuell sida">1</a>' in first_page
    assert 'href="?sida=2#tidigare" rel="next">Nästa sida</a>' in first_page
    assert "Möte 11 dagar sedan" in second_page
    assert "Möte 12 dagar sedan" in second_page
    assert "Möte 1 dagar sedan" not in second_page


def test_index_links_to_the_calendar_feed(client, event_index):
    html = client.get("/aktiviteter/").content.decode()

    assert '<a href="/aktiviteter/kalender.ics">' in html


def test_event_editor_links_to_the_registrations(client, event_index):
    event = EventPageFactory(parent=event_index, capacity=20)
    EventRegistrationFactory.create_batch(2, event=event)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    html = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()

    assert "2 personer har anmält sig." in html
    assert f'href="/admin/anmalningar/?event={event.pk}">Visa anmälningar</a>' in html


class TestEventPageTree(WagtailPageTestCase):
    def test_event_index_only_below_the_home_page(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        self.assertCanNotCreateAt(Page, EventIndexPage)
        self.assertCanNotCreateAt(StandardPage, EventIndexPage)
        self.assertCanNotCreateAt(EventIndexPage, EventIndexPage)

    def test_events_only_below_the_event_index(self):
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(StandardPage, EventPage)
        self.assertCanNotCreateAt(EventPage, EventPage)
        self.assertCanNotCreateAt(EventPage, StandardPage)

    def test_pages_and_their_routes_are_routable(self):
        home = HomePageFactory()
        Site.objects.filter(is_default_site=True).update(root_page=home)
        StandardPageFactory(parent=home, slug="om-oss")
        index = EventIndexPageFactory(parent=home)
        event = EventPageFactory(parent=index, slug="seminarium")

        self.assertPageIsRoutable(index)
        self.assertPageIsRoutable(index, "kalender.ics/")
        self.assertPageIsRoutable(event)
        self.assertPageIsRoutable(event, "ical/")
        self.assertPageIsRoutable(event, "anmalan/")
        self.assertPageIsRenderable(index)
        self.assertPageIsRenderable(event)


def test_demo_content_has_upcoming_and_past_events(client, db):
    call_command("seed_demo", stdout=StringIO())
    registrations = EventRegistration.objects.count()
    second_run = StringIO()
    call_command("seed_demo", stdout=second_run)

    html = client.get("/aktiviteter/").content.decode()
    upcoming, past = html.split('<h2 id="tidigare">')
    assert upcoming.count('<article class="card') == 4
    assert past.count('<article class="card') == 2
    assert EventPage.objects.filter(capacity__lte=15).exists()
    assert EventRegistration.objects.count() == registrations > 0
    assert "Demoinnehållet finns redan; inget ändrades." in second_run.getvalue()


def test_the_listing_needs_as_many_queries_for_many_events_as_for_few(
    client, event_index, django_assert_max_num_queries
):
    for days in range(-6, 6):
        EventPageFactory(parent=event_index, start=days_from_now(days * 7 or 1))

    with django_assert_max_num_queries(20):
        html = client.get("/aktiviteter/").content.decode()

    assert html.count('<article class="card') == 12


def test_the_editor_is_told_next_to_the_end_field_when_it_is_before_the_start(client, event_index):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    data = nested_form_data(
        {
            "title": "Seminarium om hållbarhet",
            "slug": "seminarium-hallbarhet",
            "start": "2027-06-15 10:00",
            "end": "2027-06-15 09:00",
            "place": "Huddinge kommunhus",
            "organiser": "Arena Huddinge",
            "description": streamfield([]),
            "documentation": streamfield([]),
            "capacity": "",
            "status": "planned",
        }
    )

    response = client.post(f"/admin/pages/add/home/eventpage/{event_index.pk}/", data)

    assert response.status_code == 200
    assert "Evenemanget måste sluta efter att det har börjat." in response.content.decode()
    assert not EventPage.objects.exists()
