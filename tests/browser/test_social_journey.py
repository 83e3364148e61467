"""Two members from different sectors notice each other, in a real browser and through a real SMTP
server: Karin (kommunen) starts a topic in a forum Erik follows; Erik quotes it and mentions her,
choosing her from the composer's list by keyboard; Karin sees the count in the header, opens the
notice and lands on Erik's post, thanks him; Erik sees the thanks split by sector. Every e-mail
names people by display name only. Once Karin takes replies in the digest, Erik's next reply sends
her nothing."""

import email
import email.policy

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from forum.machina.links import topic_url
from forum.models import Sector
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory
from tests.quality.test_worker import Inbox, free_port

KARIN = {"username": "klund", "first_name": "Karin", "last_name": "Lundqvist", "email": "k.lundqvist@huddinge.se"}
ERIK = {"username": "esjo", "first_name": "Erik", "last_name": "Sjöberg", "email": "erik@sjodalens-cykel.se"}


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on loopback, and the live server's mail sent to it over SMTP."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    yield inbox
    controller.stop()


def received(inbox, person):
    """The messages the SMTP server accepted for the person, parsed."""
    return [
        email.message_from_bytes(envelope.content, policy=email.policy.default)
        for envelope in inbox.messages
        if envelope.rcpt_tos == [person["email"]]
    ]


def readable(message):
    """What a reader of the message sees: its subject and every text part, plain and HTML."""
    parts = [part.get_content() for part in message.walk() if part.get_content_maintype() == "text"]
    return "\n".join([str(message["Subject"]), str(message["From"]), *parts])


def assert_names_only_display_names(message):
    text = readable(message)
    for person in (KARIN, ERIK):
        for private in (person["username"], person["email"], f"{person['first_name']} {person['last_name']}"):
            assert private not in text, f"”{private}” i {message['Subject']}"
        assert person["last_name"] not in text


