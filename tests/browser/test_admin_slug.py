"""The page editor's slug, filled in from the title while it is typed, spells å, ä, ö as a, a, o."""

from tests.home.factories import CommunicatorFactory


def test_the_slug_follows_the_title_in_ascii(page, site_url, log_in, home_page):
    log_in(CommunicatorFactory())

    page.goto(f"{site_url}/admin/pages/add/home/standardpage/{home_page.pk}/")
    page.locator("#id_title").press_sequentially("Företagsklimat för små åkerier")
    page.locator("#id_title").press("Tab")

    page.wait_for_function("document.querySelector('#id_slug').value !== ''")
    assert page.input_value("#id_slug") == "foretagsklimat-for-sma-akerier"
