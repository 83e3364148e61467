"""Our template tags for the forum, in one library (``{% load arena_forum %}``) named apart from
machina's ``forum_*_tags``.

The sector tags take a whole page's posts, topics or forum tree at once, so that a page costs the
same queries with 5 rows as with 100."""

from hashlib import md5

from django import template
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from machina.apps.forum_member.shortcuts import get_forum_member_display_name

from arena.content_cache import cached_until_content_changes
from forum.conclusions.citations import with_citations
from forum.conclusions.services import can_change_conclusion, can_conclude, is_concluded
from forum.machina import links, sectors
from forum.machina import topic_posts as rendered_topic_posts
from forum.machina.search import excerpt
from forum.membership.onboarding import take_forum_welcome
from forum.moderation.services import can_report, handles_reports
from forum.notifications.mentions import plain_mentions
from forum.notifications.services import followed_forum_ids, unread_count
from forum.permissions import is_forum_member as _is_forum_member
from forum.reactions.services import can_react

register = template.Library()

register.filter("topic_url", links.topic_url)
register.filter("post_url", links.post_url)
register.filter("profile_url", links.profile_url)
register.filter("member_organisation", sectors.member_organisation)


@register.filter
def is_forum_member(user):
    """True for members and moderators, who alone may open member pages such as profiles
    (``{% if request.user|is_forum_member %}``): nobody else is shown links to them."""
    return _is_forum_member(user)


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def forum_breadcrumbs(context):
    """``{% forum_breadcrumbs %}``: the forum index, the forum (and those above it) and the topic of
    the page shown, the current one marked. The forums above come without a query when the
    request's permission handler has the forums (forum/machina/permissions.py)."""
    request = context["request"]
    forum, topic = context.get("forum"), context.get("topic")
    view = request.resolver_match.view_name if request.resolver_match else None
    items = [{"title": "Forumöversikt", "url": reverse("forum:index"), "current": not forum and view == "forum:index"}]
    if forum:
        items += [
            {"title": ancestor.name, "url": reverse("forum:forum", args=[ancestor.slug, ancestor.id])}
            for ancestor in request.forum_permission_handler.forum_ancestors(forum)
        ]
        items.append(
            {
                "title": forum.name,
                "url": reverse("forum:forum", args=[forum.slug, forum.id]),
                "current": not topic and view == "forum:forum",
            }
        )
    if topic:
        items.append(
            {"title": topic.subject, "url": links.topic_url(topic), "current": view == "forum_conversation:topic"}
        )
    return {"items": items}


@register.filter
def forum_time(value):
    """``{{ post.created|forum_time }}``: ``<time datetime="2026-11-30T06:05:00+0100">30 november 2026
    06:05</time>``, as the ``date`` filter would write it with ``Y-m-d\\TH:i:sO`` and ``j F Y H:i``.

    A topic list shows 80 such times; the ``date`` filter parses its format string and looks the
    format up for the language every time (22 % of a forum page's CPU in the profile)."""
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}">{} {} {} {}</time>',
        local.strftime("%Y-%m-%dT%H:%M:%S%z"),
        local.day,
        MONTHS[local.month],
        local.year,
        local.strftime("%H:%M"),
    )


@register.simple_tag(takes_context=True)
def byline(context, poster=None, username="", date=None):
    """``{% byline poster=post.poster username=post.username date=post.created %}``: who wrote
    something and when, "Av: <namn>, <datum>". The name links to the profile only for those who may
    open it (members and moderators); anonymous posts show the username they were posted under.
    Written in Python rather than an included template: a topic list has two per row."""
    if poster is None:
        name = username
    elif is_forum_member(context["request"].user):
        name = format_html('<a href="{}">{}</a>', links.profile_url(poster.pk), get_forum_member_display_name(poster))
    else:
        name = get_forum_member_display_name(poster)
    when = format_html(", {}", forum_time(date)) if date else ""
    return format_html('<span class="forum-byline">Av: {}{}</span>', name, when)


@register.simple_tag(takes_context=True)
def forum_permission(context, method, *args):
    """``{% forum_permission 'can_edit_post' post request.user as allowed %}``: machina's
    ``get_permission`` without its check, on every call, of the method name against a list of all
    the handler's methods built with ``inspect.getmembers`` (14 % of a topic page's CPU at 50 calls
    a page). Only the handler's public ``can_*`` questions may be asked."""
    if not method.startswith("can_"):
        raise template.TemplateSyntaxError(f"forum_permission frågar bara can_*-metoder, inte {method!r}.")
    return getattr(context["request"].forum_permission_handler, method)(*args)


@register.simple_tag(takes_context=True)
def can_report_post(context, post):
    """True when the current user may report the post (``{% can_report_post post as x %}``)."""
    request = context["request"]
    return can_report(request.user, post, request.forum_permission_handler)


@register.simple_tag(takes_context=True)
def can_handle_reports(context):
    """True when the current user works the report queue (``{% can_handle_reports as x %}``)."""
    request = context["request"]
    return handles_reports(request.user, request.forum_permission_handler)


