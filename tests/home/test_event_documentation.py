"""After the meeting: an event's documentation is shown once it has taken place, and the archive
of past events says which have it."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from tests.home.factories import DocumentFactory, EventPageFactory

pytestmark = pytest.mark.usefixtures("media_root")

DOCUMENTATION = [
    ("paragraph", "<p>Ett fyrtiotal deltagare samtalade om lokaler i de nya kvarteren.</p>"),
]


def event_at(event_index, days_from_now, **kwargs):
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    kwargs.setdefault("documentation", DOCUMENTATION)
    event = EventPageFactory(parent=event_index, start=start, end=start + datetime.timedelta(hours=2), **kwargs)
    event.save_revision().publish()
    return event


def html_of(path):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_a_past_event_shows_its_documentation(event_index):
    document = DocumentFactory(title="Presentation från mötet")
    event = event_at(
        event_index, -3, slug="lokalmote", documentation=[*DOCUMENTATION, ("document", {"document": document})]
    )

    html = html_of(event.url)

    assert '<h2 id="dokumentation">Dokumentation</h2>' in html
    assert "Ett fyrtiotal deltagare samtalade" in html
    assert "Presentation från mötet" in html


def test_an_upcoming_event_keeps_its_documentation_until_it_has_taken_place(event_index):
    event = event_at(event_index, 3, slug="kommande")

    html = html_of(event.url)

    assert "Dokumentation" not in html
    assert "Ett fyrtiotal deltagare samtalade" not in html


def test_the_archive_shows_which_past_events_have_documentation(event_index):
    event_at(event_index, -3, slug="med-dokumentation", title="Lokalmötet")
    event_at(event_index, -5, slug="utan-dokumentation", title="Frukosten", documentation=[])

    html = html_of(event_index.url)

    assert html.count("Dokumentation finns") == 1
    assert 'href="/aktiviteter/med-dokumentation/#dokumentation">Dokumentation finns' in html
