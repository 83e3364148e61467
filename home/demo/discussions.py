"""Demo content for "Diskutera": a news item and a coming event whose conversations the
association opened in the forum, with replies from both sectors, and a past event with its
documentation and the conversation it started.

Runs after the forum, events and news demos (seed_demo's order). Idempotent: a page that is
already linked to a conversation, or an event that already has documentation, is left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from machina.core.db.models import get_model

from forum.models import PageDiscussion
from forum.notifications.emails import notifications_muted
from home.models import EventPage, NewsPage

from . import forum as forum_demo

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

# (page class, slug, forum name, replies): the association opens the conversation on publishing.
CONVERSATIONS = [
    (
        NewsPage,
        "dialogmote-fler-bostader",
        "Samhällsbyggnad och bostäder",
        [
            (
                "karin.lindqvist@example.org",
                "Från kommunens sida tog vi med oss att byggföretagen vill se planprogrammen tidigare. "
                "Vi prövar att bjuda in till ett samråd redan när ett område börjar utredas.",
            ),
            (
                "leila.nouri@example.org",
                "Det vore ett stort steg. Ett tidigt samråd gör att vi kan räkna på projekten innan "
                "detaljplanen låser fast lösningarna.",
            ),
            (
                "omar.haddad@example.org",
                "Glöm inte oss som vill hyra i bottenvåningen – bjud gärna in några lokala "
                "verksamheter till samrådet också.",
            ),
        ],
    ),
    (
        EventPage,
        "frukostmote-kompetensforsorjning",
        "Kompetensförsörjning",
        [
            (
                "johan.berg@example.org",
                "Jag hoppas att vi hinner prata om praktikplatser för unga. Vi vill ta emot fler "
                "men behöver hjälp med handledningen.",
            ),
            (
                "eva.sjoberg@example.org",
                "Bra fråga att ta med! Arbetsmarknadsenheten har ett stöd för handledare som jag "
                "berättar om på frukosten.",
            ),
        ],
    ),
]

DOCUMENTED_EVENT = "frukostmote-foretagsklimatet"
DOCUMENTED_EVENT_TOPIC = "Snabbare besked om bygglov för mindre ändringar"
DOCUMENTATION = [
    ("heading", {"text": "Vad vi pratade om", "level": "h3"}),
    (
        "paragraph",
        "<p>Ett trettiotal deltagare från företag och kommun gick igenom den senaste mätningen av "
        "företagsklimatet. Bemötandet har blivit bättre, men handläggningstiderna för bygglov och "
        "tillstånd upplevs fortfarande som långa.</p>",
    ),
    ("heading", {"text": "Det här tar vi med oss", "level": "h3"}),
    (
        "paragraph",
        "<ul><li>Kommunens företagslots berättar om förhandsmöten i nästa nyhetsbrev.</li>"
        "<li>Samtalet om snabbare besked fortsätter i forumet.</li>"
        "<li>Vi följer upp frågan på ett frukostmöte i vår.</li></ul>",
    ),
]


def seed(command, home_page):
    """Opens the demo conversations about pages and documents the past event."""
    people = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=[person[0] for person in forum_demo.PEOPLE])
    }
    with notifications_muted():
        for page_class, slug, forum_name, replies in CONVERSATIONS:
            page = page_class.objects.filter(slug=slug).first()
            if page is None or PageDiscussion.objects.filter(page=page).exists():
                continue
            page.discussion_forum = Forum.objects.get(name=forum_name, type=Forum.FORUM_POST)
            page.save_revision().publish()
            topic = PageDiscussion.objects.get(page=page).topic
            opened = timezone.now() - datetime.timedelta(days=2)
            Post.objects.filter(pk=topic.first_post_id).update(created=opened, updated=opened)
            Topic.objects.filter(pk=topic.pk).update(created=opened)
            forum_demo.add_posts(topic, replies, people, opened + datetime.timedelta(hours=3))
            topic.refresh_from_db()
            topic.update_trackers()
            command.created.append(f"samtalet om ”{page.title}” med {len(replies)} svar")
    document_past_event(command)


def document_past_event(command):
    event = EventPage.objects.filter(slug=DOCUMENTED_EVENT).first()
    if event is None or event.documentation:
        return
    event.documentation = DOCUMENTATION
    event.discussion_topic = Topic.objects.filter(subject=DOCUMENTED_EVENT_TOPIC).first()
    event.save_revision().publish()
    command.created.append(f"dokumentationen från ”{event.title}”")
