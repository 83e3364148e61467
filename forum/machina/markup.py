"""Safe forum markup: Markdown rendered by markdown2 (as machina does) and then sanitised by nh3.

machina stores the rendered HTML of every post and signature next to the raw text and prints it
without escaping, so whatever this module returns ends up verbatim on the page. markdown2's safe
mode only escapes raw HTML; it does not make links or attributes safe. nh3 therefore has the last
word: a short allow-list of tags, ``href``/``title`` as the only attributes, http/https/mailto as
the only link schemes and ``rel="nofollow ugc noopener"`` on every link.

Used as ``MACHINA_MARKUP_LANGUAGE = ("forum.machina.markup.render_markdown", {})``. After changing the
rules, run ``manage.py rerender_forum_markup`` so stored posts and signatures follow them.
"""

import nh3
from markdown2 import markdown

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

MARKDOWN_EXTRAS = {"break-on-newline": True, "tables": None}


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
    html = markdown(text or "", safe_mode="escape", extras=MARKDOWN_EXTRAS)
    return sanitise_html(str(html)).strip()
