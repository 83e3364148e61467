"""machina's topic page, reading the topic with its forum, poll and first post, and whether the
reader subscribes to it and its conclusion, in one query (and the site's pages it is about in another): machina looks
the poll up on every view, the first post up for every author's edit link and all of the topic's
subscribers up for the subscribe link."""

from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404
from machina.core.db.models import get_model
from machina.core.loading import get_class

from forum.models import PageDiscussion

Topic = get_model("forum_conversation", "Topic")
TopicView = get_class("forum_conversation.views", "TopicView")
TopicPollVoteForm = get_class("forum_conversation.forum_polls.forms", "TopicPollVoteForm")


class PollVoteForm(TopicPollVoteForm):
    """machina's vote form, each option named by its text alone (not "<topic> - <option>")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["options"].label_from_instance = lambda option: option.text


class ArenaTopicView(TopicView):
    poll_form_class = PollVoteForm

    def get_topic(self):
        if not hasattr(self, "topic"):
            user = self.request.user
            topics = Topic.objects.select_related(
                "forum", "poll", "first_post", "conclusion__concluded_by__member_profile"
            ).prefetch_related(Prefetch("page_discussions", queryset=PageDiscussion.objects.select_related("page")))
            if user.is_authenticated:
                subscriptions = Topic.subscribers.through.objects.filter(topic=OuterRef("pk"), user=user)
                topics = topics.annotate(reader_subscribes=Exists(subscriptions))
            self.topic = get_object_or_404(topics, pk=self.kwargs["pk"])
            if user.is_authenticated:
                # Topic.has_subscriber(user) looks the user up in this list, machina's own cache of
                # the subscribers; the page asks it about its reader only.
                self.topic._subscribers = [user] if self.topic.reader_subscribes else []
        return self.topic
