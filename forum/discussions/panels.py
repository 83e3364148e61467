"""The admin's note under a page's "Diskutera" fields: which topics the published page is linked to."""

from wagtail.admin.panels import Panel

from forum.machina.links import topic_url
from forum.models import PageDiscussion


class PageDiscussionPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "discussions/admin_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            discussions = []
            if self.instance.pk:
                discussions = PageDiscussion.objects.filter(page_id=self.instance.pk).select_related("topic__forum")
            context["discussions"] = [(discussion, topic_url(discussion.topic)) for discussion in discussions]
            return context
