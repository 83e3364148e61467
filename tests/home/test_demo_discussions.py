"""The demo shows "Diskutera": conversations about a news item and an event with voices from both
sectors, and a past event with its documentation."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from machina.core.db.models import get_model

from forum.models import PageDiscussion
from home.models import EventPage, NewsPage

pytestmark = pytest.mark.usefixtures("media_root")

Topic = get_model("forum_conversation", "Topic")


def test_seed_demo_opens_conversations_about_pages_once(db):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    visitor = Client()

    news = NewsPage.objects.get(slug="dialogmote-fler-bostader")
    event = EventPage.objects.get(slug="frukostmote-kompetensforsorjning")
    for page in (news, event):
        (discussion,) = PageDiscussion.objects.filter(page=page)
        assert discussion.topic.poster.get_member_display_name() == "Arena Huddinge"
        assert Topic.objects.filter(subject=page.title).count() == 1
        html = visitor.get(page.url).content.decode()
        assert "Samtalet i forumet" in html
        assert "Röster: 1 från kommunen" in html

    past = EventPage.objects.get(slug="frukostmote-foretagsklimatet")
    html = visitor.get(past.url).content.decode()
    assert '<h2 id="dokumentation">Dokumentation</h2>' in html
    assert "Snabbare besked om bygglov" in html  # the conversation it links to
    assert "Dokumentation finns" in visitor.get(past.get_parent().url).content.decode()
