"""machina's forum URLs, with our versions of some of its views swapped in through its URL
factories, which are meant to be subclassed:

- every member page (/forum/member/...) open to forum members only: profiles, post lists and
  subscriptions are refused (403) to logged-in people outside the forum, and anonymous visitors
  are sent to log in; a member id that is not a number is a 404 (machina takes any text and
  fails on it);
- the topic and reply forms, which keep posts to a length, show an invalid poll question's errors
  and start topics only in forums (topic_form.py);
- the views that list posts, following visibility.py (visible_views.py);
- the forum profile form, with pixel limits on the avatar (profile_form.py).
"""

from django.urls import path
from machina.core.loading import get_class
from machina.urls import BoardURLPatternsFactory

from forum.permissions import members_only

from .profile_form import ArenaForumProfileUpdateView
from .topic_form import ArenaPostCreateView, ArenaPostUpdateView, ArenaTopicCreateView, ArenaTopicUpdateView
from .visible_views import VisibleForumProfileDetailView, VisibleTopicsFeed, VisibleTopicView, VisibleUserPostsView

ForumConversationURLPatternsFactory = get_class("forum_conversation.urls", "ForumConversationURLPatternsFactory")
ForumFeedsURLPatternsFactory = get_class("forum_feeds.urls", "ForumFeedsURLPatternsFactory")
ForumMemberURLPatternsFactory = get_class("forum_member.urls", "ForumMemberURLPatternsFactory")


class ArenaConversationURLPatternsFactory(ForumConversationURLPatternsFactory):
    topic_view = VisibleTopicView
    topic_create_view = ArenaTopicCreateView
    topic_update_view = ArenaTopicUpdateView
    post_create_view = ArenaPostCreateView
    post_update_view = ArenaPostUpdateView


class ArenaFeedsURLPatternsFactory(ForumFeedsURLPatternsFactory):
    latest_topics_feed = VisibleTopicsFeed


class MembersOnlyMemberURLPatternsFactory(ForumMemberURLPatternsFactory):
    user_posts_list = VisibleUserPostsView
    forum_profile_detail_view = VisibleForumProfileDetailView
    forum_profile_update_view = ArenaForumProfileUpdateView

    def get_urlpatterns(self):
        return [
            path(
                str(pattern.pattern).replace("<str:pk>", "<int:pk>"), members_only(pattern.callback), name=pattern.name
            )
            for pattern in super().get_urlpatterns()
        ]


class ArenaBoardURLPatternsFactory(BoardURLPatternsFactory):
    conversation_urlpatterns_factory = ArenaConversationURLPatternsFactory()
    feeds_urlpatterns_factory = ArenaFeedsURLPatternsFactory()
    member_urlpatterns_factory = MembersOnlyMemberURLPatternsFactory()


urlpatterns = ArenaBoardURLPatternsFactory().get_urlpatterns()
