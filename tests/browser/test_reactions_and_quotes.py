"""Quoting and reacting in a real browser: the quote link fills the reply, and a reaction toggles
without reloading the page (arena/static/js/reactions.js), by keyboard too."""

from playwright.sync_api import expect

from forum.machina.links import topic_url
from forum.models import Sector
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory


def member(display_name, sector):
    user = ForumMemberFactory()
    MemberProfileFactory(user=user, display_name=display_name, organisation__sector=sector)
    return user


def test_a_member_quotes_a_post_and_thanks_another_without_a_reload(page, site_url, log_in, public_forum):
    nils = member("Nils N", Sector.KOMMUN)
    topic = PostFactory(topic__forum=public_forum, topic__poster=nils, content="Kan vi ses i Flemingsberg?").topic
    log_in(member("Åsa Å", Sector.NARINGSLIV))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(site_url + topic_url(topic))
    page.get_by_role("link", name="Citera inlägget").click()
    expect(page.get_by_label("Meddelande")).to_have_value(
        f"> **[Nils N skrev:]({topic_url(topic)}?post={topic.first_post_id}#{topic.first_post_id})**\n"
        "> Kan vi ses i Flemingsberg?\n\n"
    )
    page.get_by_label("Meddelande").press("Control+End")
    page.get_by_label("Meddelande").press_sequentially("Gärna, se https://example.se/karta.")
    page.get_by_role("button", name="Skicka").click()

    quote = page.locator("article blockquote").last
    expect(quote.get_by_role("link", name="Nils N skrev:")).to_be_visible()
    expect(page.get_by_role("link", name="https://example.se/karta")).to_have_attribute("rel", "nofollow ugc noopener")

    page.evaluate("window.notReloaded = true")
    thanks = page.locator(f"#reaktioner-{topic.first_post_id}").get_by_role("button", name="Tack")
    thanks.focus()
    page.keyboard.press("Enter")
    pressed = page.locator(f"#reaktioner-{topic.first_post_id}").get_by_role("button", name="Tack")
    expect(pressed).to_have_attribute("aria-pressed", "true")
    expect(pressed).to_be_focused()
    expect(page.locator(f"#reaktioner-{topic.first_post_id}")).to_contain_text("1 från näringslivet")
    assert page.evaluate("window.notReloaded") is True
    assert errors == []
