"""What visitors and members see on machina's pages as we render them (templates/forum*, partials/)."""

import itertools
import re

from bs4 import BeautifulSoup
from django.test import Client
from django.utils.timezone import localtime

from forum.machina.links import topic_url
from tests.forum.factories import ForumMemberFactory, PostFactory
from tests.forum.helpers import forum_url, submit_form, topic_create_url

SWEDISH_MONTHS = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]


def test_a_topic_list_is_a_table_with_a_heading_caption_and_a_row_per_topic(client, public_forum):
    PostFactory(topic__forum=public_forum, topic__subject="Gröna lokaler", content="Vem har erfarenhet?")

    soup = BeautifulSoup(client.get(forum_url(public_forum)).content, "html.parser")

    table = soup.select_one("main table")
    assert table.caption.h2.get_text(strip=True) == "Ämnen"
    assert [th.get_text(strip=True) for th in table.select("thead th[scope=col]")] == [
        "Ämne",
        "Svar",
        "Visningar",
        "Senaste inlägg",
    ]
    assert table.select_one("tbody th[scope=row] a").get_text(strip=True) == "Gröna lokaler"


def test_a_post_shows_its_author_and_a_swedish_date_in_a_time_element(client, public_forum):
    post = PostFactory(topic__forum=public_forum, topic__poster=ForumMemberFactory(username="lena@example.se"))

    article = BeautifulSoup(client.get(topic_url(post.topic)).content, "html.parser").select_one("main article")

    time = article.select_one(".forum-post__meta time")
    created = localtime(post.created)
    # The author by display name (here: the full name), never by username or e-mail.
    assert article.select_one(".forum-post__meta").get_text(" ", strip=True).startswith("Av: Maja Medlem,")
    assert "lena@example.se" not in str(article)
    assert time["datetime"] == created.strftime("%Y-%m-%dT%H:%M:%S%z")
    # Swedish style, the month in lower case: "27 november 2026 14:05".
    assert re.fullmatch(r"\d{1,2} [a-zåäö]+ \d{4} \d{2}:\d{2}", time.get_text())
    assert time.get_text().split()[1] == SWEDISH_MONTHS[created.month - 1]


def test_headings_follow_in_order_on_a_topic_page(client, public_forum):
    topic = PostFactory(topic__forum=public_forum).topic
    PostFactory(topic=topic, subject="Re: svar")

    soup = BeautifulSoup(client.get(topic_url(topic)).content, "html.parser")

    levels = [int(heading.name[1]) for heading in soup.main.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_an_empty_subject_is_refused_in_swedish_next_to_the_field_keeping_the_message(client, public_forum):
    client.force_login(ForumMemberFactory())

    response = submit_form(
        client, topic_create_url(public_forum), "form.forum-form", subject="", content="Mitt förslag"
    )

    soup = BeautifulSoup(response.content, "html.parser")
    subject = soup.select_one("#id_subject")
    assert response.status_code == 200
    assert subject["aria-invalid"] == "true"
    assert soup.select_one(f"#{subject['aria-describedby']}").get_text(strip=True) == "Det här fältet är obligatoriskt"
    assert soup.select_one("#id_content").get_text().strip() == "Mitt förslag"


def test_forum_pages_have_no_inline_scripts_or_styles(audit_member, member_audited_urls):
    client = Client()
    client.force_login(audit_member)

    for path in member_audited_urls.values():
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        assert [script for script in soup.find_all("script") if not script.get("src")] == [], path
        assert soup.select("[style]") == [], path
