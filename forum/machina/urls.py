"""machina's forum URLs, with every member page (/forum/member/...) open to forum members only,
the topic forms that show an invalid poll question's errors (topic_form.py), a topic page with
fewer queries (topic_view.py), and every write in one transaction.

machina builds its URL tree from factories meant to be subclassed; this swaps in a member factory
whose views are wrapped in ``members_only``. Profiles, post lists and subscriptions are then
refused (403) to logged-in people outside the forum, and anonymous visitors are sent to log in.

machina writes a new topic, its first post and the topic's and forum's counters in separate
commits; a worker killed in between left a topic without posts, or counters one off. Every view of
the board therefore runs a POST in one transaction (``atomic_writes``): whatever fails, nothing of
the request is stored, and the e-mail and cache invalidation it queued with ``on_commit`` never
happen. Rather than ``ATOMIC_REQUESTS``: reads, most of the traffic, run as before without a
transaction, and Wagtail's admin and our own forms keep the transactions they already have.
"""

from functools import wraps

from django.db import transaction
from django.urls import URLPattern, URLResolver, path
from machina.core.loading import get_class
from machina.urls import BoardURLPatternsFactory

from forum.permissions import members_only

from .topic_form import ArenaTopicCreateView, ArenaTopicUpdateView
from .topic_view import ArenaTopicView

ForumConversationURLPatternsFactory = get_class("forum_conversation.urls", "ForumConversationURLPatternsFactory")
ForumMemberURLPatternsFactory = get_class("forum_member.urls", "ForumMemberURLPatternsFactory")


class ArenaConversationURLPatternsFactory(ForumConversationURLPatternsFactory):
    topic_view = ArenaTopicView
    topic_create_view = ArenaTopicCreateView
    topic_update_view = ArenaTopicUpdateView


class MembersOnlyMemberURLPatternsFactory(ForumMemberURLPatternsFactory):
    def get_urlpatterns(self):
        return [
            path(str(pattern.pattern), members_only(pattern.callback), name=pattern.name)
            for pattern in super().get_urlpatterns()
        ]


class ArenaBoardURLPatternsFactory(BoardURLPatternsFactory):
    conversation_urlpatterns_factory = ArenaConversationURLPatternsFactory()
    member_urlpatterns_factory = MembersOnlyMemberURLPatternsFactory()

    def get_urlpatterns(self):
        return with_atomic_writes(super().get_urlpatterns())


def atomic_writes(view):
    """The view, with every request that may write (POST: new topics, replies, edits, moves,
    moderation, votes) run in one transaction."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return view(request, *args, **kwargs)
        with transaction.atomic():
            return view(request, *args, **kwargs)

    return wrapped


def with_atomic_writes(patterns):
    return [
        URLResolver(
            pattern.pattern,
            with_atomic_writes(pattern.url_patterns),
            pattern.default_kwargs,
            pattern.app_name,
            pattern.namespace,
        )
        if isinstance(pattern, URLResolver)
        else URLPattern(pattern.pattern, atomic_writes(pattern.callback), pattern.default_args, pattern.name)
        for pattern in patterns
    ]


urlpatterns = ArenaBoardURLPatternsFactory().get_urlpatterns()
