"""Sector identity in the forum: every post names its author's organisation and sector, a topic
counts the voices from each sector, and topic lists mark the topics both sectors took part in."""

from bs4 import BeautifulSoup
from django.urls import reverse

from forum.machina.links import topic_url
from forum.models import Sector
from tests.forum.factories import (
    ForumMemberFactory,
    MemberProfileFactory,
    OrganisationFactory,
    PostFactory,
    TopicFactory,
)
from tests.forum.helpers import forum_url


def member(display_name, organisation):
    return MemberProfileFactory(
        user=ForumMemberFactory(username=f"{display_name.split()[0].lower()}@example.se"),
        display_name=display_name,
        organisation=organisation,
    ).user


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def authors_of_posts(soup):
    """(name, organisation line) of each post's author, as the page shows them."""
    authors = []
    for article in soup.select("main article.forum-post"):
        organisation = article.select_one(".forum-post__organisation")
        authors.append(
            (
                article.select_one(".forum-post__author-name").get_text(strip=True),
                organisation.get_text(" ", strip=True) if organisation else None,
            )
        )
    return authors


def voices(soup):
    return soup.select_one("main .forum-voices").get_text(" ", strip=True)


def both_sectors_marked(soup):
    """The subjects of the topics the list marks as having both sectors in them."""
    return {
        row.select_one(".forum-table__link").get_text(strip=True)
        for row in soup.select("main tbody th[scope=row]")
        if "Båda sektorerna" in [badge.get_text(strip=True) for badge in row.select(".badge")]
    }


def test_each_post_shows_the_authors_organisation_and_sector(client, public_forum):
    kommun = OrganisationFactory(name="Huddinge kommun", sector=Sector.KOMMUN)
    cafe = OrganisationFactory(name="Trångsunds Trädgård & Café AB", sector=Sector.NARINGSLIV)
    karin, omar = member("Karin Lindqvist", kommun), member("Omar Haddad", cafe)
    topic = PostFactory(topic__forum=public_forum, topic__poster=karin).topic
    PostFactory(topic=topic, poster=omar)

    soup = page(client, topic_url(topic))

    assert authors_of_posts(soup) == [
        ("Karin Lindqvist", "Huddinge kommun Sektor: Kommun"),
        ("Omar Haddad", "Trångsunds Trädgård & Café AB Sektor: Näringsliv"),
    ]
    badge = soup.select_one("main .forum-post__organisation .badge")
    assert badge.get_text(strip=True) == "Kommun"
    assert "badge--kommun" in badge["class"]
    assert "karin@example.se" not in soup.main.decode()


def test_an_author_without_a_member_profile_shows_no_organisation_badge_username_or_email(client, public_forum):
    staff = ForumMemberFactory(username="kansliet@arenahuddinge.se", first_name="Kim", last_name="Kansli")
    topic = PostFactory(topic__forum=public_forum, topic__poster=staff).topic

    soup = page(client, topic_url(topic))

    assert authors_of_posts(soup) == [("Kim Kansli", None)]
    assert not soup.select("main article .badge")
    assert "kansliet@arenahuddinge.se" not in soup.decode()


def test_a_topic_counts_distinct_voices_from_each_sector_in_approved_posts(client, public_forum):
    kommun, bolag = OrganisationFactory(sector=Sector.KOMMUN), OrganisationFactory(sector=Sector.KOMMUN)
    business = OrganisationFactory(sector=Sector.NARINGSLIV)
    karin, eva, maria = member("Karin L", kommun), member("Eva S", kommun), member("Maria E", bolag)
    omar, johan = member("Omar H", business), member("Johan B", business)
    topic = PostFactory(topic__forum=public_forum, topic__poster=karin).topic
    for author in (eva, karin, eva, maria, omar, omar):  # Karin and Eva twice: one voice each
        PostFactory(topic=topic, poster=author)
    PostFactory(topic=topic, poster=johan, approved=False)  # waits for a moderator: not yet a voice
    PostFactory(topic=topic, poster=ForumMemberFactory())  # no member profile: no sector

    assert voices(page(client, topic_url(topic))) == "Röster: 3 från kommunen, 1 från näringslivet"


def test_a_topic_from_one_sector_counts_none_from_the_other(client, public_forum):
    topic = PostFactory(topic__forum=public_forum, topic__poster=member("Omar H", OrganisationFactory())).topic

    assert voices(page(client, topic_url(topic))) == "Röster: 0 från kommunen, 1 från näringslivet"


def test_topic_lists_mark_only_the_topics_both_sectors_posted_in(client, public_forum):
    karin = member("Karin L", OrganisationFactory(sector=Sector.KOMMUN))
    omar, leila = member("Omar H", OrganisationFactory()), member("Leila N", OrganisationFactory())
    both = PostFactory(topic__forum=public_forum, topic__subject="Lokaler i bottenvåningarna", topic__poster=karin)
    PostFactory(topic=both.topic, poster=omar)
    business_only = PostFactory(topic__forum=public_forum, topic__subject="Frukostmöte", topic__poster=omar)
    PostFactory(topic=business_only.topic, poster=leila)
    waiting = PostFactory(topic__forum=public_forum, topic__subject="Laddplatser", topic__poster=leila)
    PostFactory(topic=waiting.topic, poster=karin, approved=False)
    PostFactory(topic__forum=public_forum, topic__subject="Från kansliet", topic__poster=ForumMemberFactory())

    soup = page(client, forum_url(public_forum))

    assert both_sectors_marked(soup) == {"Lokaler i bottenvåningarna"}
    assert len(soup.select("main tbody th[scope=row]")) == 4


def test_the_mark_is_shown_to_members_too_and_in_their_unread_topics(client, public_forum):
    karin, omar = member("Karin L", OrganisationFactory(sector=Sector.KOMMUN)), member("Omar H", OrganisationFactory())
    topic = TopicFactory(forum=public_forum, poster=karin, subject="Sommarjobb för unga")
    PostFactory(topic=topic, poster=karin)
    PostFactory(topic=topic, poster=omar)
    client.force_login(ForumMemberFactory())

    assert both_sectors_marked(page(client, forum_url(public_forum))) == {"Sommarjobb för unga"}
    assert both_sectors_marked(page(client, reverse("forum_tracking:unread_topics"))) == {"Sommarjobb för unga"}
