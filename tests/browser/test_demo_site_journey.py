"""The journey a visitor takes through the demo site that `make run` serves."""

from django.utils import timezone
from playwright.sync_api import expect


def test_visitor_reads_the_plan_news_and_events_searches_and_writes_to_us(page, demo_site_url):
    page.goto(demo_site_url + "/")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Vår verksamhet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vår verksamhet")

    # The start page leads to the newest plan: the demo has one for this year besides 2023's.
    year = timezone.localdate().year
    page.goto(demo_site_url + "/")
    page.get_by_role("link", name=f"Läs verksamhetsplan för {year}").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(str(year))
    # Browsers open a PDF in their own viewer; fetch what the link gives, as that viewer would.
    plan_link = page.get_by_role("link", name=f"Ladda ner verksamhetsplanen för {year}")
    pdf = page.request.get(demo_site_url + plan_link.get_attribute("href"))
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")

    page.goto(demo_site_url + "/nyheter/")
    page.get_by_role("main").get_by_role("link", name="Fullt hus på frukostmötet om en växande kommun").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fullt hus på frukostmötet om en växande kommun")

    page.goto(demo_site_url + "/aktiviteter/")
    page.get_by_role("main").get_by_role("link", name="Dialogmöte om samhällsbyggnad").first.click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Lägg till i din kalender").first.click()
    with open(download.value.path(), "rb") as ics:
        assert ics.read().startswith(b"BEGIN:VCALENDAR")

    page.get_by_role("searchbox", name="Sök på webbplatsen").fill("mellanrummen")
    page.get_by_role("searchbox", name="Sök på webbplatsen").press("Enter")
    expect(page.get_by_role("main").get_by_role("link", name="Vision")).to_be_visible()

    page.goto(demo_site_url + "/kontakt/")
    page.get_by_label("Namn").fill("Kim Andersson")
    page.get_by_label("E-post").fill("kim@example.se")
    page.get_by_label("Ämne").fill("Förslag på tema")
    page.get_by_label("Meddelande").fill("Ett frukostmöte om lokaler i de nya kvarteren vore bra.")
    page.get_by_role("button", name="Skicka meddelande").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tack")
