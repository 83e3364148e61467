"""The forum's forms in a real browser: arena/static/js/forum.js starts machina's widgets."""

from playwright.sync_api import expect

from tests.forum.factories import ForumMemberFactory, PostFactory
from tests.forum.helpers import post_create_url, topic_create_url


def test_member_adds_a_third_poll_option_and_another_file_on_the_new_topic_form(page, site_url, log_in, public_forum):
    log_in(ForumMemberFactory())
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(site_url + topic_create_url(public_forum))
    expect(page.get_by_label("Svarsalternativ", exact=True)).to_have_count(2)
    page.get_by_text("Lägg till en omröstning").click()
    page.get_by_text("Bifoga filer").click()
    page.get_by_role("button", name="Lägg till ett svarsalternativ").click()
    page.get_by_role("button", name="Lägg till ytterligare en fil").click()

    options = page.get_by_label("Svarsalternativ", exact=True)
    expect(options).to_have_count(3)
    expect(options.nth(2)).to_have_attribute("name", "poll-2-text")
    expect(page.locator("#id_poll-TOTAL_FORMS")).to_have_value("3")
    files = page.get_by_label("Fil", exact=True)
    expect(files).to_have_count(2)
    # The copy's hint (the size and type limits) is its own, not the first file's.
    expect(files.nth(1)).to_have_attribute("aria-describedby", "id_attachment-1-file_helptext")
    expect(page.locator("#id_attachment-1-file_helptext")).to_have_count(1)
    assert errors == []


def test_reply_form_has_no_poll_and_its_file_button_works(page, site_url, log_in, public_forum):
    topic = PostFactory(topic__forum=public_forum).topic
    log_in(ForumMemberFactory())

    page.goto(site_url + post_create_url(topic))
    page.get_by_text("Bifoga filer").click()
    page.get_by_role("button", name="Lägg till ytterligare en fil").click()

    expect(page.get_by_role("button", name="Lägg till ett svarsalternativ")).to_have_count(0)
    expect(page.get_by_label("Fil", exact=True)).to_have_count(2)
