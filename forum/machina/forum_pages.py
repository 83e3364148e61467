"""The forum index and a forum page, with their lists rendered once for everyone who sees the same.

machina's views read the forum, its sub-forums, announcements and a page of topics from the
database on every request, render a row template per forum or topic (bylines, badges, page
links: two thirds of a forum page's CPU in the profile) and, for a member, look up the ancestors
of every unread forum, one query each. Here:

- the forums come from the permission handler, which holds all of them from the shared cache
  (forum/machina/permissions.py), so the forum, its ancestors and sub-forums cost no query;
- the rendered list of forums and a page's topic tables are kept in the shared cache until content
  changes (``cached_until_content_changes``: a new topic, post, edit, move or forum change
  replaces the generation). What is in them is the same for everyone who may see the page: the
  key holds the forums listed (the reader's visible forums) or the forum whose topics they are
  (the view has checked that the reader may read it before the cache is asked), and whether the
  reader is a forum member (bylines link to profiles for members only);
- the one part that is the reader's own, the "Oläst" badges, is left out of the cached HTML as
  numbered slots and put in per request from the member's read marks (two queries, however many
  forums or topics); so are the topics' views (one query), which change without a change of
  content.
"""

import re
import secrets
from collections import namedtuple
from hashlib import md5

from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from machina.core.db.models import get_model
from machina.core.loading import get_class

from arena.content_cache import cached_until_content_changes
from forum.permissions import is_forum_member

ForumReadTrack = get_model("forum_tracking", "ForumReadTrack")
Topic = get_model("forum_conversation", "Topic")
ForumVisibilityContentTree = get_class("forum.visibility", "ForumVisibilityContentTree")
IndexView = get_class("forum.views", "IndexView")
ForumView = get_class("forum.views", "ForumView")
TrackingHandler = get_class("forum_tracking.handler", "TrackingHandler")

# What the read marks of a cached topic row are compared with. The cache holds plain tuples, which
# any version of this module can read back.
TopicStub = namedtuple("TopicStub", "id forum_id last_post_on created")


# Part of every listing's key: a deployment that changes what a cached listing holds must not read
# the listings of the version before it, which stay under the same generation until content changes.
LISTING_FORMAT = "v2"


class ReaderSlots:
    """Marks, in HTML rendered for everyone, what is filled in per request: each row's "Oläst" badge
    (``{% reader_slot "unread" topic %}``) and a topic's views, which the database learns in batches
    (forum/machina/view_counts.py) without a change of content; and splits the HTML at the marks.

    The mark is an HTML comment with a random token: every text a row shows is escaped, so no
    subject or name can write one."""

    def __init__(self):
        self.token = secrets.token_hex(8)

    def mark(self, kind, pk):
        return f"<!--{self.token}:{kind}:{pk}-->"

    def split(self, html):
        """[html, (kind, pk), html, (kind, pk), ..., html]: the HTML between the slots and each slot."""
        parts = re.split(f"<!--{self.token}:(unread|views):(\\d+)-->", html)
        return [parts[0]] + [
            part
            for index in range(1, len(parts), 3)
            for part in ((parts[index], int(parts[index + 1])), parts[index + 2])
        ]


def reader_kind(user):
    return "member" if is_forum_member(user) else "visitor"


def cached_listing(request, key, build):
    """``build(slots)`` -> (html, data), cached until content changes as ``{"parts": ..., **data}``
    for this kind of reader, with the HTML split at its slots."""

    def render():
        slots = ReaderSlots()
        html, data = build(slots)
        return {"parts": slots.split(html), **data}

    return cached_until_content_changes(f"{key}.{LISTING_FORMAT}.{reader_kind(request.user)}", render)


def filled(parts, unread_ids, badge_text, views=None):
    """The cached HTML with the reader's "Oläst" badge (the component, rendered once) and the
    topics' views in its slots."""
    badge = render_to_string("components/badge.html", {"text": badge_text, "kind": "new"}) if unread_ids else ""

    def slot(kind, pk):
        if kind == "views":
            return localize(views.get(pk, 0))
        return badge if pk in unread_ids else ""

    return mark_safe(  # noqa: S308 - rendered templates, the badge component and numbers
        "".join(slot(*part) if index % 2 else part for index, part in enumerate(parts))
    )


