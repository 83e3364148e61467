"""machina's moderation queue post page, with the topic review loaded in a fixed number of queries.

machina's view loads the earlier posts of the topic without their topic, forum or authors' member
profiles, so every post shown cost two more queries (its permalink and its author's organisation).
"""

from machina.apps.forum_moderation.views import ModerationQueueDetailView as MachinaModerationQueueDetailView

from forum.machina.sectors import with_member_profiles


class ModerationQueueDetailView(MachinaModerationQueueDetailView):
    def get_queryset(self):
        return super().get_queryset().select_related("topic__forum", "poster__forum_profile")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        with_member_profiles([self.object], "poster")
        if "previous_posts" in context:
            context["previous_posts"] = with_member_profiles(
                context["previous_posts"].select_related("topic__forum"), "poster"
            )
        return context
