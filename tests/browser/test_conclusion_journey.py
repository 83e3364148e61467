"""From dialogue to plan in a real browser: a moderator concludes a conversation; the next visitor
sees the conclusion on the topic, on /slutsatser/ and in its feed (the cached pages are renewed),
the participants hear of it, and once a plan's goal cites it both link to each other."""

from playwright.sync_api import expect

from tests.browser.test_member_journey import logged_in_page
from tests.forum.factories import ForumModeratorFactory, MemberProfileFactory, PostFactory
from tests.home.factories import ActivityPlanIndexPageFactory, ActivityPlanPageFactory, ConclusionIndexPageFactory


def test_a_moderator_concludes_and_the_conclusion_reaches_the_plan(
    page, browser, site_url, home_page, public_forum, mailoutbox
):
    conclusions = ConclusionIndexPageFactory(parent=home_page)
    starter = MemberProfileFactory(organisation__sector="kommun", user__email="anna@example.se").user
    topic = PostFactory(
        topic__forum=public_forum, topic__poster=starter, topic__subject="Praktik i äldreomsorgen"
    ).topic
    replier = MemberProfileFactory(organisation__sector="naringsliv", user__email="bo@example.se").user
    PostFactory(topic=topic, poster=replier, content="Vi kan ta emot två praktikanter i höst.")
    plan = ActivityPlanPageFactory(parent=ActivityPlanIndexPageFactory(parent=home_page), year=2027)

    # A visitor looks first: nothing concluded yet (and the pages are now in the page cache).
    page.goto(site_url + conclusions.url)
    expect(page.get_by_text("Inga samtal har avslutats med en slutsats ännu.")).to_be_visible()
    page.goto(site_url + "/forum/")
    page.get_by_role("link", name="Företagsklimat", exact=True).click()
    page.get_by_role("link", name="Praktik i äldreomsorgen", exact=True).click()
    topic_path = page.url.removeprefix(site_url)
    expect(page.get_by_role("link", name="Avsluta med en slutsats")).to_have_count(0)

    moderator = logged_in_page(browser, site_url, ForumModeratorFactory())
    moderator.goto(site_url + topic_path)
    moderator.get_by_role("link", name="Avsluta med en slutsats").click()
    moderator.get_by_role("button", name="Avsluta med slutsatsen").click()
    expect(moderator.get_by_role("alert")).to_contain_text("Skriv slutsatsen.")
    moderator.get_by_label("Slutsats", exact=False).first.fill(
        "Kommunen och företagen erbjuder **praktik** tillsammans."
    )
    moderator.get_by_label("Går vidare till verksamhetsplanen").check()
    moderator.get_by_label("Verksamhetsplanens år").fill("2027")
    moderator.get_by_role("button", name="Avsluta med slutsatsen").click()
    expect(moderator.get_by_text("Samtalet har fått sin slutsats.")).to_be_visible()
    expect(moderator.get_by_role("link", name="Ändra slutsatsen")).to_be_visible()

    # The next anonymous visitor (a browser of their own: the first one may keep its copies for a
    # while, as Cache-Control allows) sees it everywhere: the site's cached pages were renewed.
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(site_url + topic_path)
    conclusion = page.locator(".conclusion")
    expect(conclusion.get_by_role("heading", name="Slutsats")).to_be_visible()
    expect(conclusion.locator(".conclusion__text strong")).to_have_text("praktik")
    expect(conclusion).to_contain_text("Går vidare till verksamhetsplanen 2027")
    expect(page.get_by_role("link", name="Svara")).to_have_count(0)  # locked
    page.goto(site_url + conclusions.url)
    expect(page.get_by_role("link", name="Praktik i äldreomsorgen")).to_be_visible()
    feed = page.request.get(site_url + conclusions.url + "feed/").text()
    assert "<title>Praktik i äldreomsorgen</title>" in feed
    told = sorted(message.to[0] for message in mailoutbox if message.subject.startswith("Slutsats"))
    assert told == ["anna@example.se", "bo@example.se"]

    # A communicator cites it under a goal of the plan; plan and conclusion link to each other.
    plan.focus_areas = [
        (
            "goal",
            {"title": "Fler praktikplatser", "description": "", "status": "pagar", "conclusions": [topic.conclusion]},
        )
    ]
    plan.save_revision().publish()
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(site_url + plan.url)
    page.locator(".goal__conclusions").get_by_role("link", name="Praktik i äldreomsorgen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praktik i äldreomsorgen")
    page.get_by_role("link", name="Fler praktikplatser (Verksamhetsplan 2027)").click()
    expect(page.get_by_role("heading", name="Fler praktikplatser")).to_be_visible()
