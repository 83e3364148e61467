"""One page of every kind, for the independent checkers that read them all: the Nu HTML Checker
(tests/quality/test_html_validity.py), axe-core (tests/browser/test_accessibility.py), and the
forum's language, inline-script and cookie checks. The root conftest.py registers these fixtures
for the whole suite, so the lists are defined once."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from machina.core.db.models import get_model
from wagtail.images.tests.utils import get_test_image_file

from forum.machina.links import topic_url
from forum.machina.quoting import quote_markdown
from forum.models import Notice, NotificationSettings, Reaction
from forum.notifications.digest import unsubscribe_token as digest_token
from forum.notifications.links import unsubscribe_token
from home.demo.about import EASY_READ, ENGLISH, MEMBERSHIP_EXPLANATION
from home.demo.contact import COOKIE_PAGE, accessibility_page_data, privacy_page_data
from home.models import ContactPage, SiteSettings
from tests.forum.factories import (
    ConclusionFactory,
    ForumMemberFactory,
    ForumModeratorFactory,
    MemberProfileFactory,
    OrganisationFactory,
    PostFactory,
    TopicFactory,
)
from tests.forum.helpers import forum_url, post_create_url, post_update_url, topic_create_url
from tests.home.factories import (
    ActivityPlanIndexPageFactory,
    ActivityPlanPageFactory,
    ConclusionIndexPageFactory,
    ContactPageFactory,
    DocumentFactory,
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    MemberDirectoryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

TopicPoll = get_model("forum_polls", "TopicPoll")
TopicPollOption = get_model("forum_polls", "TopicPollOption")


@pytest.fixture
def audited_urls(home_page, public_forum, members_forum, media_root):
    """One page of every public kind, for the independent accessibility and HTML checkers.

    Extend this list whenever a new kind of public page lands.
    """
    # A photo narrower than the largest rendition the pages ask for: srcset lists each width once.
    photo = ImageFactory(file=get_test_image_file(size=(500, 300)))
    StandardPageFactory(
        parent=home_page,
        title="Vår verksamhet",
        slug="var-verksamhet",
        show_in_menus=True,
        body=[
            ("heading", {"text": "Olikheterna är vår styrka", "level": "h2"}),
            ("paragraph", "<p>Kommun och näringsliv möts på lika villkor.</p>"),
            (
                "image",
                {
                    "image": {"image": photo, "alt_text": "Medlemmar samtalar vid ett bord.", "decorative": False},
                    "caption": "Frukostmöte i Flemingsberg",
                },
            ),
            ("quote", {"text": "I mellanrummen hittar vi nya idéer.", "attribution": "En medlem"}),
        ],
    )
    ContactPageFactory(parent=home_page)
    MemberDirectoryPageFactory(parent=home_page)
    huddingehem = OrganisationFactory(
        name="Huddingehem AB",
        sector="kommun",
        website="https://www.huddingehem.se",
        logo=ImageFactory(),
        listed_in_directory=True,
    )
    cykelverkstad = OrganisationFactory(name="Sjödalens Cykelverkstad AB", listed_in_directory=True)
    # Authors from both sectors: their posts carry sector badges and the forum marks the topic.
    topic = PostFactory(
        topic__forum=public_forum,
        topic__poster=MemberProfileFactory(organisation=huddingehem).user,
        content="Hur når vi fler unga till sommarjobb?",
    ).topic
    reply = PostFactory(
        topic=topic,
        poster=MemberProfileFactory(organisation=cykelverkstad).user,
        subject=f"Re: {topic.subject}",
        content=quote_markdown(topic.first_post) + "Vi kan ta emot två i augusti, se https://example.se/sommarjobb.",
    )
    # The topic is concluded: its conclusion is shown on it, on /slutsatser/ and under the goal citing it.
    conclusion = ConclusionFactory(
        topic=topic, text="Vi samordnar **sommarjobben** med en gemensam ansökningssida.", follow_up="verksamhetsplan"
    )
    conclusion.follow_up_year = 2027
    conclusion.save()
    conclusions = ConclusionIndexPageFactory(parent=home_page)
    # Reactions as visitors see them: counts with the sector split, no buttons.
    Reaction.objects.create(post=reply, user=topic.poster, kind=Reaction.Kind.THANKS)
    news_index = NewsIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=news_index, title="Fullt hus på frukostmötet", image=photo)
    news.tags.add("företagsklimat")
    news.save()
    # "Diskutera": a news item with the panel of a public conversation (the topic above, which then
    # says which page it is about), one with a members-only conversation, a goal with one.
    discussed_news = NewsPageFactory(
        parent=news_index, title="Sommarjobb för unga", slug="sommarjobb", discussion_topic=topic
    )
    discussed_news.save_revision().publish()
    members_news = NewsPageFactory(
        parent=news_index, title="Styrelsen bjuder in", slug="styrelsen", discussion_forum=members_forum
    )
    members_news.save_revision().publish()
    events = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=events, title="Dialogmöte om samhällsbyggnad", slug="dialogmote", capacity=40)
    # After the meeting: a past event with its documentation and conversation (whole minutes, as
    # the admin stores them).
    a_month_ago = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=30)
    past_event = EventPageFactory(
        parent=events,
        title="Frukostmöte om företagsklimatet",
        slug="frukostmote",
        start=a_month_ago,
        end=a_month_ago + datetime.timedelta(hours=2),
        discussion_topic=topic,
        documentation=[
            ("heading", {"text": "Det här tar vi med oss", "level": "h3"}),
            ("paragraph", "<p>Förhandsmöten sparar veckor i bygglovet.</p>"),
            ("document", {"document": DocumentFactory(filename="presentation.pdf")}),
        ],
    )
    past_event.save_revision().publish()
    plans = ActivityPlanIndexPageFactory(parent=home_page)
    goal = {"title": "Fler dialogmöten", "description": "Fyra om året.", "status": "pagar"}
    plan = ActivityPlanPageFactory(
        parent=plans,
        plan_document=DocumentFactory(filename="verksamhetsplan-2023.pdf"),
        focus_areas=[("goal", {**goal, "discussion_topic": topic, "conclusions": [conclusion]})],
    )
    plan.save_revision().publish()
    # The start page's picture, an event with one, and the pages in English and in easy-to-read
    # Swedish, linked from the header and footer, with the demo content's own text.
    home_page.image = photo
    home_page.save()
    event.image = photo
    event.save()
    english = StandardPageFactory(parent=home_page, image=photo, **ENGLISH)
    easy_read = StandardPageFactory(parent=home_page, **EASY_READ)
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.english_page = english
    site_settings.easy_read_page = easy_read
    site_settings.membership_explanation = MEMBERSHIP_EXPLANATION
    site_settings.save()
    # The pages about the site, with the demo content's own text.
    privacy = StandardPageFactory(parent=home_page, **privacy_page_data())
    cookies = StandardPageFactory(parent=home_page, **COOKIE_PAGE)
    contact_page = ContactPage.objects.child_of(home_page).get()
    statement = StandardPageFactory(parent=home_page, **accessibility_page_data(contact_page))
    return {
        "startsida": "/",
        "standardsida": "/var-verksamhet/",
        "kontaktsida": "/kontakt/",
        "medlemsförteckning": "/medlemmar/?q=ab",
        "sökresultat": "/sok/?q=verksamhet",
        "sidan finns inte": "/finns-inte/",
        "forumöversikt": "/forum/",
        "forum": forum_url(public_forum),
        "ämne i forumet": topic_url(topic),
        "forumregler": reverse("forum_rules"),
        "anmäl inlägg": reverse("forum_report_post", args=[topic.first_post_id]),
        "sök bland foruminlägg": "/sok/?q=sommarjobb",
        "nyheter": news_index.url,
        "nyheter med tagg": news_index.url + "?tagg=foretagsklimat",
        "nyhet": news.url,
        "nyhet med samtal": discussed_news.url,
        "nyhet med medlemmarnas samtal": members_news.url,
        "aktiviteter": events.url,
        "aktivitet": event.url,
        "aktivitet med dokumentation": past_event.url,
        "verksamhetsplaner": plans.url,
        "verksamhetsplan": plan.url,
        "slutsatser": conclusions.url,
        "slutsatser filtrerade": conclusions.url + "?balans=naringsliv",
        "bli medlem": "/bli-medlem/",
        "logga in": "/konto/logga-in/",
        "skapa konto": "/konto/registrera/",
        "glömt lösenordet": "/konto/aterstall-losenord/",
        "integritet": privacy.url,
        "om kakor": cookies.url,
        "tillgänglighetsredogörelse": statement.url,
        "sida på engelska": english.url,
        "lättläst": easy_read.url,
        "ansökan mottagen": reverse("membership_application_received"),
        "ogiltig bekräftelselänk": reverse("accounts:confirm_email", args=["MQ", "ogiltig"]),
        "kontot raderat": reverse("accounts:deleted"),
    }


@pytest.fixture
def forms_with_errors(audited_urls):
    """Public forms sent empty and shown again with their errors, for the same checkers:
    {name: (path, submit button, fields to empty first)}."""
    return {
        "kontaktformulär med fel": ("/kontakt/", "Skicka meddelande", ()),
        "bli medlem med fel": ("/bli-medlem/", "Skicka ansökan", ()),
        "logga in med fel": ("/konto/logga-in/", "Logga in", ()),
        "skapa konto med fel": ("/konto/registrera/", "Skapa konto", ()),
        "glömt lösenordet med fel": ("/konto/aterstall-losenord/", "Skicka länk", ()),
    }


@pytest.fixture
def member_forms_with_errors(member_audited_urls):
    """`audit_member`'s account forms sent empty and shown again with their errors."""
    return {
        "profil med fel": (reverse("accounts:profile"), "Spara", ("display_name",)),
        "radera konto med fel": (reverse("accounts:delete"), "Radera mitt konto", ()),
        "byt lösenord med fel": (reverse("accounts:password_change"), "Byt lösenord", ()),
    }


