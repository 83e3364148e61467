"""machina's forum URLs, with every member page (/forum/member/...) open to forum members only,
the topic forms that show an invalid poll question's errors (topic_form.py) and a topic page
with fewer queries (topic_view.py).

machina builds its URL tree from factories meant to be subclassed; this swaps in a member factory
whose views are wrapped in ``members_only``. Profiles, post lists and subscriptions are then
refused (403) to logged-in people outside the forum, and anonymous visitors are sent to log in.
"""

from django.urls import path
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


urlpatterns = ArenaBoardURLPatternsFactory().get_urlpatterns()
