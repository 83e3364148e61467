"""From dialogue to plan in a real browser: a moderator concludes a conversation; the next visitor
sees the conclusion on the topic, on /slutsatser/ and in its feed (the cached pages are renewed),
the participants hear of it, and once a plan's goal cites it both link to each other."""

from playwright.sync_api import expect

from forum.models import Conclusion
from tests.forum.factories import ForumMemberFactory, ForumModeratorFactory, MemberProfileFactory, PostFactory
from tests.home.factories import (
    ActivityPlanIndexPageFactory,
    ActivityPlanPageFactory,
    CommunicatorFactory,
    ConclusionIndexPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)


def test_a_moderator_concludes_and_the_conclusion_reaches_the_plan(
    page, open_page, site_url, home_page, public_forum, mailoutbox
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

    moderator = open_page(ForumModeratorFactory())
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
    page = open_page()
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
    page = open_page()
    page.goto(site_url + plan.url)
    page.locator(".goal__conclusions").get_by_role("link", name="Praktik i äldreomsorgen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Praktik i äldreomsorgen")
    page.get_by_role("link", name="Fler praktikplatser (Verksamhetsplan 2027)").click()
    expect(page.get_by_role("heading", name="Fler praktikplatser")).to_be_visible()


def test_the_dialogue_loop_from_a_news_item_to_the_plan(open_page, site_url, home_page, public_forum, mailoutbox):
    conclusions = ConclusionIndexPageFactory(parent=home_page)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page), title="Nya bostäder i Flemingsberg")
    plan = ActivityPlanPageFactory(parent=ActivityPlanIndexPageFactory(parent=home_page), year=2027)
    member = MemberProfileFactory(user=ForumMemberFactory(), organisation__sector="naringsliv").user

    # A communicator asks for a conversation about the news item in the admin and publishes it.
    editor = open_page(CommunicatorFactory())
    editor.goto(f"{site_url}/admin/pages/{news.pk}/edit/")
    editor.get_by_label("Eller starta ett nytt samtal i forumet").select_option(label=public_forum.name)
    editor.get_by_role("button", name="Fler åtgärder").click()
    editor.get_by_role("button", name="Publicera").click()
    expect(editor.get_by_text("publicerad", exact=False).first).to_be_visible()

    # A visitor sees the panel; a member replies from it.
    visitor = open_page()
    visitor.goto(site_url + news.url)
    panel = visitor.locator(".discussion-panel")
    expect(panel).to_contain_text("1 inlägg.")
    member_page = open_page(member)
    member_page.goto(site_url + news.url)
    member_page.locator(".discussion-panel").get_by_role("link", name="Delta i samtalet").click()
    member_page.get_by_label("Meddelande").fill("Vi vill gärna ha lokaler i bottenvåningen.")
    member_page.get_by_role("button", name="Skicka").click()
    expect(member_page.get_by_text("Vi vill gärna ha lokaler i bottenvåningen.")).to_be_visible()
    topic_path = member_page.url.split("?")[0].removeprefix(site_url)

    # The next anonymous visitor sees the new count.
    visitor = open_page()
    visitor.goto(site_url + news.url)
    expect(visitor.locator(".discussion-panel")).to_contain_text("2 inlägg.")

    # A moderator concludes; a goal of the plan cites the conclusion.
    moderator = open_page(ForumModeratorFactory())
    moderator.goto(site_url + topic_path)
    moderator.get_by_role("link", name="Avsluta med en slutsats").click()
    moderator.get_by_label("Slutsats", exact=False).first.fill("Bottenvåningarna planeras för småföretag.")
    moderator.get_by_role("button", name="Avsluta med slutsatsen").click()
    expect(moderator.get_by_text("Samtalet har fått sin slutsats.")).to_be_visible()
    topic = Conclusion.objects.get().topic
    plan.focus_areas = [
        ("goal", {"title": "Levande bottenvåningar", "status": "pagar", "conclusions": [topic.conclusion]})
    ]
    plan.save_revision().publish()

    visitor = open_page()
    visitor.goto(site_url + topic_path)
    expect(visitor.locator(".conclusion")).to_contain_text("Bottenvåningarna planeras för småföretag.")
    visitor.goto(site_url + conclusions.url)
    expect(visitor.get_by_role("link", name=topic.subject)).to_be_visible()
    assert (
        "Bottenvåningarna planeras för småföretag." in visitor.request.get(site_url + conclusions.url + "feed/").text()
    )
    visitor.goto(site_url + plan.url)
    expect(visitor.locator(".goal__conclusions").get_by_role("link", name=topic.subject)).to_be_visible()
