"""The Wagtail admin's chooser of forum topics, for the "Diskutera" fields of pages and goals:
the newest conversations first, searchable by subject, with their forum."""

from django import forms
from machina.core.db.models import get_model
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

Topic = get_model("forum_conversation", "Topic")


class TopicFilterForm(BaseFilterForm):
    q = forms.CharField(label="Sök på rubrik", required=False)

    def filter(self, objects):
        query = self.cleaned_data.get("q", "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            objects = objects.filter(subject__icontains=query)
        return objects


class TopicChooseMixin:
    filter_form_class = TopicFilterForm
    ordering = ["-last_post_on", "-pk"]

    def get_object_list(self):
        return Topic.objects.select_related("forum")

    @property
    def columns(self):
        return [*super().columns, Column("forum", label="Forum", accessor="forum.name")]


class TopicChooseView(TopicChooseMixin, ChooseView):
    pass


class TopicChooseResultsView(TopicChooseMixin, ChooseResultsView):
    pass


class TopicChooserViewSet(ChooserViewSet):
    model = Topic
    icon = "comment"
    choose_one_text = "Välj ett samtal i forumet"
    choose_another_text = "Välj ett annat samtal"
    edit_item_text = "Ändra"
    choose_view_class = TopicChooseView
    choose_results_view_class = TopicChooseResultsView


topic_chooser_viewset = TopicChooserViewSet("forum_topic_chooser", url_prefix="forum-samtal")

# The same chooser inside a StreamField (the goals of an activity plan).
TopicChooserBlock = topic_chooser_viewset.get_block_class(
    name="TopicChooserBlock", module_path="forum.discussions.viewsets"
)
