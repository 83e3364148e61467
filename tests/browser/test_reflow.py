"""WCAG 2.1 1.4.10 Reflow: every page state of the accessibility audit, at 320, 375, 768 and 1280
CSS px, never scrolls sideways; and on a phone the menu opens and works by keyboard alone.

Each page is loaded once and the window resized to each width (the layout follows the media
queries at once), so that one browser and one live server go through about seventy pages quickly."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_keyboard import focus_is_visible, is_focused, tab_to
from tests.home.factories import ContactPageFactory, EventIndexPageFactory, NewsIndexPageFactory, StandardPageFactory

WIDTHS = (320, 375, 768, 1280)
PHONE = {"width": 375, "height": 667}

OVERFLOW = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  // The widest elements sticking out past the right edge, to say what to fix.
  const wide = [...document.querySelectorAll("body *")]
    .filter(element => element.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(-3)
    .map(element => element.outerHTML.slice(0, 100));
  return `${root.scrollWidth} px > ${root.clientWidth} px: ${wide.join(" | ")}`;
}"""


def overflows(page, name):
    """The widths at which the page shown scrolls sideways, with what sticks out."""
    found = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        if overflow := page.evaluate(OVERFLOW):
            found[f"{name} vid {width} px"] = overflow
    return found


def visit_all(page, site_url, urls):
    found = {}
    for name, path in urls.items():
        page.goto(site_url + path)
        found |= overflows(page, f"{name} ({path})")
    return found


def sent_back_with_errors(page, site_url, forms):
    found = {}
    for name, (path, button, emptied) in forms.items():
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(site_url + path)
        for field in emptied:
            page.locator(f"main [name='{field}']").fill("")
        page.get_by_role("main").get_by_role("button", name=button).click()
        page.get_by_role("alert").wait_for()
        found |= overflows(page, name)
    return found


def forum_forms_with_errors_and_previews(page, site_url, urls):
    """The forum's form states that the axe audit goes through (test_accessibility.py)."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + urls["nytt ämne"])
    page.get_by_role("button", name="Skicka").click()
    page.get_by_text("Det här fältet är obligatoriskt").first.wait_for()
    found = overflows(page, "nytt ämne med fel")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_label("Rubrik").fill("Mötestider")
    page.get_by_label("Meddelande").fill("Vilken tid passar?")
    page.get_by_label("Omröstningsfråga").fill("Förmiddag eller eftermiddag?")
    page.get_by_label("Svarsalternativ", exact=True).nth(0).fill("Förmiddag")
    page.get_by_label("Svarsalternativ", exact=True).nth(1).fill("Eftermiddag")
    page.get_by_role("button", name="Förhandsgranska").click()
    page.get_by_role("heading", name="Förhandsgranskning: Förmiddag eller eftermiddag?").wait_for()
    found |= overflows(page, "förhandsgranskat ämne med omröstning")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(site_url + urls["svar i ämnet"])
    page.get_by_label("Meddelande").fill("**Bra** idé! https://www.huddinge.se/" + "mellanrummen-" * 12)
    page.get_by_role("button", name="Förhandsgranska").click()
    page.locator(".forum-post--preview strong").wait_for()
    return found | overflows(page, "förhandsgranskat svar med lång adress")


def describe(found):
    return "\n".join(f"{name}: {what}" for name, what in found.items())


def test_no_audited_page_scrolls_sideways_at_any_width(
    site_url,
    audited_urls,
    forms_with_errors,
    member_audited_urls,
    member_forms_with_errors,
    audit_member,
    moderator_audited_urls,
    audit_moderator,
    log_in,
    page,
):
    found = visit_all(page, site_url, audited_urls)
    found |= sent_back_with_errors(page, site_url, forms_with_errors)

    log_in(audit_member)
    found |= visit_all(page, site_url, member_audited_urls)
    found |= sent_back_with_errors(page, site_url, member_forms_with_errors)
    found |= forum_forms_with_errors_and_previews(page, site_url, member_audited_urls)

    page.context.clear_cookies()
    log_in(audit_moderator)
    found |= visit_all(page, site_url, moderator_audited_urls)

    page.goto(site_url + moderator_audited_urls["modereringskö"])
    assert page.locator("h1").inner_text() == "Modereringskö", "moderatorn är inte inloggad"
    assert not found, describe(found)


def test_the_pattern_page_never_scrolls_sideways(page, site_url, developer_audited_urls):
    # Apart from the others: DEBUG is on for it, which would turn the 404 page into Django's own.
    found = visit_all(page, site_url, developer_audited_urls)

    assert page.locator("h1").inner_text() == "Komponenter"
    assert not found, describe(found)


@pytest.fixture
def menu_pages(home_page):
    """The demo site's menu, in its order."""
    StandardPageFactory(parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True)
    EventIndexPageFactory(parent=home_page, show_in_menus=True)
    NewsIndexPageFactory(parent=home_page, show_in_menus=True)
    ContactPageFactory(parent=home_page, show_in_menus=True)


@pytest.fixture(params=[True, False], ids=["med JavaScript", "utan JavaScript"])
def phone(request, open_page):
    return open_page(viewport=PHONE, java_script_enabled=request.param)


def test_on_a_phone_the_header_is_compact_and_the_menu_opens_and_works_by_keyboard(phone, site_url, menu_pages):
    page = phone
    page.goto(site_url + "/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    toggle = page.locator("summary", has_text="Meny")

    # A compact header: far less than half the first screen, and the menu folded away.
    assert page.locator("header").bounding_box()["height"] < PHONE["height"] / 6
    expect(menu).to_be_hidden()

    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("link")).to_have_text(["Vår verksamhet", "Aktiviteter", "Nyheter", "Forum", "Kontakt"])

    # Space closes it and opens it again, as for any button.
    page.keyboard.press("Space")
    expect(menu).to_be_hidden()
    page.keyboard.press("Space")
    expect(menu).to_be_visible()

    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Vår verksamhet")).to_be_focused()
    focus_is_visible(page)
    page.keyboard.press("Tab")
    news = menu.get_by_role("link", name="Aktiviteter")
    expect(news).to_be_focused()
    expect(news).to_be_in_viewport()
    assert is_focused(news)
    page.keyboard.press("Enter")

    expect(page).to_have_url(site_url + "/aktiviteter/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktiviteter")
    expect(menu).to_be_hidden()
