"""The posts of a topic page, rendered once for all the readers who see them alike.

Rendering a page of posts (board/post.html: byline, author with organisation and sector badge,
reactions, the links to quote, edit, delete and report) was most of a topic page's CPU. What a post
shows depends on the post and on what the reader may do, which machina decides from the reader's
groups, except for the reader's own posts (edit and delete, no report, no reactions) and the posts
the reader reacted to (their buttons pressed). So a page's posts are kept in the content cache
(arena/content_cache.py), whose generation any new, edited, hidden or moved post, reaction, profile,
organisation or grant replaces, once per topic, page and group set; the reader's own posts and
those they reacted to are rendered for them on every view. Nobody outside the group set ever gets
the entry, and the view has checked that the reader may read the topic before it gets here.

The reaction forms' CSRF token is the reader's own: the shared HTML holds a stand-in that only
someone who knows SECRET_KEY could write into a post, swapped for the reader's token on the way out.
"""

from functools import cache
from typing import NamedTuple

from django.middleware.csrf import get_token
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from machina.apps.forum_permission.shortcuts import get_anonymous_user_forum_key

from arena.content_cache import cached_until_content_changes
from forum.machina.sectors import with_member_profiles
from forum.models import Reaction
from forum.permissions import group_names, is_forum_member
from forum.reactions.services import reactions_for

POST_TEMPLATE = "board/post.html"


class RenderedPost(NamedTuple):
    pk: int
    poster_id: int | None
    is_topic_head: bool
    html: str | None  # None: rendered for each reader (the one who built the entry wrote or reacted to it)


@cache
def _csrf_stand_in():
    return salted_hmac("forum.machina.topic_posts", "csrf").hexdigest()


def readers_alike(user, handler):
    """What decides how a page of posts looks to the user, apart from their own posts and reactions:
    their groups. None for superusers and users with forum grants of their own, whose pages are
    rendered for them alone."""
    if user.is_anonymous:
        # Only a visitor with machina's forum key (which forum/machina/middleware.py gives nobody)
        # could have written a post, anonymously.
        return None if get_anonymous_user_forum_key(user) else "anonymous"
    if user.is_superuser or user.pk in handler.forum_setup()["users_with_own_grants"]:
        return None
    return "groups:" + ",".join(sorted(group_names(user)))


def _render(context, posts):
    """{post id: HTML} of the posts (with their profiles and reactions), as the page includes them."""
    template = context.template.engine.get_template(POST_TEMPLATE)
    rendered = {}
    for post in posts:
        with context.push(post=post, show_actions=True, csrf_token=_csrf_stand_in()):
            rendered[post.pk] = template.render(context)
    return rendered


def _prepared(posts, user):
    posts = with_member_profiles(posts, "poster", "updated_by")
    counts = reactions_for(posts, user)
    for post in posts:
        post.reaction_counts = counts[post.pk]
    return posts


def _readers_own(poster_id, user):
    return user.is_authenticated and poster_id == user.pk


def topic_posts(context, posts):
    """The page's posts as RenderedPost, each with its HTML for the reader in ``html``."""
    request = context["request"]
    user = request.user
    readers = readers_alike(user, request.forum_permission_handler)
    built = {}

    def shared():
        prepared = _prepared(posts, user)
        built.update(_render(context, prepared))
        member = is_forum_member(user)
        return [
            RenderedPost(
                post.pk,
                post.poster_id,
                post.is_topic_head,
                None
                if _readers_own(post.poster_id, user) or (member and any(count.mine for count in post.reaction_counts))
                else built[post.pk],
            )
            for post in prepared
        ]

    def readers_posts():
        if built:
            return {entry.pk: built[entry.pk] for entry in entries if entry.html is None}
        return _render_readers_own(context, entries, user)

    if readers is None:
        entries = shared()
        readers_own = built
    else:
        key = f"topic-posts.{context['topic'].pk}.{context['page_obj'].number}.{translation.get_language()}.{readers}"
        entries = cached_until_content_changes(key, shared)
        if user.is_authenticated:
            # Kept for the reader alone, as long as the page's posts are.
            readers_own = cached_until_content_changes(f"{key}.reader-{user.pk}", readers_posts)
        else:
            readers_own = readers_posts()
    return _with_token(request, [entry._replace(html=readers_own.get(entry.pk, entry.html)) for entry in entries])


def _render_readers_own(context, entries, user):
    """The reader's own posts, the posts they reacted to and those nobody shares, rendered for them."""
    ids = [entry.pk for entry in entries]
    reacted = set()
    if is_forum_member(user) and ids:
        reacted = set(Reaction.objects.filter(user=user, post_id__in=ids).values_list("post_id", flat=True))
    own = [
        entry.pk
        for entry in entries
        if entry.html is None or entry.pk in reacted or _readers_own(entry.poster_id, user)
    ]
    if not own:
        return {}
    posts = context["view"].get_queryset().filter(pk__in=own)
    return _render(context, _prepared(posts, user))


def _with_token(request, entries):
    stand_in = f'value="{_csrf_stand_in()}"'
    if not any(stand_in in entry.html for entry in entries):
        return [entry._replace(html=mark_safe(entry.html)) for entry in entries]  # noqa: S308 - rendered by board/post.html
    token = f'value="{get_token(request)}"'
    return [entry._replace(html=mark_safe(entry.html.replace(stand_in, token))) for entry in entries]  # noqa: S308
