"""The topics a member subscribes to ("Bevakningar", /forum/member/subscriptions/), a page at a
time: machina's list with the page's rows read by id (topic_rows.py) and whether each is unread
decided in the query that picks the page, by the same rule as the unread list (tracking.py),
where machina's template tag asked twice more per page."""

from django.db.models import BooleanField, ExpressionWrapper
from django.utils.functional import SimpleLazyObject
from machina.core.db.models import get_model
from machina.core.loading import get_class

from .topic_rows import lazy_topic_rows
from .tracking import forum_marks, unread_rule, with_read_marks

Topic = get_model("forum_conversation", "Topic")
TopicSubscriptionListView = get_class("forum_member.views", "TopicSubscriptionListView")


class ArenaTopicSubscriptionListView(TopicSubscriptionListView):
    def get_queryset(self):
        user = self.request.user
        unread = ExpressionWrapper(unread_rule(forum_marks(user)), output_field=BooleanField())
        return with_read_marks(user.topic_subscriptions.all(), user).values_list("pk", "views_count", unread)

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        # Every subscription is a topic: the member's rows of the link table count them by its
        # index on the user, where counting the topics joined to them scanned the topics.
        paginator.count = Topic.subscribers.through.objects.filter(user=self.request.user).count()
        return paginator

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        # The key of the page's rendered table, as in tracking.py, with whether each is unread.
        self.table_key = [(pk, views, bool(is_unread)) for pk, views, is_unread in rows]
        topics = lazy_topic_rows([pk for pk, _, _ in self.table_key], self.request.forum_permission_handler)
        unread = {pk for pk, _, is_unread in self.table_key if is_unread}
        page.object_list = topics
        # The shared topic list (forum_conversation/topic_list.html) marks these "Oläst" rather
        # than asking machina's tag.
        self.unread_topics = SimpleLazyObject(lambda: [topic for topic in topics if topic.pk in unread])
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"table_key": self.table_key, "unread_topics": self.unread_topics}
