"""machina's topic page, reading the topic with its forum, poll, first post and conclusion in one
query (and the site's pages it is about in another), kept in the content cache, and whether the
reader subscribes to it in a query of its own: machina looks the poll up on every view, the first
post up for every author's edit link and all of the topic's subscribers up for the subscribe link.
The page's posts come with their authors' forum and member profiles joined in: machina reads the
forum profiles in a query of their own, and ``{% with_member_profiles %}`` then finds the member
profiles already there."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from machina.core.db.models import get_model
from machina.core.loading import get_class

from arena.content_cache import cached_until_content_changes
from forum.models import PageDiscussion

Topic = get_model("forum_conversation", "Topic")
TopicView = get_class("forum_conversation.views", "TopicView")
TopicPollVoteForm = get_class("forum_conversation.forum_polls.forms", "TopicPollVoteForm")


def _topic(pk):
    topics = Topic.objects.select_related(
        "forum", "poll", "first_post", "conclusion__concluded_by__member_profile"
    ).prefetch_related(Prefetch("page_discussions", queryset=PageDiscussion.objects.select_related("page")))
    return get_object_or_404(topics, pk=pk)


class PollVoteForm(TopicPollVoteForm):
    """machina's vote form, each option named by its text alone (not "<topic> - <option>")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].label_from_instance = lambda option: option.text


class ArenaTopicView(TopicView):
    poll_form_class = PollVoteForm

    def get_topic(self):
        if not hasattr(self, "topic"):
            pk = self.kwargs["pk"]
            # The same for every reader until content changes (a post, an edit, a move or a lock
            # saves the topic): kept in the content cache, a fresh copy for each request.
            self.topic = cached_until_content_changes(f"topic-page-topic.{pk}", lambda: _topic(pk))
            user = self.request.user
            if user.is_authenticated:
                # Topic.has_subscriber(user) looks the user up in this list, machina's own cache of
                # the subscribers; the page asks it about its reader only.
                subscribes = Topic.subscribers.through.objects.filter(topic_id=pk, user_id=user.pk).exists()
                self.topic._subscribers = [user] if subscribes else []
        return self.topic

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("poster__forum_profile", "poster__member_profile__organisation")
            .prefetch_related(None)
            .prefetch_related("attachments")
        )
