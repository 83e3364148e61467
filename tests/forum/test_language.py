"""The forum pages a member uses show no English machina text.

Every msgid in our Swedish catalogue of machina's strings whose translation differs is English that
must not reach the page. The visible text of each page (text nodes and the attributes a person
reads or hears) is searched for those msgids as whole words.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse

from forum.machina.links import topic_url
from tests.forum.factories import ForumMemberFactory, PostFactory, TopicFactory
from tests.forum.helpers import forum_url, topic_create_url

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "machina" / "sv" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
READ_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "value")


def parse_po(path):
    """(msgid, msgstr) pairs of a .po file; plural forms are paired with their first translation."""
    entries, current, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = line.strip()
        if not line or line.startswith("#"):
            if current.get("msgid"):
                entries.append((current["msgid"], current.get("msgstr", "") or current.get("msgstr[0]", "")))
                if current.get("msgid_plural"):
                    entries.append((current["msgid_plural"], current.get("msgstr[1]", "")))
            if not line:
                current, key = {}, None
            continue
        match = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d\])?)\s+"(.*)"$', line)
        if match:
            key = match.group(1)
            current[key] = match.group(2)
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
    return [(unescape(msgid), unescape(msgstr)) for msgid, msgstr in entries]


def unescape(text):
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def english_fragments():
    """Literal pieces of every machina msgid whose Swedish differs, long enough to be meaningful."""
    fragments = set()
    for msgid, msgstr in parse_po(CATALOGUE):
        if not msgstr or msgstr == msgid:
            continue
        for piece in PLACEHOLDER.split(msgid):
            piece = " ".join(piece.split()).strip(" :.,")
            # Short pieces ("on", "By") would match Swedish words and names; require 4+ letters.
            if len(re.sub(r"\W", "", piece)) >= 4:
                fragments.add(piece)
    return fragments


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    texts = [" ".join(soup.get_text(" ").split())]
    for tag in soup.find_all(True):
        if tag.name == "input" and tag.get("type") == "hidden":
            continue
        texts += [str(tag[attribute]) for attribute in READ_ATTRIBUTES if tag.has_attr(attribute)]
    return "\n".join(texts)


def english_on_page(html, fragments):
    text = visible_text(html)
    return sorted(fragment for fragment in fragments if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text))


def test_the_catalogue_parser_finds_machinas_english():
    fragments = english_fragments()

    assert "Forum index" in fragments
    assert english_on_page("<p>Forum index</p><input placeholder='Forum index'>", {"Forum index"}) == ["Forum index"]
    assert english_on_page("<p>Forumöversikt</p>", fragments) == []


@pytest.fixture
def member_pages(client, public_forum):
    member = ForumMemberFactory()
    topic = TopicFactory(forum=public_forum, poster=member, subject="Bostäder i Flemingsberg")
    PostFactory(topic=topic, content="Vi behöver fler bostäder nära stationen.")
    PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Re: Bostäder", content="Håller med.")
    client.force_login(member)
    return {
        "forumöversikten": reverse("forum:index"),
        "ett forum": forum_url(public_forum),
        "ett ämne": topic_url(topic),
        "nytt ämne": topic_create_url(public_forum),
        "sökningen": reverse("search") + "?q=bostäder",
    }


@pytest.mark.parametrize("page", ["forumöversikten", "ett forum", "ett ämne", "nytt ämne", "sökningen"])
def test_member_sees_no_english_machina_strings(client, member_pages, page):
    response = client.get(member_pages[page])

    assert response.status_code == 200
    assert english_on_page(response.content.decode(), english_fragments()) == []


def test_the_check_would_catch_an_untranslated_page(client, member_pages, settings):
    settings.LANGUAGE_CODE = "en"

    html = client.get(member_pages["nytt ämne"]).content.decode()

    assert "Post a new topic" in english_on_page(html, english_fragments())


def test_no_english_on_any_forum_page_a_member_or_moderator_is_audited_on(
    member_audited_urls, audit_member, moderator_audited_urls, audit_moderator
):
    fragments = english_fragments()
    english = {}
    for user, urls in ((audit_member, member_audited_urls), (audit_moderator, moderator_audited_urls)):
        client = Client()
        client.force_login(user)
        for name, path in urls.items():
            found = english_on_page(client.get(path).content.decode(), fragments)
            if found:
                english[name] = found

    assert english == {}
