"""Shared pages carry ``Cache-Control: public`` and ``Vary: Cookie`` (arena/page_cache.py): a real
browser must not show a member the copy it kept from before they logged in, nor the reverse."""

from playwright.sync_api import expect

from tests.forum.factories import ForumMemberFactory


def test_a_visitor_who_logs_in_and_out_never_gets_the_browsers_copy_for_the_other_state(
    page, site_url, log_in, public_forum
):
    account = page.get_by_role("navigation", name="Konto")
    page.goto(site_url + "/forum/")
    expect(account.get_by_role("link", name="Logga in")).to_be_visible()

    log_in(ForumMemberFactory())
    page.goto(site_url + "/forum/")

    expect(account.get_by_role("button", name="Logga ut")).to_be_visible()
    expect(page.get_by_role("link", name="Mina inlägg")).to_be_visible()

    account.get_by_role("button", name="Logga ut").click()
    expect(page).to_have_url(site_url + "/")
    page.goto(site_url + "/forum/")

    expect(account.get_by_role("link", name="Logga in")).to_be_visible()
    expect(page.get_by_role("link", name="Mina inlägg")).to_have_count(0)
