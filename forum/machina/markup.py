"""Safe forum markup: Markdown rendered by markdown2 (as machina does) and then sanitised by nh3.

machina stores the rendered HTML of every post and signature next to the raw text and prints it
without escaping, so whatever this module returns ends up verbatim on the page. Bare http(s)
addresses become links (markdown2's link patterns, which leave code and existing links alone).
A quote (quoting.py) is plain Markdown: a blockquote whose first line links "Namn skrev:" to the
quoted post, so it needs no tag beyond the allow-list. markdown2's safe
mode only escapes raw HTML; it does not make links or attributes safe. nh3 therefore has the last
word: a short allow-list of tags, ``href``/``title`` as the only attributes, http/https/mailto as
the only link schemes and ``rel="nofollow ugc noopener"`` on every link.

markdown2 is quadratic on some input (thousands of ``[`` or backticks, long rows of ``|``) and
recursive on nesting (``>>>>`` or deeply indented lists), so one post could tie up a worker for
seconds or end in a RecursionError. Forms keep posts to MAX_POST_LENGTH characters, and before
rendering, ``bounded`` flattens nesting deeper than MAX_NESTING and writes the openers past
OPENER_LIMITS as HTML entities, which markdown2 leaves alone and browsers show as the character.
Whatever still recurses too deep is shown as plain text.

Last, ``@visningsnamn`` becomes a link to the member's profile (forum/notifications/mentions.py).

Used as ``MACHINA_MARKUP_LANGUAGE = ("forum.machina.markup.render_markdown", {})``. After changing the
rules, run ``manage.py rerender_forum_markup`` so stored posts and signatures follow them.
"""

import re

import nh3
from django.core.exceptions import ValidationError
from django.template.defaultfilters import linebreaks_filter
from markdown2 import markdown

from forum.notifications.mentions import link_mentions

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
# Removed together with their content rather than unwrapped to text.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "math", "svg"})

# A bare http(s) address, up to white space or markup; punctuation that ends a sentence is not part
# of it. (markdown2 escapes the address it links; nh3 then checks it like any other link.)
BARE_URL = re.compile(r"(?<![\w/\"'=(\[])(https?://[^\s<>\"]*[^\s<>\".,;:!?)\]'])")
MARKDOWN_EXTRAS = {"break-on-newline": True, "tables": None, "link-patterns": [(BARE_URL, r"\1")]}

MAX_POST_LENGTH = 20_000
# Quote levels and list levels (two spaces each) a line keeps; real posts use two or three.
MAX_NESTING = 8
# A line's leading quote markers, list markers and indentation.
LINE_PREFIX = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*", re.MULTILINE)
NESTING_MARK = re.compile(r">|[-*+]|\d{1,9}[.)]")
# Character -> (how many a text may have for markdown2 to read them as markup; its entity). In a
# text with more, all of them are plain characters: a post of MAX_POST_LENGTH renders in well
# under half a second whatever it holds. The same for ``|`` in one line (a table row).
OPENER_LIMITS = {"[": (64, "&#91;"), "`": (128, "&#96;")}
PIPES_PER_LINE = 100


def validate_post_length(text):
    if len(text) > MAX_POST_LENGTH:
        raise ValidationError(
            "Inlägget är för långt: %(length)d tecken. Ett inlägg får vara högst %(limit)d tecken. "
            "Korta texten eller dela upp den i flera inlägg.",
            code="too_long",
            params={"length": len(text), "limit": MAX_POST_LENGTH},
        )


def _flatten(match):
    prefix = match.group(0)
    marks = NESTING_MARK.findall(prefix)
    if len(marks) <= MAX_NESTING and len(prefix.expandtabs(4)) <= 2 * MAX_NESTING + 4:
        return prefix
    kept = marks[-MAX_NESTING:]
    return " ".join(kept) + " " if kept else " " * (2 * MAX_NESTING)


def _plain_when_many(text, character, limit, entity):
    return text.replace(character, entity) if text.count(character) > limit else text


def bounded(text):
    """text with nesting and markup openers that markdown2 renders in bounded time."""
    text = LINE_PREFIX.sub(_flatten, text)
    for character, (limit, entity) in OPENER_LIMITS.items():
        text = _plain_when_many(text, character, limit, entity)
    return "\n".join(_plain_when_many(line, "|", PIPES_PER_LINE, "&#124;") for line in text.split("\n"))


def sanitise_html(html):
    """HTML reduced to the forum's allow-list; everything else is dropped or turned into text."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown(text):
    """Safe HTML for a post or signature written in Markdown."""
    try:
        html = markdown(bounded(text or ""), safe_mode="escape", extras=MARKDOWN_EXTRAS)
    except RecursionError:
        html = linebreaks_filter(text, autoescape=True)
    return link_mentions(sanitise_html(str(html)).strip())