def test_two_members_quote_mention_notice_thank_and_choose_the_digest(open_page, site_url, public_forum, smtp_inbox):
    karin = MemberProfileFactory(
        user=ForumMemberFactory(**KARIN), display_name="Karin på kommunen", organisation__sector=Sector.KOMMUN
    ).user
    erik = MemberProfileFactory(
        user=ForumMemberFactory(**ERIK), display_name="Cykel-Erik", organisation__sector=Sector.NARINGSLIV
    ).user
    errors = []
    erik_page = open_page(erik)
    karin_page = open_page(karin)
    for page in (erik_page, karin_page):
        page.on("pageerror", lambda error: errors.append(str(error)))

    # Erik follows the whole forum; Karin starts a topic in it.
    erik_page.goto(site_url + "/forum/")
    erik_page.get_by_role("link", name="Företagsklimat", exact=True).click()
    erik_page.get_by_role("button", name="Bevaka forumet").click()
    expect(erik_page.get_by_role("button", name="Sluta bevaka forumet")).to_be_visible()

    karin_page.goto(site_url + "/forum/")
    karin_page.get_by_role("link", name="Företagsklimat", exact=True).click()
    karin_page.get_by_role("link", name="Nytt ämne").first.click()
    karin_page.get_by_label("Rubrik").fill("Praktikplatser i Flemingsberg")
    karin_page.get_by_label("Meddelande").fill("Vilka företag kan ta emot praktikanter i höst?")
    karin_page.get_by_role("button", name="Skicka").click()
    expect(karin_page.get_by_role("heading", level=1)).to_have_text("Praktikplatser i Flemingsberg")
    topic = public_forum.topics.get()

    [new_topic] = received(smtp_inbox, ERIK)
    assert new_topic["Subject"].strip() == "Nytt ämne: ”Praktikplatser i Flemingsberg”"
    assert "Karin på kommunen har startat ämnet ”Praktikplatser i Flemingsberg”" in readable(new_topic)

    # Erik quotes the first post and mentions Karin, choosing her from the list by keyboard.
    erik_page.goto(site_url + topic_url(topic))
    erik_page.get_by_role("link", name="Citera inlägget").click()
    composer = erik_page.get_by_label("Meddelande")
    composer.press("Control+End")
    composer.press_sequentially("Vi tar gärna emot två, @Kar")
    mention_list = erik_page.get_by_role("listbox", name="Medlemmar att nämna")
    expect(mention_list.get_by_role("option")).to_have_text(["Karin på kommunen"])
    composer.press("ArrowDown")
    composer.press("Enter")
    expect(composer).to_have_value(
        "> **[Karin på kommunen skrev:]"
        f"({topic_url(topic)}?post={topic.first_post_id}#{topic.first_post_id})**\n"
        "> Vilka företag kan ta emot praktikanter i höst?\n\n"
        "Vi tar gärna emot två, @Karin på kommunen "
    )
    composer.press_sequentially("– hör av dig!")
    erik_page.get_by_role("button", name="Skicka").click()
    eriks_post = topic.posts.order_by("pk").last()
    reply = erik_page.locator(f"article[id='{eriks_post.pk}']")
    expect(reply.locator("blockquote").get_by_role("link", name="Karin på kommunen skrev:")).to_be_visible()
    expect(reply.get_by_role("link", name="@Karin på kommunen")).to_be_visible()

    # Karin sees the count in the header, opens the notice and lands on Erik's post.
    karin_page.goto(site_url + "/")
    notices = karin_page.get_by_role("link", name="Notiser")
    expect(notices).to_have_text("Notiser 1 olästa")
    notices.click()
    karin_page.get_by_role("link", name="Cykel-Erik nämnde dig i ämnet ”Praktikplatser i Flemingsberg”.").click()
    assert karin_page.url.endswith(f"?post={eriks_post.pk}#{eriks_post.pk}")
    landed = karin_page.locator(f"article[id='{eriks_post.pk}']")
    expect(landed).to_be_in_viewport()
    expect(karin_page.get_by_role("link", name="Notiser")).to_have_text("Notiser")

    # She thanks him, and he sees it split by sector.
    landed.get_by_role("button", name="Tack").click()
    expect(landed.get_by_role("button", name="Tack")).to_have_attribute("aria-pressed", "true")
    erik_page.goto(site_url + topic_url(topic))
    expect(erik_page.locator(f"#reaktioner-{eriks_post.pk}")).to_contain_text("Tack 1 1 från kommunen")
    erik_page.get_by_role("link", name="Notiser").click()
    expect(erik_page.get_by_role("main")).to_contain_text(
        "Karin på kommunen reagerade på ditt inlägg i ämnet ”Praktikplatser i Flemingsberg” (Tack)."
    )

    # Both got e-mail through the SMTP server, naming people by display name only.
    # (One notice, and one e-mail, per post: the mention, not also the reply to her topic.)
    [mention] = received(smtp_inbox, KARIN)
    assert mention["Subject"].strip() == "Cykel-Erik nämnde dig i ”Praktikplatser i Flemingsberg”"
    assert "Hej Karin på kommunen" in readable(mention)
    for message in (mention, new_topic):
        assert_names_only_display_names(message)

    # Karin takes replies in the digest: Erik's next reply sends her nothing now.
    karin_page.get_by_role("link", name="Mitt konto").click()
    karin_page.get_by_role("link", name="Notiser, e-post och bevakningar").click()
    karin_page.get_by_role("group", name="E-post om svar och nya ämnen").get_by_label("I sammanfattningen").check()
    karin_page.get_by_role("button", name="Spara").click()
    expect(karin_page.get_by_role("status")).to_contain_text("Dina inställningar för notiser är sparade.")
    sent = len(smtp_inbox.messages)

    erik_page.goto(site_url + topic_url(topic))
    erik_page.get_by_role("link", name="Svara").first.click()
    erik_page.get_by_label("Meddelande").fill("Vi kan också ta en i vår.")
    erik_page.get_by_role("button", name="Skicka").click()
    expect(erik_page.get_by_text("Vi kan också ta en i vår.")).to_be_visible()

    assert smtp_inbox.messages[sent:] == []
    karin_page.goto(site_url + "/konto/notiser/")
    expect(karin_page.get_by_role("link", name="Cykel-Erik har skrivit ett nytt inlägg i ämnet")).to_be_visible()
    assert errors == []
