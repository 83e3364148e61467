"""iCalendar (.ics) files for events: one event to download, or a feed to subscribe to."""

from zoneinfo import ZoneInfo

from django.utils import timezone
from icalendar import Calendar, Event, Timezone

TZID = "Europe/Stockholm"
STOCKHOLM = ZoneInfo(TZID)


def build_calendar(events, request, name=None):
    """An iCalendar file (bytes) with the given event pages, times in Stockholm time.

    The Stockholm VTIMEZONE is always included, so a feed without events is still a calendar
    with a component, as RFC 5545 asks for.
    """
    calendar = Calendar()
    calendar.add("prodid", "-//Arena Huddinge//Aktiviteter//SV")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", TZID)
    calendar.add_component(Timezone.from_tzid(TZID))
    for event in events:
        calendar.add_component(build_event(event, request))
    return calendar.to_ical()


def build_event(event, request):
    """A VEVENT for an event page. Its UID is the page's translation key, which never changes."""
    url = event.get_full_url(request)
    description = "\n\n".join(
        part for part in [event.summary, f"Arrangör: {event.organiser}", f"Mer information och anmälan: {url}"] if part
    )
    vevent = Event()
    vevent.add("uid", f"{event.translation_key}@arenahuddinge.se")
    vevent.add("dtstamp", timezone.now())
    vevent.add("dtstart", event.start.astimezone(STOCKHOLM))
    vevent.add("dtend", event.end.astimezone(STOCKHOLM))
    vevent.add("summary", event.title)
    vevent.add("location", event.place)
    vevent.add("description", description)
    vevent.add("url", url)
    vevent.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at)
    return vevent
