"""Journeys with the keyboard alone: Tab, Enter and typing, never the mouse. Every element the
keyboard reaches must show where the focus is. At a narrow width the main menu is folded behind
its "Meny" button (tests/browser/test_reflow.py has the phone's whole journey)."""

import pytest
from playwright.sync_api import expect

from forum.machina.links import topic_url
from tests.forum.factories import ForumMemberFactory, PostFactory
from tests.forum.helpers import topic_create_url
from tests.home.factories import ContactPageFactory, StandardPageFactory

MOST_TAB_STOPS = 80

# What the focused element looks like: the outline or the ring drawn with box-shadow.
FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    element: element.outerHTML.slice(0, 120),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    ring: style.boxShadow !== "none",
  };
}"""


def focus_is_visible(page):
    focus = page.evaluate(FOCUS_STYLE)
    assert focus["outline"] or focus["ring"], f"Fokus syns inte på {focus['element']}"


def is_focused(locator):
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator):
    """Presses Tab until locator has the focus, checking that the focus shows at every stop."""
    for _ in range(MOST_TAB_STOPS):
        page.keyboard.press("Tab")
        focus_is_visible(page)
        if is_focused(locator):
            return
    raise AssertionError(f"Tab når aldrig {locator}")


@pytest.fixture
def menu_page(home_page):
    return StandardPageFactory(
        parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True, introduction="Om oss."
    )


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_past_the_header(page, site_url, home_page):
    StandardPageFactory(
        parent=home_page,
        slug="om-oss",
        body=[("paragraph", '<p>Läs <a href="/kontakt/">hur du når oss</a>.</p>')],
    )
    page.goto(site_url + "/om-oss/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Hoppa till innehållet")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    focus_is_visible(page)

    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("main").get_by_role("link", name="hur du når oss")).to_be_focused()


@pytest.mark.parametrize("width", [1280, 320], ids=["bred skärm", "smal skärm"])
def test_keyboard_user_follows_a_menu_link(page, site_url, menu_page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/")

    link = page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Vår verksamhet")
    if width < 992:
        tab_to(page, page.locator("summary", has_text="Meny"))
        page.keyboard.press("Enter")
    tab_to(page, link)
    expect(link).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page).to_have_url(site_url + "/var-verksamhet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vår verksamhet")


@pytest.mark.parametrize("width", [1280, 320], ids=["bred skärm", "smal skärm"])
def test_every_tab_stop_on_the_home_page_shows_the_focus_and_is_on_screen(page, site_url, menu_page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + "/")
    last_link = page.get_by_role("contentinfo").get_by_role("link").last

    reached = 0
    while not is_focused(last_link):
        page.keyboard.press("Tab")
        focus_is_visible(page)
        expect(page.locator(":focus")).to_be_in_viewport()
        reached += 1
        assert reached < MOST_TAB_STOPS, "Tab når aldrig sidfotens sista länk"
    assert reached > 5


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


def type_into(page, label, text):
    field = page.get_by_label(label)
    field.wait_for()
    tab_to(page, field)
    page.keyboard.type(text)


def test_keyboard_user_sends_the_contact_form(page, site_url, contact_page, mailoutbox):
    page.goto(site_url + "/kontakt/")

    type_into(page, "Namn", "Kim Andersson")
    type_into(page, "E-post", "kim@foretaget.se")
    type_into(page, "Ämne", "Frukostmöte")
    type_into(page, "Meddelande", "Vi vill gärna vara med på nästa frukostmöte.")
    tab_to(page, page.get_by_role("button", name="Skicka meddelande"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Tack")
    assert mailoutbox[0].subject == "Nytt meddelande via webbplatsen"


@pytest.fixture(params=[True, False], ids=["med JavaScript", "utan JavaScript"])
def any_page(request, open_page):
    """A page with JavaScript on, and one with it off: the keyboard journeys need none."""
    return open_page(java_script_enabled=request.param)


def test_errors_of_the_empty_contact_form_are_announced_and_lead_to_their_fields(any_page, site_url, contact_page):
    page = any_page
    page.goto(site_url + "/kontakt/")
    tab_to(page, page.get_by_role("button", name="Skicka meddelande"))
    page.keyboard.press("Enter")

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    focus_is_visible(page)
    expect(summary.get_by_role("heading")).to_have_text("Formuläret innehåller fel")
    expect(summary.get_by_role("link")).to_have_text(
        [
            "Namn: Det här fältet är obligatoriskt",
            "E-post: Det här fältet är obligatoriskt",
            "Ämne: Det här fältet är obligatoriskt",
            "Meddelande: Det här fältet är obligatoriskt",
        ]
    )

    tab_to(page, summary.get_by_role("link", name="E-post"))
    page.keyboard.press("Enter")

    email = page.get_by_label("E-post")
    expect(email).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_accessible_description("Det här fältet är obligatoriskt")
    page.keyboard.type("kim@foretaget.se")
    expect(email).to_have_value("kim@foretaget.se")


def test_member_replies_in_a_topic_with_the_keyboard(page, site_url, log_in, public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Lokaler för föreningar").topic
    log_in(ForumMemberFactory(first_name="Bo", last_name="Berg"))
    page.goto(site_url + topic_url(topic))

    tab_to(page, page.get_by_role("main").get_by_role("link", name="Svara"))
    page.keyboard.press("Enter")
    type_into(page, "Meddelande", "Biblioteket i Flemingsberg har ett rum som går att boka.")
    tab_to(page, page.get_by_role("button", name="Skicka"))
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Lokaler för föreningar")
    expect(page.get_by_text("Biblioteket i Flemingsberg har ett rum som går att boka.")).to_be_visible()


def test_errors_of_an_empty_new_topic_lead_to_their_fields(page, site_url, log_in, public_forum):
    log_in(ForumMemberFactory())
    page.goto(site_url + topic_create_url(public_forum))
    tab_to(page, page.get_by_role("button", name="Skicka"))
    page.keyboard.press("Enter")

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        ["Rubrik: Det här fältet är obligatoriskt", "Meddelande: Det här fältet är obligatoriskt"]
    )
    tab_to(page, summary.get_by_role("link", name="Rubrik"))
    page.keyboard.press("Enter")

    expect(page.get_by_label("Rubrik")).to_be_focused()
