"""@mentions: ``@visningsnamn`` in a post names a member, links to their profile and notifies them.

The rule, for display names that may hold spaces: an ``@`` at the start of a word (not inside an
e-mail address) followed by a member's display name, compared as display names are compared
(case, invisible characters and look-alike letters do not count: ``display_name_skeleton``).
When several names fit ("@Eva" and "@Eva på kommunen"), the longest wins. A name ends at a
space or at punctuation (``@Cykel-Bo, tack!`` names Cykel-Bo); it may be up to MAX_WORDS words.
Nothing inside code or an existing link is a mention. Anything else stays plain text.

Mentions are found when the post is rendered (forum/machina/markup.py) and stored as links to
the profile in its HTML; ``mentioned_user_ids`` reads them back from there to notify the members
named, and ``plain_mentions`` turns them back into text for readers who may not open profiles.
"""

import html
import re

from django.urls import reverse

from forum.membership.display_names import display_name_skeleton
from forum.models import MemberProfile

MAX_WORDS = 5
# An @ at the start of the text or after something that is not part of a word or an address.
MENTION_START = re.compile(r"(?<![\w@.+-])@(?=\w)")
TRAILING_PUNCTUATION = ".,:;!?)]}”’\"'"
# Code, preformatted text and links are left alone.
UNTOUCHED = re.compile(r"(<(code|pre|a)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
TAG = re.compile(r"(<[^>]*>)")
# A mention as link_mentions writes it: a link that a member writes always gets rel="nofollow…".
PROFILE_LINK = re.compile(r'<a href="/forum/member/profile/(\d+)/">(@[^<]*)</a>')


def _candidates(text, start):
    """The strings after the @ at start that could be a display name: 1 to MAX_WORDS words, each
    also without trailing punctuation, with where each ends in text."""
    words = list(re.finditer(r"\S+", text[start : start + 400]))[:MAX_WORDS]
    for word in words:
        end = start + word.end()
        raw = text[start:end]
        yield raw, end
        stripped = raw.rstrip(TRAILING_PUNCTUATION)
        if stripped and stripped != raw:
            yield stripped, end - (len(raw) - len(stripped))


def _mentions_in(text):
    """(position of the @, candidates) for every @ in text that starts a word."""
    return [(match.start(), list(_candidates(text, match.end()))) for match in MENTION_START.finditer(text)]


def _link_text(text, members):
    """A piece of text (HTML between tags) with its mentions linked, the longest name winning."""
    out, position = [], 0
    for at, candidates in _mentions_in(text):
        if at < position:
            continue  # inside the previous mention
        fits = [
            (end, members[key])
            for raw, end in candidates
            if (key := display_name_skeleton(html.unescape(raw))) in members
        ]
        if not fits:
            continue
        end, (user_id, name) = max(fits, key=lambda fit: fit[0])
        url = reverse("forum_member:profile", kwargs={"pk": user_id})
        out += [text[position:at], f'<a href="{url}">@{html.escape(name)}</a>']
        position = end
    out.append(text[position:])
    return "".join(out)


def _link_segment(segment, members):
    """HTML outside code and links, with the mentions in its text linked."""
    parts = TAG.split(segment)
    return "".join(part if index % 2 else _link_text(part, members) for index, part in enumerate(parts))


def link_mentions(rendered):
    """The sanitised HTML of a post with each @mention of a member linked to their profile; one
    query, and none when the post has no @ that could start a mention."""
    segments = UNTOUCHED.split(rendered)
    # split() with two groups gives: text, whole untouched element, its tag name, text, ...
    texts = [part for segment in segments[::3] for part in TAG.split(segment)[::2]]
    keys = {
        display_name_skeleton(html.unescape(raw))
        for text in texts
        for _, candidates in _mentions_in(text)
        for raw, _ in candidates
    }
    if not keys:
        return rendered
    members = {
        profile.display_name_skeleton: (profile.user_id, profile.display_name)
        for profile in MemberProfile.objects.filter(display_name_skeleton__in=keys, is_approved=True).only(
            "user_id", "display_name", "display_name_skeleton"
        )
    }
    if not members:
        return rendered
    out = []
    for index, segment in enumerate(segments):
        if index % 3 == 0:
            out.append(_link_segment(segment, members))
        elif index % 3 == 1:
            out.append(segment)
    return "".join(out)


def mentioned_user_ids(rendered):
    """The members a post's rendered HTML mentions."""
    return {int(user_id) for user_id, _ in PROFILE_LINK.findall(rendered or "")}


def plain_mentions(rendered):
    """The HTML with mention links turned back into plain text, for readers who may not open
    member profiles (visitors, registered non-members)."""
    return PROFILE_LINK.sub(lambda match: f'<span class="mention">{match.group(2)}</span>', rendered)