def unread_forum_ids(user, tree, handler):
    """machina's unread forums of the tree for the user (a forum with a post after the member's read
    mark, or with topics and no mark, and the forums above it), from one query of the read marks:
    machina looks up each unread forum's ancestors with a query of its own."""
    if not user.is_authenticated or not tree.nodes:
        return set()
    nodes = tree.as_dict
    marks = dict(ForumReadTrack.objects.filter(user=user, forum__in=list(nodes)).values_list("forum_id", "mark_time"))
    unread = set()
    for forum_id, node in nodes.items():
        if forum_id in marks:
            stale = node.last_post_on is not None and marks[forum_id] < node.last_post_on
        else:
            stale = node.obj.direct_topics_count > 0
        if stale:
            unread.add(forum_id)
            unread.update(ancestor.id for ancestor in handler.forum_ancestors(node.obj))
    return unread


def forum_list(request, tree):
    """The tables of forums of a ForumVisibilityContentTree (forum/forum_list.html), for the reader."""

    def build(slots):
        context = {"forum_contents": tree, "reader_slots": slots, "request": request}
        if tree.root_level is not None:
            level = tree.root_level
            context.update(root_level=level, root_level_middle=level + 1, root_level_sub=level + 2)
        return render_to_string("forum/forum_list.html", context), {}

    ids = ",".join(str(forum.id) for forum in tree.forums)
    listing = cached_listing(request, f"forum-list.{md5(ids.encode(), usedforsecurity=False).hexdigest()}", build)
    unread = unread_forum_ids(request.user, tree, request.forum_permission_handler)
    return filled(listing["parts"], unread, "Olästa inlägg")


def visible_tree(request, forums):
    """The forums the reader may see, of ``forums`` (in tree order), as machina's visibility tree."""
    visible = {forum.id for forum in request.forum_permission_handler.visible_forums(request.user)}
    return ForumVisibilityContentTree.from_forums([forum for forum in forums if forum.id in visible])


class ArenaIndexView(IndexView):
    """machina's forum index, from the forums in memory and the cached list of forums."""

    def get_queryset(self):
        return visible_tree(self.request, self.request.forum_permission_handler.all_forums())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["forum_list"] = forum_list(self.request, context["forums"])
        return context


class ArenaForumView(ForumView):
    """machina's forum page: the forum and its sub-forums from memory, the page's topic tables
    (announcements and topics) from the shared cache, and only the reader's read marks asked for."""

    def get_forum(self):
        if not hasattr(self, "forum"):
            self.forum = self.request.forum_permission_handler.forum_by_id(self.kwargs["pk"])
            if self.forum is None:
                raise Http404("Forumet finns inte.")
        return self.forum

    def get(self, request, **kwargs):
        forum = self.get_forum()
        if forum.is_link:
            response = HttpResponseRedirect(forum.link)
        else:
            self.object_list = self.get_queryset()
            response = self.render_to_response(self.get_context_data())
        self.send_signal(request, response, forum)
        return response

    def get_context_data(self, **kwargs):
        forum = self.get_forum()
        count = cached_until_content_changes(f"forum-topic-count.{forum.pk}", self.object_list.count)
        # Paginated as machina's list is (a page that is not there is the same 404), from the count.
        paginator, page, numbers, is_paginated = self.paginate_queryset(range(count), self.paginate_by)

        def build(slots):
            topics = list(self.object_list[numbers.start : numbers.stop])
            announces = list(
                forum.topics.select_related("poster", "last_post", "last_post__poster").filter(
                    type=Topic.TOPIC_ANNOUNCE
                )
            )
            context = {
                "request": self.request,
                "reader_slots": slots,
                "unread_topics": (),
                "topics": topics,
                "announces": announces,
            }
            return render_to_string("board/forum_topics.html", context), {
                "topics": [row(topic) for topic in topics],
                "announces": [row(topic) for topic in announces],
            }

        listing = cached_listing(self.request, f"forum-topics.{forum.pk}.{page.number}", build)
        topics = [TopicStub(*values) for values in listing["topics"]]
        announces = [TopicStub(*values) for values in listing["announces"]]
        unread = TrackingHandler(self.request).get_unread_topics(topics + announces, self.request.user)
        views = dict(
            Topic.objects.filter(pk__in=[topic.id for topic in topics + announces]).values_list("pk", "views_count")
        )
        sub_forums = visible_tree(self.request, self.request.forum_permission_handler.forum_descendants(forum))
        return {
            **kwargs,
            "view": self,
            "forum": forum,
            "sub_forums": sub_forums,
            "sub_forum_list": forum_list(self.request, sub_forums) if sub_forums else "",
            "topics": topics,
            "paginator": paginator,
            "page_obj": page,
            "is_paginated": is_paginated,
            "topic_tables": filled(listing["parts"], {topic.id for topic in unread}, "Oläst", views),
        }


def row(topic):
    return (topic.id, topic.forum_id, topic.last_post_on, topic.created)
