"""Template tags that show each author's organisation and sector. They take a whole page's posts,
topics or forum tree at once, so that a page costs the same queries with 5 rows as with 100."""

from django import template
from django.db.models import prefetch_related_objects

from forum.machina import sectors

register = template.Library()

register.filter("member_organisation", sectors.member_organisation)


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
