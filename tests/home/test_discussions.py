""" "Diskutera": a page opens a conversation in the forum, shows it in a panel, and the topic says
which page it is about."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from machina.core.db.models import get_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from forum.discussions.services import ASSOCIATION_USERNAME
from forum.machina.links import topic_url
from forum.models import PageDiscussion, Sector
from tests.forum.factories import (
    ForumMemberFactory,
    MemberProfileFactory,
    OrganisationFactory,
    PostFactory,
    TopicFactory,
    UserFactory,
)
from tests.forum.helpers import post_create_url
from tests.home.factories import (
    ActivityPlanIndexPageFactory,
    ActivityPlanPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

Topic = get_model("forum_conversation", "Topic")


@pytest.fixture
def news_index(home_page):
    return NewsIndexPageFactory(parent=home_page, title="Nyheter", slug="nyheter")


def member_of(sector, name):
    member = ForumMemberFactory()
    MemberProfileFactory(user=member, organisation=OrganisationFactory(sector=sector), display_name=name)
    return member


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def news_with_new_topic(news_index, forum, **kwargs):
    news = NewsPageFactory(
        parent=news_index,
        title="Nya lokaler i Flemingsberg",
        slug="nya-lokaler",
        summary="Kommunen planerar lokaler i bottenvåningarna.",
        discussion_forum=forum,
        **kwargs,
    )
    return publish(news)


def anonymous_html(path):
    response = Client().get(path)
    assert response.status_code == 200
    return response.content.decode()


def test_publishing_opens_one_topic_by_the_association(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    publish(news)
    publish(news)

    (topic,) = Topic.objects.filter(forum=public_forum)
    assert topic.subject == "Nya lokaler i Flemingsberg"
    assert topic.poster.username == ASSOCIATION_USERNAME
    assert topic.poster.get_member_display_name() == "Arena Huddinge"
    assert not topic.poster.has_usable_password() and not topic.poster.is_active
    opening = topic.first_post.content.rendered
    assert "Kommunen planerar lokaler i bottenvåningarna." in opening
    assert 'href="/nyheter/nya-lokaler/"' in opening
    assert PageDiscussion.objects.get(page=news).topic == topic


def test_a_draft_opens_no_topic(news_index, public_forum):
    news = NewsPageFactory(parent=news_index, slug="utkast", live=False, discussion_forum=public_forum)
    news.save_revision()

    assert not Topic.objects.filter(forum=public_forum).exists()


def test_an_editor_can_pick_an_existing_topic_and_remove_it(news_index, public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Bygglov").topic
    news = publish(NewsPageFactory(parent=news_index, slug="bygglov", discussion_topic=topic))
    assert PageDiscussion.objects.get(page=news).topic == topic

    news.discussion_topic = None
    publish(news)

    assert not PageDiscussion.objects.filter(page=news).exists()
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_the_panel_shows_posts_voices_and_the_latest_excerpts(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    PostFactory(topic=topic, poster=member_of(Sector.KOMMUN, "Karin Kommun"), content="Vi vill höra er tidigt.")
    PostFactory(topic=topic, poster=member_of(Sector.NARINGSLIV, "Omar Företag"), content="Ventilation är avgörande.")
    PostFactory(topic=topic, poster=member_of(Sector.NARINGSLIV, "Leila Bygg"), content="Lastzoner behövs också.")

    html = anonymous_html(news.url)

    assert "4 inlägg." in html
    assert "Röster: 1 från kommunen, 2 från näringslivet." in html
    assert "Lastzoner behövs också." in html and "Ventilation är avgörande." in html
    assert "Vi vill höra er tidigt." not in html  # only the latest two
    assert f'href="{topic_url(topic)}"' in html
    assert "Delta i samtalet" in html


def test_a_member_joins_by_replying(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    client = Client()
    client.force_login(ForumMemberFactory())

    html = client.get(news.url).content.decode()

    assert f'href="{post_create_url(topic)}"' in html


def test_the_next_anonymous_visitor_sees_a_new_post(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    assert "1 inlägg." in anonymous_html(news.url)

    PostFactory(topic=topic, poster=member_of(Sector.KOMMUN, "Eva Kommun"), content="Ett nytt svar.")

    html = anonymous_html(news.url)
    assert "2 inlägg." in html
    assert "Ett nytt svar." in html


def test_a_members_only_conversation_only_exists_for_visitors(news_index, members_forum):
    news = news_with_new_topic(news_index, members_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    PostFactory(topic=topic, poster=member_of(Sector.KOMMUN, "Hemlig Person"), content="Styrelsens interna förslag.")

    html = anonymous_html(news.url)

    assert "Medlemmarna samtalar om det här" in html
    assert "Logga in för att delta i samtalet" in html
    assert "Styrelsens interna förslag." not in html
    assert "Hemlig Person" not in html
    assert "inlägg." not in html and "Röster:" not in html


def test_members_see_the_members_only_conversation(news_index, members_forum):
    news = news_with_new_topic(news_index, members_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    PostFactory(topic=topic, poster=member_of(Sector.KOMMUN, "Hemlig Person"), content="Styrelsens interna förslag.")
    client = Client()
    client.force_login(ForumMemberFactory())

    html = client.get(news.url).content.decode()

    assert "Styrelsens interna förslag." in html
    assert "2 inlägg." in html


def test_a_hidden_topic_is_not_shown(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    Topic.objects.filter(pk=PageDiscussion.objects.get(page=news).topic_id).update(approved=False)

    assert "Samtalet i forumet" not in anonymous_html(news.url)


def test_the_topic_says_which_page_it_is_about(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    topic = PageDiscussion.objects.get(page=news).topic

    html = anonymous_html(topic_url(topic))

    assert 'Samtalet gäller: <a href="/nyheter/nya-lokaler/">Nya lokaler i Flemingsberg</a>' in html


def test_an_unpublished_page_leaves_the_topic_readable(news_index, public_forum):
    news = news_with_new_topic(news_index, public_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    anonymous_html(topic_url(topic))

    news.unpublish()

    html = anonymous_html(topic_url(topic))
    assert "Sidan samtalet gällde är inte längre publicerad." in html
    assert "Samtalet gäller:" not in html


def test_an_event_has_a_discussion_panel(event_index, public_forum):
    topic = PostFactory(topic__forum=public_forum, content="Vad vill ni prata om på frukosten?").topic
    start = timezone.now() + datetime.timedelta(days=10)
    end = start + datetime.timedelta(hours=2)
    event = publish(EventPageFactory(parent=event_index, slug="frukost", start=start, end=end, discussion_topic=topic))

    assert "Vad vill ni prata om på frukosten?" in anonymous_html(event.url)


def test_each_goal_of_a_plan_can_have_a_conversation(home_page, public_forum):
    plans = ActivityPlanIndexPageFactory(parent=home_page)
    topic = PostFactory(topic__forum=public_forum, content="Vilka teman ska frukostmötena ha?").topic
    goal = {"title": "Fler frukostmöten", "description": "Varannan månad.", "status": "pagar"}
    plan = publish(
        ActivityPlanPageFactory(
            parent=plans,
            year=2027,
            title="Verksamhetsplan 2027",
            focus_areas=[
                ("goal", {**goal, "discussion_topic": topic}),
                ("goal", {**goal, "title": "Nytt samtal", "discussion_forum": str(public_forum.pk)}),
                ("goal", {**goal, "title": "Utan samtal"}),
            ],
        )
    )
    publish(plan)

    links = PageDiscussion.objects.filter(page=plan).select_related("topic")
    assert sorted(link.title for link in links) == [
        "Fler frukostmöten (Verksamhetsplan 2027)",
        "Nytt samtal (Verksamhetsplan 2027)",
    ]
    opened = links.get(title__startswith="Nytt samtal").topic
    html = anonymous_html(plan.url)
    assert html.count("Samtalet i forumet") == 2
    assert "Vilka teman ska frukostmötena ha?" in html
    first_goal = plan.focus_areas[0]
    assert f'id="mal-{first_goal.id}"' in html
    assert f'<a href="{plan.url}#mal-{plan.focus_areas[1].id}">Nytt samtal' in anonymous_html(topic_url(opened))


def test_choosing_both_a_topic_and_a_forum_is_refused(news_index, public_forum):
    news = NewsPageFactory.build(discussion_topic=TopicFactory(forum=public_forum), discussion_forum=public_forum)

    with pytest.raises(Exception, match="inte båda"):
        news.full_clean()


def test_a_members_only_conversation_leaks_nowhere_to_visitors(news_index, members_forum):
    news = news_with_new_topic(news_index, members_forum)
    topic = PageDiscussion.objects.get(page=news).topic
    author = member_of(Sector.KOMMUN, "Hemlig Person")
    PostFactory(topic=topic, poster=author, content="Bokslutsdiskussionen fortsätter.")

    search = anonymous_html("/sok/?q=Bokslutsdiskussionen")
    sitemap = anonymous_html("/sitemap.xml")

    assert "Inga sidor eller foruminlägg matchade" in search
    assert topic_url(topic) not in search
    assert "/nyheter/nya-lokaler/" in sitemap
    assert topic_url(topic) not in sitemap
    member = Client()
    member.force_login(ForumMemberFactory())
    assert topic_url(topic) in member.get("/sok/?q=Bokslutsdiskussionen").content.decode()


def test_a_communicator_asks_for_a_conversation_in_the_admin(client, news_index, public_forum):
    communicator = UserFactory()
    communicator.groups.add(Group.objects.get(name="Kommunikatörer"))
    client.force_login(communicator)
    news = NewsPageFactory(parent=news_index, title="Nytt samråd om bostäder", slug="samrad", summary="Tidigt samråd.")
    form = {
        "title": news.title,
        "slug": news.slug,
        "date": "2026-11-30",
        "author": "",
        "tags": "",
        "image_alt_text": "",
        "summary": news.summary,
        "body": streamfield([]),
        "comments": inline_formset([]),
        "discussion_forum": public_forum.pk,
        "action-publish": "publish",
    }

    editor = client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    response = client.post(f"/admin/pages/{news.pk}/edit/", nested_form_data(form))
    client.post(f"/admin/pages/{news.pk}/edit/", nested_form_data(form))  # published again

    assert "Diskutera" in editor and "Eller starta ett nytt samtal i forumet" in editor
    assert response.status_code == 302
    (topic,) = Topic.objects.filter(forum=public_forum)
    assert topic.subject == "Nytt samråd om bostäder"
    assert "Den publicerade sidan är kopplad till" in client.get(f"/admin/pages/{news.pk}/edit/").content.decode()
    chooser = client.get("/admin/forum-samtal/", {"q": "samråd"})
    assert chooser.status_code == 200
    assert "Nytt samråd om bostäder" in chooser.json()["html"]
