"""The admin's chooser of forum conclusions, for the "Från dialogen" list of an activity-plan goal
(GoalBlock). Only conclusions from public forums can be chosen: a plan is a public page."""

from wagtail.admin.viewsets.chooser import ChooserViewSet

from forum.conclusions.services import public_conclusions


class ConclusionChooserViewSet(ChooserViewSet):
    model = "arena_forum.Conclusion"
    icon = "tick"
    choose_one_text = "Välj en slutsats"
    choose_another_text = "Välj en annan slutsats"
    edit_item_text = "Ändra"
    page_title = "Välj en slutsats från forumet"

    def get_object_list(self):
        return public_conclusions().select_related("topic")


conclusion_chooser_viewset = ConclusionChooserViewSet("conclusion_chooser", url_prefix="slutsatser-val")
ConclusionChooserBlock = conclusion_chooser_viewset.get_block_class(
    name="ConclusionChooserBlock", module_path="home.conclusion_chooser"
)