@pytest.fixture
def audit_member(db):
    """The forum member the checkers are logged in as for `member_audited_urls`."""
    return ForumMemberFactory(username="maja", first_name="Maja", last_name="Medlem")


@pytest.fixture
def member_audited_urls(audit_member, home_page, public_forum):
    """One forum page of every kind a logged-in member sees, for the same independent checkers.

    The checkers log in as `audit_member` before they fetch these.
    """
    MemberProfileFactory(user=audit_member, display_name="Maja Medlem")
    NotificationSettings.objects.create(user=audit_member, digest_frequency=NotificationSettings.Frequency.WEEKLY)
    topic = TopicFactory(forum=public_forum, poster=audit_member, subject="Praktikplatser till hösten")
    PostFactory(topic=topic, poster=audit_member, content="Vilka företag kan ta emot praktikanter?")
    bo = MemberProfileFactory(display_name="Bo B", organisation__sector="kommun").user
    bos_reply = PostFactory(
        topic=topic,
        poster=bo,
        subject="Re: Praktikplatser till hösten",
        content=quote_markdown(topic.first_post) + "Vi kan ta emot två i augusti.",
    )
    own_reply = PostFactory(topic=topic, subject="Re: Praktikplatser till hösten", content="Tack, Bo!")
    for kind, text in ((Notice.Kind.MENTION, ""), (Notice.Kind.REACTION, "Tack"), (Notice.Kind.REPLY, "")):
        Notice.objects.create(recipient=audit_member, kind=kind, actor=bo, post=bos_reply, topic=topic, text=text)
    Notice.objects.create(
        recipient=audit_member,
        kind=Notice.Kind.MODERATION,
        topic=topic,
        text="Ditt inlägg har godkänts av en moderator och syns nu.",
        read_at=timezone.now(),
    )
    # Reactions as a member sees them: toggle buttons, one pressed (the member's own), with counts.
    Reaction.objects.create(post=bos_reply, user=audit_member, kind=Reaction.Kind.AGREE)
    Reaction.objects.create(post=bos_reply, user=own_reply.poster, kind=Reaction.Kind.GOOD_IDEA)
    poll = TopicPoll.objects.create(topic=topic, question="Vilken månad passar bäst?", max_options=1)
    for month in ("Juni", "Augusti"):
        TopicPollOption.objects.create(poll=poll, text=month)
    topic_kwargs = {
        "forum_slug": public_forum.slug,
        "forum_pk": public_forum.pk,
        "topic_slug": topic.slug,
        "topic_pk": topic.pk,
    }
    return {
        "startsida (medlem)": "/",
        "forumöversikt (medlem)": "/forum/",
        "forum (medlem)": forum_url(public_forum),
        "ämne i forumet (medlem)": topic_url(topic),
        "nytt ämne": topic_create_url(public_forum),
        "svar i ämnet": post_create_url(topic),
        "svar som citerar ett inlägg": f"{post_create_url(topic)}?quote={bos_reply.pk}",
        "redigera ämne": reverse(
            "forum_conversation:topic_update",
            kwargs={"forum_slug": public_forum.slug, "forum_pk": public_forum.pk, "slug": topic.slug, "pk": topic.pk},
        ),
        "redigera svar": post_update_url(own_reply),
        "radera inlägg": reverse("forum_conversation:post_delete", kwargs={**topic_kwargs, "pk": own_reply.pk}),
        "avsluta prenumeration": reverse("forum_member:topic_unsubscribe", args=[topic.pk]),
        "redigera forumprofil": reverse("forum_member:profile_update"),
        "markera forum som lästa": reverse("forum_tracking:mark_all_forums_read"),
        "markera ämnen som lästa": reverse("forum_tracking:mark_topics_read", args=[public_forum.pk]),
        "sök bland foruminlägg (medlem)": "/sok/?q=praktikanter",
        "medlemsprofil": reverse("forum_member:profile", args=[audit_member.pk]),
        "mina inlägg": reverse("forum_member:user_posts", args=[audit_member.pk]),
        "mina prenumerationer": reverse("forum_member:user_subscriptions"),
        "olästa ämnen": reverse("forum_tracking:unread_topics"),
        "mitt konto": reverse("accounts:overview"),
        "profil": reverse("accounts:profile"),
        "ladda ner mina uppgifter": reverse("accounts:personal_data"),
        "radera mitt konto": reverse("accounts:delete"),
        "byt lösenord": reverse("accounts:password_change"),
        "avsluta prenumeration via e-post": reverse("forum_unsubscribe", args=[unsubscribe_token(audit_member, topic)]),
        "notiser": reverse("notices:list"),
        "notiser och bevakningar": reverse("notices:settings"),
        "avsluta sammanfattningen via e-post": reverse("digest_unsubscribe", args=[digest_token(audit_member)]),
    }


