from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from home.models import EventPage
from tests.home.factories import EventPageFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def parse(response):
    return Calendar.from_ical(response.content)


def test_event_downloads_as_an_ics_file_named_after_its_slug(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        title="Seminarium om hållbarhet",
        slug="hallbarhet",
        place="Campus Flemingsberg",
        organiser="Arena Huddinge",
        summary="Hur når Huddinge klimatmålen?",
    )

    response = client.get("/aktiviteter/hallbarhet/ical/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="hallbarhet.ics"'
    calendar = parse(response)
    [vevent] = calendar.events
    assert vevent["SUMMARY"] == "Seminarium om hållbarhet"
    assert vevent["LOCATION"] == "Campus Flemingsberg"
    assert vevent["URL"] == "http://testserver/aktiviteter/hallbarhet/"
    assert "Hur når Huddinge klimatmålen?" in vevent["DESCRIPTION"]
    assert "Arrangör: Arena Huddinge" in vevent["DESCRIPTION"]
    assert vevent["STATUS"] == "CONFIRMED"
    assert vevent["UID"] == f"{event.translation_key}@arenahuddinge.se"


@pytest.mark.parametrize(
    ("start", "utc_offset"),
    [
        (datetime(2027, 6, 15, 8, 0, tzinfo=STOCKHOLM), timedelta(hours=2)),
        (datetime(2027, 1, 19, 8, 0, tzinfo=STOCKHOLM), timedelta(hours=1)),
    ],
    ids=["summer-CEST", "winter-CET"],
)
def test_times_are_local_stockholm_times_with_their_time_zone(client, event_index, start, utc_offset):
    EventPageFactory(parent=event_index, slug="frukost", start=start, end=start + timedelta(minutes=90))

    response = client.get("/aktiviteter/frukost/ical/")

    text = response.content.decode()
    day = start.strftime("%Y%m%d")
    assert f"DTSTART;TZID=Europe/Stockholm:{day}T080000" in text
    assert f"DTEND;TZID=Europe/Stockholm:{day}T093000" in text
    calendar = parse(response)
    [timezone_component] = calendar.timezones
    assert timezone_component["TZID"] == "Europe/Stockholm"
    vevent = calendar.events[0]
    assert vevent.start.utcoffset() == utc_offset
    assert vevent.start == start
    assert vevent.end == start + timedelta(minutes=90)


def test_the_uid_stays_the_same_when_the_event_changes(client, event_index):
    event = EventPageFactory(parent=event_index, slug="dialogmote")
    first_uid = parse(client.get("/aktiviteter/dialogmote/ical/")).events[0]["UID"]

    event.title = "Dialogmöte om samhällsbyggnad (ny tid)"
    event.start += timedelta(days=7)
    event.end += timedelta(days=7)
    event.save_revision().publish()

    assert parse(client.get("/aktiviteter/dialogmote/ical/")).events[0]["UID"] == first_uid


def test_a_cancelled_event_is_cancelled_in_the_calendar(client, event_index):
    EventPageFactory(parent=event_index, slug="installt", status=EventPage.Status.CANCELLED)

    vevent = parse(client.get("/aktiviteter/installt/ical/")).events[0]

    assert vevent["STATUS"] == "CANCELLED"


def test_the_feed_lists_upcoming_events_only(client, event_index):
    now = timezone.now()
    EventPageFactory(parent=event_index, title="Medlemsmöte", start=now + timedelta(days=30))
    EventPageFactory(parent=event_index, title="Studiebesök", start=now + timedelta(days=14))
    EventPageFactory(
        parent=event_index, title="Inställt möte", start=now + timedelta(days=20), status=EventPage.Status.CANCELLED
    )
    EventPageFactory(parent=event_index, title="Förra årets årsmöte", start=now - timedelta(days=300))
    EventPageFactory(parent=event_index, title="Opublicerat", start=now + timedelta(days=5), live=False)

    response = client.get("/aktiviteter/kalender.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = parse(response)
    assert calendar["X-WR-CALNAME"] == "Aktiviteter – Arena Huddinge"
    assert [(vevent["SUMMARY"], vevent["STATUS"]) for vevent in calendar.events] == [
        ("Studiebesök", "CONFIRMED"),
        ("Inställt möte", "CANCELLED"),
        ("Medlemsmöte", "CONFIRMED"),
    ]


def test_an_empty_feed_is_still_a_valid_calendar(client, event_index):
    response = client.get("/aktiviteter/kalender.ics")

    assert response.status_code == 200
    text = response.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Arena Huddinge//Aktiviteter//SV"
    assert calendar.events == []
    assert [tz["TZID"] for tz in calendar.timezones] == ["Europe/Stockholm"]


def test_the_event_page_links_to_its_ics_file(client, event_index):
    EventPageFactory(parent=event_index, slug="arsmote")

    html = client.get("/aktiviteter/arsmote/").content.decode()

    assert '<a href="/aktiviteter/arsmote/ical/">Lägg till i din kalender</a>' in html
