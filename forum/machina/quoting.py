"""Quoting a post in a reply: machina's reply form takes ``?quote=<post id>`` but ignores it.

A quote is plain Markdown, so it goes through the same markup pipeline as everything else
(markup.py): a blockquote whose first line, "Namn skrev:", links to the quoted post. The name is
the author's display name, never the username. Only a post the reader sees on the topic page can
be quoted: one of the same topic, approved, in a topic that is not hidden (visibility.py).
"""

import re

from forum.membership.display_names import member_display_name

from .links import post_url
from .visibility import visible_posts

# Characters that would make a display name Markdown rather than text.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()#+!<>|~-])")


def quotable_post(user, handler, topic, post_id):
    """The post of the topic that the user may quote, or None."""
    if not str(post_id).isdigit():
        return None
    posts = visible_posts(user, handler).filter(topic=topic, pk=int(post_id))
    return posts.select_related("poster__member_profile", "topic__forum").first()


def author_name(post):
    return member_display_name(post.poster) if post.poster else post.username


def own_words(text):
    """The text without the quotes it holds itself, so that quotes do not pile up in a thread."""
    kept = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">")).strip()
    return kept or text.strip()


def quote_markdown(post):
    """The post's own words as a Markdown quote attributed to its author, ready for the reply form."""
    name = MARKDOWN_SPECIAL.sub(r"\\\1", author_name(post))
    lines = [f"**[{name} skrev:]({post_url(post)})**", *own_words(post.content.raw).splitlines()]
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"
