"""Our template tags for the forum, in one library (``{% load arena_forum %}``) named apart from
machina's ``forum_*_tags``.

The sector tags take a whole page's posts, topics or forum tree at once, so that a page costs the
same queries with 5 rows as with 100."""

from django import template
from django.db.models import prefetch_related_objects
from django.utils.safestring import mark_safe

from forum.machina import links, sectors
from forum.machina.search import excerpt
from forum.moderation.services import can_report, handles_reports
from forum.notifications.mentions import plain_mentions
from forum.notifications.services import followed_forum_ids, unread_count
from forum.permissions import is_forum_member as _is_forum_member

register = template.Library()

register.filter("topic_url", links.topic_url)
register.filter("post_url", links.post_url)
register.filter("member_organisation", sectors.member_organisation)


@register.filter
def is_forum_member(user):
    """True for members and moderators, who alone may open member pages such as profiles
    (``{% if request.user|is_forum_member %}``): nobody else is shown links to them."""
    return _is_forum_member(user)


@register.simple_tag(takes_context=True)
def forum_ancestors(context, forum):
    """``{% forum_ancestors forum as ancestors %}``: the forums above it, root first, without a query
    when the request's permission handler has the forums (forum/machina/permissions.py)."""
    return context["request"].forum_permission_handler.forum_ancestors(forum)


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
    """``{% voices_per_sector topic as voices %}``: ``voices.kommun`` and ``voices.naringsliv``."""
    return sectors.voices_per_sector(topic)


@register.simple_tag
def topics_with_both_sectors(topics):
    """``{% topics_with_both_sectors topics as both_sectors %}``: ids of the topics both sectors posted in."""
    return sectors.topics_with_both_sectors(topics)


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
