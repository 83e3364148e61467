"""machina's views that list or hand out posts, each following the one rule of visibility.py:
a member's post list and profile, the topic page and the latest-topics feed. (The attachment
download is in forum/machina/apps/forum_conversation/forum_attachments/views.py, the search in
search.py.)"""

from django.http import Http404
from machina.conf import settings as machina_settings
from machina.core.loading import get_class

from arena.links import PublicAddressFeedMixin
from forum.models import MemberProfile

from .topic_view import ArenaTopicView
from .visibility import topic_hidden_from, visible_posts, visible_topics

ForumProfileDetailView = get_class("forum_member.views", "ForumProfileDetailView")
LastTopicsFeed = get_class("forum_feeds.feeds", "LastTopicsFeed")
UserPostsView = get_class("forum_member.views", "UserPostsView")

RECENT_TOPICS = 5


class VisibleUserPostsView(UserPostsView):
    def get_queryset(self):
        return visible_posts(self.request.user, self.request.forum_permission_handler, super().get_queryset())


class VisibleForumProfileDetailView(ForumProfileDetailView):
    """A member's profile: display name, organisation and sector, title, member since, and their
    latest posts and topics in the forums the reader may read."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, handler = self.request.user, self.request.forum_permission_handler
        member = self.object.user
        topics = visible_topics(user, handler).filter(poster=member)
        context["member_profile"] = MemberProfile.objects.select_related("organisation").filter(user=member).first()
        context["topics_count"] = topics.count()
        context["recent_topics"] = topics.select_related("forum").order_by("-created")[:RECENT_TOPICS]
        context["recent_posts"] = (
            visible_posts(user, handler)
            .filter(poster=member)
            .select_related("topic__forum")
            .order_by("-created")[: machina_settings.PROFILE_RECENT_POSTS_NUMBER]
        )
        return context


class VisibleTopicView(ArenaTopicView):
    """A topic whose first post a moderator hid is gone (404) for everyone but the moderators."""

    def get_topic(self):
        topic = super().get_topic()
        if topic_hidden_from(topic, self.request.user, self.request.forum_permission_handler):
            raise Http404("Ämnet finns inte.")
        return topic


class VisibleTopicsFeed(PublicAddressFeedMixin, LastTopicsFeed):
    def get_object(self, request, *args, **kwargs):
        super().get_object(request, *args, **kwargs)
        self.handler = request.forum_permission_handler

    def items(self):
        topics = visible_topics(self.user, self.handler).filter(forum__in=self.forums)
        return topics.select_related("forum", "poster", "last_post").order_by("-last_post_on")
