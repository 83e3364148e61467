"""A member's whole journey in a real browser: registering with the organisation's e-mail
address, confirming it from the e-mail, starting a topic, hearing about a reply by e-mail and
leaving the topic with the one-click link in that e-mail."""

import re

from playwright.sync_api import expect

from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, OrganisationFactory

LINK = re.compile(r"https?://\S+")


def link_in(message, path_part):
    """The link in the e-mail's text whose address holds path_part."""
    links = [link for link in LINK.findall(message.body) if path_part in link]
    assert len(links) == 1, message.body
    return links[0]


def reply(page, site_url, topic_url, text):
    page.goto(site_url + topic_url)
    page.get_by_role("link", name="Svara").first.click()
    page.get_by_label("Meddelande").fill(text)
    page.get_by_role("button", name="Skicka").click()
    expect(page.get_by_text(text)).to_be_visible()


def test_member_registers_confirms_starts_a_topic_hears_of_a_reply_and_unsubscribes(
    page, open_page, site_url, public_forum, mailoutbox
):
    OrganisationFactory(name="Huddinge kommun", sector="kommun", email_domains="huddinge.se", listed_in_directory=True)
    # E-mail names members by their profile's display name (without a profile: "Medlem").
    bo = MemberProfileFactory(user=ForumMemberFactory(first_name="Bo", last_name="Berg"), display_name="Bo Berg").user

    page.goto(site_url + "/konto/registrera/")
    page.get_by_label("Förnamn").fill("Sara")
    page.get_by_label("Efternamn").fill("Lind")
    page.get_by_label("E-postadress").fill("sara.lind@huddinge.se")
    page.get_by_label("Lösenord", exact=True).fill("mellanrum-i-sjodalen-2026")
    page.get_by_label("Upprepa lösenordet").fill("mellanrum-i-sjodalen-2026")
    page.get_by_label("Organisation").select_option(label="Huddinge kommun")
    page.get_by_label("Visningsnamn").fill("Sara Lind")
    # The forum sends e-mail only to those who ask for it (opt-in, unticked to begin with).
    reply_mail = page.get_by_label("Skicka e-post till mig när någon svarar i ett ämne jag bevakar eller nämner mig")
    expect(reply_mail).not_to_be_checked()
    reply_mail.check()
    page.get_by_role("button", name="Skapa konto").click()
    expect(page.get_by_text("Om adressen kan användas har vi skickat ett e-postmeddelande")).to_be_visible()

    assert [message.to for message in mailoutbox] == [["sara.lind@huddinge.se"]]
    assert mailoutbox[0].subject == "Bekräfta din e-postadress hos Arena Huddinge"
    page.goto(link_in(mailoutbox[0], "/konto/bekrafta/"))
    page.get_by_role("button", name="Bekräfta").click()
    expect(page.get_by_text("Din adress är bekräftad och du är nu medlem i forumet")).to_be_visible()
    # Nobody is logged in before the address is confirmed; now Sara logs in.
    page.get_by_label("E-postadress").fill("sara.lind@huddinge.se")
    page.get_by_label("Lösenord").fill("mellanrum-i-sjodalen-2026")
    page.get_by_role("button", name="Logga in").click()

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Forum").click()
    page.get_by_role("link", name="Företagsklimat", exact=True).click()
    page.get_by_role("link", name="Nytt ämne").first.click()
    page.get_by_label("Rubrik").fill("Sommarjobb för unga i Flemingsberg")
    page.get_by_label("Meddelande").fill("Vilka arbetsplatser kan ta emot feriearbetare i sommar?")
    page.get_by_role("button", name="Skicka").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sommarjobb för unga i Flemingsberg")
    topic_url = page.url.removeprefix(site_url)

    bo_page = open_page(bo)
    reply(bo_page, site_url, topic_url, "Vi på Sjödalens Cykelverkstad tar gärna emot två.")

    notification = mailoutbox[-1]
    assert notification.to == ["sara.lind@huddinge.se"]
    assert notification.subject == "Nytt inlägg i ”Sommarjobb för unga i Flemingsberg”"
    assert "Bo Berg har skrivit ett nytt inlägg i ämnet ”Sommarjobb för unga i Flemingsberg”" in notification.body
    assert "Avsluta prenumerationen med ett klick" in notification.body

    page.goto(link_in(notification, "/forum-avprenumerera/"))
    page.get_by_role("button", name="Avsluta prenumerationen").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Du prenumererar inte längre på ämnet ”Sommarjobb för unga i Flemingsberg”"
    )

    sent_before = len(mailoutbox)
    reply(bo_page, site_url, topic_url, "Och en till i augusti, om det behövs.")
    bo_page.context.close()

    assert [message.to for message in mailoutbox[sent_before:]] == []