@pytest.fixture
def audit_moderator(db):
    """The moderator the checkers are logged in as for `moderator_audited_urls`."""
    return ForumModeratorFactory(username="mona")


@pytest.fixture
def moderator_audited_urls(audit_moderator, home_page, public_forum):
    """The forum pages only a moderator sees, for the same independent checkers."""
    topic = PostFactory(topic__forum=public_forum, topic__subject="Fler cykelbanor", content="Vem bygger dem?").topic
    queued = PostFactory(topic=topic, subject="Re: Fler cykelbanor", content="Kommunen planerar.", approved=False)
    concluded = ConclusionFactory(topic=PostFactory(topic__forum=public_forum, topic__subject="Gångvägar").topic).topic
    topic_kwargs = {"slug": topic.slug, "pk": topic.pk}
    return {
        "ämne i forumet (moderator)": topic_url(topic),
        "modereringskö": reverse("forum_moderation:queue"),
        "inlägg i modereringskön": reverse("forum_moderation:queued_post", args=[queued.pk]),
        "godkänn inlägg": reverse("forum_moderation:approve_queued_post", args=[queued.pk]),
        "avslå inlägg": reverse("forum_moderation:disapprove_queued_post", args=[queued.pk]),
        "lås ämne": reverse("forum_moderation:topic_lock", kwargs=topic_kwargs),
        "radera ämne": reverse("forum_moderation:topic_delete", kwargs=topic_kwargs),
        "flytta ämne": reverse("forum_moderation:topic_move", kwargs=topic_kwargs),
        "ändra ämnestyp": reverse("forum_moderation:topic_update_to_sticky", kwargs=topic_kwargs),
        "avsluta med slutsats": reverse("forum_conclude_topic", args=[topic.pk]),
        "ta bort slutsats": reverse("forum_remove_conclusion", args=[concluded.pk]),
    }


@pytest.fixture
def developer_audited_urls(settings, home_page, media_root):
    """The pages only developers see, with DEBUG on for the test that asks for them (the pattern
    page answers 404 otherwise): every component in every state, for the same checkers."""
    settings.DEBUG = True
    # The pattern page shows the first image as a card's picture.
    ImageFactory(file=get_test_image_file(size=(500, 300)))
    return {"komponenter": reverse("patterns")}
