from playwright.sync_api import expect

from tests.home.factories import StandardPageFactory


def test_visitor_follows_the_menu_to_a_page(page, site_url, home_page):
    StandardPageFactory(
        parent=home_page, title="Vår verksamhet", slug="var-verksamhet", show_in_menus=True, introduction="Om oss."
    )

    page.goto(site_url + "/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    menu.get_by_role("link", name="Vår verksamhet").click()

    expect(page).to_have_url(site_url + "/var-verksamhet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vår verksamhet")
    expect(menu.get_by_role("link", name="Vår verksamhet")).to_have_attribute("aria-current", "page")
    breadcrumbs = page.get_by_role("navigation", name="Du är här").get_by_role("link")
    expect(breadcrumbs).to_have_text(["Startsida", "Vår verksamhet"])
    expect(breadcrumbs.last).to_have_attribute("aria-current", "page")
