"""machina's forum URLs, with our versions of some of its views swapped in through its URL
factories, which are meant to be subclassed, and every write in one transaction:

- every member page (/forum/member/...) open to forum members only: profiles, post lists and
  subscriptions are refused (403) to logged-in people outside the forum, and anonymous visitors
  are sent to log in; a member id that is not a number is a 404 (machina takes any text and
  fails on it);
- the forum index and a forum page, with their lists of forums and topics rendered once for all
  who see the same (forum_pages.py);
- the topic page, reading the topic with its forum, poll, first post and the reader's
  subscription in one query (topic_view.py), and hiding it when its first post is hidden;
- the topic and reply forms, which keep posts to a length, show an invalid poll question's errors
  and start topics only in forums (topic_form.py);
- the views that list posts, following visibility.py (visible_views.py);
- the forum profile form, with pixel limits on the avatar (profile_form.py);
- the lists of unread and of subscribed topics, picked by the database a page at a time, their
  rows read in a fixed number of queries (tracking.py, subscriptions.py, topic_rows.py).

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

from .forum_pages import ArenaForumView, ArenaIndexView
from .profile_form import ArenaForumProfileUpdateView
from .subscriptions import ArenaTopicSubscriptionListView
from .topic_form import ArenaPostCreateView, ArenaPostUpdateView, ArenaTopicCreateView, ArenaTopicUpdateView
from .tracking import ArenaUnreadTopicsView
from .visible_views import VisibleForumProfileDetailView, VisibleTopicsFeed, VisibleTopicView, VisibleUserPostsView

ForumURLPatternsFactory = get_class("forum.urls", "ForumURLPatternsFactory")
ForumConversationURLPatternsFactory = get_class("forum_conversation.urls", "ForumConversationURLPatternsFactory")
ForumFeedsURLPatternsFactory = get_class("forum_feeds.urls", "ForumFeedsURLPatternsFactory")
ForumMemberURLPatternsFactory = get_class("forum_member.urls", "ForumMemberURLPatternsFactory")
ForumTrackingURLPatternsFactory = get_class("forum_tracking.urls", "ForumTrackingURLPatternsFactory")


class ArenaForumURLPatternsFactory(ForumURLPatternsFactory):
    index_view = ArenaIndexView
    forum_view = ArenaForumView


class ArenaConversationURLPatternsFactory(ForumConversationURLPatternsFactory):
    topic_view = VisibleTopicView
    topic_create_view = ArenaTopicCreateView
    topic_update_view = ArenaTopicUpdateView
    post_create_view = ArenaPostCreateView
    post_update_view = ArenaPostUpdateView


class ArenaFeedsURLPatternsFactory(ForumFeedsURLPatternsFactory):
    latest_topics_feed = VisibleTopicsFeed


class ArenaTrackingURLPatternsFactory(ForumTrackingURLPatternsFactory):
    unread_topics_view = ArenaUnreadTopicsView


class MembersOnlyMemberURLPatternsFactory(ForumMemberURLPatternsFactory):
    user_posts_list = VisibleUserPostsView
    forum_profile_detail_view = VisibleForumProfileDetailView
    forum_profile_update_view = ArenaForumProfileUpdateView
    topic_subscription_list_view = ArenaTopicSubscriptionListView

    def get_urlpatterns(self):
        return [
            path(
                str(pattern.pattern).replace("<str:pk>", "<int:pk>"), members_only(pattern.callback), name=pattern.name
            )
            for pattern in super().get_urlpatterns()
        ]


class ArenaBoardURLPatternsFactory(BoardURLPatternsFactory):
    forum_urlpatterns_factory = ArenaForumURLPatternsFactory()
    conversation_urlpatterns_factory = ArenaConversationURLPatternsFactory()
    feeds_urlpatterns_factory = ArenaFeedsURLPatternsFactory()
    member_urlpatterns_factory = MembersOnlyMemberURLPatternsFactory()
    tracking_urlpatterns_factory = ArenaTrackingURLPatternsFactory()

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
