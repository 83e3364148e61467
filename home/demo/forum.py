"""Demo content for the dialogue forum: categories, forums, a few members and conversations.

Idempotent: forums are looked up by slug, people by username and topics by subject within their
forum, and only what is missing is created. Demo people have no usable password and addresses
under example.org, and creating their posts sends no e-mail. Each of them is a member of one of the
organisations home/demo/members.py seeds (run first), from both sectors, so that the posts show
their organisation and sector and most conversations have voices from both.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from machina.core.db.models import get_model

from forum.machina.slugs import forum_slug
from forum.membership.services import available_display_name
from forum.models import MemberProfile, Organisation
from forum.notifications.emails import notifications_muted
from forum.permissions import make_members_only, members_group

from . import members

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

CATEGORY = {
    "name": "Dialog mellan kommun och näringsliv",
    "description": "Samtal där kommunens och företagens perspektiv möts. Ställ frågor, dela erfarenheter, pröva idéer.",
}

FORUMS = [
    {
        "name": "Samhällsbyggnad och bostäder",
        "description": "Nya bostäder, stadsutveckling, kommunikationer – och hur företag och kommun planerar ihop.",
    },
    {
        "name": "Kompetensförsörjning",
        "description": "Rekrytering, praktik, utbildning och hur vi tillsammans hittar och behåller kompetens.",
    },
    {
        "name": "Företagsklimat",
        "description": "Service, tillstånd, upphandling och det vardagliga mötet mellan företag och kommun.",
    },
    {
        "name": "Hållbarhet",
        "description": "Klimat, energi, cirkulära affärer och social hållbarhet i en växande kommun.",
    },
    {
        "name": "Mellanrummet – fria idéer",
        "description": "Idéer som inte passar någon annanstans. Här får tankarna vara ofärdiga.",
    },
    {
        "name": "Medlemsrummet",
        "description": "Bara för medlemmar: planering av träffar, verksamhetsplanen och frågor till styrelsen.",
        "members_only": True,
    },
]

# (username, first name, last name, organisation, title)
PEOPLE = [
    ("karin.lindqvist@example.org", "Karin", "Lindqvist", "Huddinge kommun", "Planeringsarkitekt"),
    ("omar.haddad@example.org", "Omar", "Haddad", "Trångsunds Trädgård & Café AB", "Caféansvarig"),
    ("eva.sjoberg@example.org", "Eva", "Sjöberg", "Huddinge kommun", "Näringslivsutvecklare"),
    ("johan.berg@example.org", "Johan", "Berg", "Kvarnbergets Möten & Event AB", "Driftchef"),
    ("leila.nouri@example.org", "Leila", "Nouri", "Flemingsbergs Byggkonsult AB", "Hållbarhetsansvarig"),
]
# The organisations by name, found by their organisation numbers (which an editor does not change).
ORGANISATION_NUMBERS = {data["name"]: data["organisation_number"] for data in members.ORGANISATIONS}

# (forum name, subject, [(author username, text), ...]); the first post starts the topic.
TOPICS = [
    (
        "Samhällsbyggnad och bostäder",
        "Lokaler i bottenvåningarna i de nya kvarteren",
        [
            (
                "karin.lindqvist@example.org",
                "I flera av de nya kvarteren planerar vi för lokaler i bottenvåningarna. Vi vill gärna "
                "höra från er företagare redan nu: vad behöver en lokal ha för att ni ska vilja flytta "
                "in? Takhöjd, lastzon, skyltning, hyresnivå?",
            ),
            (
                "omar.haddad@example.org",
                "Tack för att ni frågar tidigt! För oss som driver café är **ventilation och fettavskiljare** "
                "avgörande. Är det inte förberett från början blir ombyggnaden för dyr för ett litet företag.",
            ),
            (
                "leila.nouri@example.org",
                "Jag håller med Omar. Och tänk på varutransporterna: en lastzon som delas av flera "
                "verksamheter fungerar bra om tiderna är tydliga.",
            ),
            (
                "karin.lindqvist@example.org",
                "Bra synpunkter, jag tar med dem till planeringsgruppen. Vi ordnar gärna en "
                "träff på plats när kvarteret närmar sig byggstart.",
            ),
        ],
    ),
    (
        "Kompetensförsörjning",
        "Sommarjobb för unga – hur samarbetar vi bättre?",
        [
            (
                "eva.sjoberg@example.org",
                "Varje vår letar både kommunen och många företag efter sommarjobb till unga i Huddinge. "
                "Kan vi samordna annonsering och introduktion så att fler får en första arbetslivserfarenhet?",
            ),
            (
                "johan.berg@example.org",
                "Vi tar emot fyra ungdomar varje sommar. Det som tar tid är introduktionen. En gemensam "
                "halvdag om arbetsmiljö och bemötande vore värdefull för oss.",
            ),
            (
                "omar.haddad@example.org",
                "Vi är med om det blir av! Ett förslag:\n\n- en gemensam ansökningssida\n"
                "- en introduktionsdag i maj\n- en uppföljning i augusti",
            ),
        ],
    ),
    (
        "Företagsklimat",
        "Snabbare besked om bygglov för mindre ändringar",
        [
            (
                "johan.berg@example.org",
                "Vi väntade sju veckor på besked om en ny skylt. Finns det något vi som sökande kan göra "
                "för att det ska gå fortare?",
            ),
            (
                "karin.lindqvist@example.org",
                "Det vanligaste skälet till förseningar är kompletteringar. Ett förhandsmöte kostar "
                "inget och brukar spara flera veckor. Boka det via kommunens företagslots.",
            ),
        ],
    ),
    (
        "Hållbarhet",
        "Gemensam laddinfrastruktur i företagsområdena",
        [
            (
                "leila.nouri@example.org",
                "Flera av oss i företagsområdet vill ställa om till elfordon men ingen vill bygga "
                "laddplatser ensam. Har någon erfarenhet av att dela laddinfrastruktur mellan företag?",
            ),
            (
                "eva.sjoberg@example.org",
                "Kommunen kartlägger just nu behoven i företagsområdena. Skriv gärna här hur många "
                "fordon ni har, så tar jag med det i underlaget.",
            ),
            (
                "johan.berg@example.org",
                "Vi har sex servicebilar och kan tänka oss att dela på en laddpark med grannarna.",
            ),
        ],
    ),
    (
        "Mellanrummet – fria idéer",
        "Ett öppet frukostmöte i en ny stadsdel varje månad?",
        [
            (
                "omar.haddad@example.org",
                "Tänk om vi flyttade frukostmötet runt till olika delar av Huddinge? Då ser vi "
                "mellanrummen med egna ögon och lär känna företagen där.",
            ),
            (
                "leila.nouri@example.org",
                "Fin idé! Vi kan gärna vara värd i Flemingsberg en morgon i höst.",
            ),
        ],
    ),
    (
        "Medlemsrummet",
        "Teman till nästa års verksamhetsplan",
        [
            (
                "eva.sjoberg@example.org",
                "Styrelsen börjar arbeta med nästa års verksamhetsplan. Vilka teman vill ni att vi "
                "prioriterar? Skriv gärna ett eller två förslag var.",
            ),
            ("johan.berg@example.org", "Kompetensförsörjning, med fokus på praktikplatser."),
            ("karin.lindqvist@example.org", "Samverkan kring de stora stadsutvecklingsprojekten."),
        ],
    ),
]


def seed(command, home_page):
    """Creates what is missing of the forum demo content; home_page is not needed here."""
    category = ensure_forum(command, CATEGORY, Forum.FORUM_CAT, parent=None)
    forums = {
        data["name"]: ensure_forum(
            command, data, Forum.FORUM_POST, parent=category, members_only=data.get("members_only")
        )
        for data in FORUMS
    }
    people = {person[0]: ensure_person(command, *person) for person in PEOPLE}
    with notifications_muted():
        for days_ago, (forum_name, subject, posts) in enumerate(reversed(TOPICS), start=1):
            ensure_topic(command, forums[forum_name], subject, posts, people, days_ago * 3)


def ensure_forum(command, data, forum_type, parent, members_only=False):
    forum = Forum.objects.filter(slug=forum_slug(data["name"]), parent=parent).first()
    if forum is None:
        forum = Forum.objects.create(name=data["name"], description=data["description"], type=forum_type, parent=parent)
        if members_only:
            make_members_only(forum)
        command.created.append(f"forumet {forum.name}")
    return forum


def ensure_person(command, username, first_name, last_name, organisation_name, title):
    User = get_user_model()
    person = User.objects.filter(username=username).first()
    if person is None:
        person = User(username=username, email=username, first_name=first_name, last_name=last_name)
        person.set_unusable_password()
        person.save()
        person.groups.add(members_group())
        command.created.append(f"demomedlemmen {first_name} {last_name}")
    if not MemberProfile.objects.filter(user=person).exists():
        organisation = Organisation.objects.get(organisation_number=ORGANISATION_NUMBERS[organisation_name])
        name = f"{first_name} {last_name}"
        MemberProfile.objects.create(
            user=person,
            organisation=organisation,
            title=title,
            display_name=available_display_name(name, organisation),
            is_approved=True,
        )
        command.created.append(f"medlemsprofilen för {name} ({organisation.name})")
    return person


def ensure_topic(command, forum, subject, posts, people, days_ago):
    if Topic.objects.filter(forum=forum, subject=subject).exists():
        return
    first_author = people[posts[0][0]]
    topic = Topic.objects.create(
        forum=forum, poster=first_author, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
    )
    start = timezone.now() - datetime.timedelta(days=days_ago)
    add_posts(topic, posts, people, start, first_is_head=True)
    Topic.objects.filter(pk=topic.pk).update(created=start)
    topic.refresh_from_db()
    topic.update_trackers()
    command.created.append(f"forumämnet ”{subject}” med {len(posts)} inlägg")


def add_posts(topic, posts, people, start, first_is_head=False):
    """Posts ``posts`` ((username, text) pairs) to the topic, five hours apart from ``start``, so
    that the conversation reads like one; the first starts the topic if ``first_is_head``."""
    for position, (username, text) in enumerate(posts):
        post = Post.objects.create(
            topic=topic,
            poster=people[username],
            subject=topic.subject if first_is_head and position == 0 else f"Re: {topic.subject}",
            content=text,
        )
        posted = start + datetime.timedelta(hours=position * 5)
        Post.objects.filter(pk=post.pk).update(created=posted, updated=posted)