@register.filter
def search_excerpt(post, query):
    """Plain text from the post around what was searched for (``{{ post|search_excerpt:query }}``)."""
    return excerpt(post, query)


@register.simple_tag
def with_member_profiles(objects, *user_paths):
    """``{% with_member_profiles posts "poster" as posts %}``: the page's objects with the users at
    user_paths carrying their member profiles (for display names, organisations and sectors)."""
    return sectors.with_member_profiles(objects, *user_paths)


@register.simple_tag
def forum_tree_with_last_posts(forum_contents):
    """``{% forum_tree_with_last_posts forum_contents as forum_contents %}``: machina's forum tree
    with every forum's last post, its topic and its author's member profile loaded at once."""
    forums = [node.obj for node in forum_contents.nodes]
    prefetch_related_objects(forums, "last_post__topic__forum")
    sectors.with_member_profiles(forums, "last_post__poster")
    return forum_contents


@register.simple_tag
def voices_per_sector(topic):
    """``{% voices_per_sector topic as voices %}``: ``voices.kommun`` and ``voices.naringsliv``.
    Counted over all the topic's posts (10 ms for 2,000 on SQLite), so kept until content changes:
    a new, edited or hidden post replaces the generation."""
    return cached_until_content_changes(f"topic-voices.{topic.pk}", lambda: sectors.voices_per_sector(topic))


@register.simple_tag
def topics_with_both_sectors(topics):
    """``{% topics_with_both_sectors topics as both_sectors %}``: ids of the topics both sectors posted
    in, kept until content changes for the same list of topics."""
    ids = ",".join(str(topic.pk) for topic in topics)
    key = f"both-sectors.{md5(ids.encode(), usedforsecurity=False).hexdigest()}"
    return cached_until_content_changes(key, lambda: sectors.topics_with_both_sectors(topics))


@register.simple_tag
def topic_conclusion(topic):
    """The topic's conclusion with the plan goals that cite it, or None."""
    return with_citations([topic.conclusion])[0] if is_concluded(topic) else None


@register.simple_tag(takes_context=True)
def conclusion_rights(context, topic):
    """What the reader may do with the topic's conclusion: {"conclude": ..., "change": ...}."""
    request = context["request"]
    user, handler = request.user, request.forum_permission_handler
    return {"conclude": can_conclude(user, topic, handler), "change": can_change_conclusion(user, topic, handler)}


@register.simple_tag
def unread_notices(user):
    """``{% unread_notices request.user as unread %}``: how many notices the member has not read (one query)."""
    return unread_count(user) if user.is_authenticated else 0


@register.simple_tag
def follows_forum(user, forum):
    """``{% follows_forum request.user forum as following %}``: whether the member gets notices of new topics there."""
    return user.is_authenticated and forum.pk in followed_forum_ids(user)


@register.filter
def mentions_for(rendered, user):
    """``{{ post.content.rendered|mentions_for:request.user }}``: @mentions link to profiles for
    those who may open them (members), and are plain text for everyone else."""
    if _is_forum_member(user):
        return rendered
    return mark_safe(plain_mentions(str(rendered)))  # noqa: S308 - sanitised post HTML, links turned to text


@register.simple_tag(takes_context=True)
def topic_posts(context, posts):
    """``{% topic_posts posts as posts %}``: the topic page's posts, each with ``html`` (board/post.html
    for the reader) and ``is_topic_head``, kept in the content cache for readers alike
    (forum/machina/topic_posts.py)."""
    return rendered_topic_posts.topic_posts(context, posts)


@register.simple_tag(takes_context=True)
def can_react_to(context, post):
    """True when the current user may react to the post (``{% can_react_to post as x %}``)."""
    request = context["request"]
    return can_react(request.user, post, request.forum_permission_handler)


@register.simple_tag(takes_context=True)
def forum_welcome(context):
    """``{% forum_welcome as welcome %}``: True once, on the new member's first visit to the forum."""
    return take_forum_welcome(context["request"])


@register.simple_tag(takes_context=True)
def reader_slot(context, kind, item):
    """``{% reader_slot "unread" topic %}``: where the reader's "Oläst" badge (or, with "views", the
    topic's views) goes in a list rendered once for every reader (``reader_slots``,
    forum/machina/forum_pages.py), filled in per request."""
    return mark_safe(context["reader_slots"].mark(kind, item.pk))  # noqa: S308 - a comment with a token and an id


class ContentFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        values = repr([value.resolve(context) for value in self.vary_on])
        key = f"fragment.{self.name}.{md5(values.encode(), usedforsecurity=False).hexdigest()}"
        return cached_until_content_changes(key, lambda: self.nodelist.render(context))


@register.tag
def content_fragment(parser, token):
    """``{% content_fragment "name" value ... %}…{% endcontent_fragment %}``: the enclosed markup,
    rendered once for each set of values and kept until content changes. The values must name
    everything the markup shows that is not content (who looks, the page's items): what a value
    does not name, every reader of the name gets."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("content_fragment needs a name.")
    nodelist = parser.parse(("endcontent_fragment",))
    parser.delete_first_token()
    return ContentFragmentNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
