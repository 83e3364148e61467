from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from forum.conclusions.citations import Citation
from home.blocks import GoalBlock, cited_conclusions
from home.discussions import discussion_summaries

from .base import BasePage, BasePageForm
from .mixins import DiscussionRequest, IntroductionMixin


class ActivityPlanIndexPage(IntroductionMixin, BasePage):
    """Verksamhetsplan: the association's activity plans, one child page per year."""

    content_panels = [*BasePage.content_panels, *IntroductionMixin.panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ActivityPlanPage"]
    max_count_per_parent = 1
    template = "home/activity_plan_index_page.html"

    class Meta:
        verbose_name = "verksamhetsplaner"
        verbose_name_plural = "verksamhetsplaner"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plans"] = (
            ActivityPlanPage.objects.live().public().child_of(self).select_related("plan_document").order_by("-year")
        )
        return context


class ActivityPlanPageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        year = cleaned_data.get("year")
        # A new page has no place in the tree yet, so the model's clean() can't see its siblings;
        # the admin form knows the parent it is being added below.
        if year and self.parent_page and not self.instance.path:
            error = self.instance.year_taken_error(year, self.parent_page)
            if error:
                self.add_error("year", error)
        return cleaned_data


class ActivityPlanPage(BasePage):
    """The activity plan for one year: its focus areas and the plan itself as a document."""

    year = models.PositiveSmallIntegerField("år", help_text="Året planen gäller, t.ex. 2023.")
    focus_areas = StreamField(
        [("goal", GoalBlock())],
        verbose_name="fokusområden",
        blank=True,
    )
    plan_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="verksamhetsplanen som dokument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Helst en tillgänglig PDF.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("year"),
        FieldPanel("focus_areas"),
        FieldPanel("plan_document"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("focus_areas"),
        index.FilterField("year"),
    ]
    base_form_class = ActivityPlanPageForm

    parent_page_types = ["home.ActivityPlanIndexPage"]
    subpage_types = []
    template = "home/activity_plan_page.html"

    class Meta:
        verbose_name = "verksamhetsplan"
        verbose_name_plural = "verksamhetsplaner för enskilda år"

    def clean(self):
        super().clean()
        parent = self.get_parent()
        if self.year and parent is not None:
            error = self.year_taken_error(self.year, parent)
            if error:
                raise ValidationError({"year": error})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        discussions = discussion_summaries(self, request)
        context["goals"] = [(goal, discussions.get(goal_anchor(goal))) for goal in self.focus_areas]
        context["cited_conclusions"] = cited_conclusions(goal.value for goal in self.focus_areas)
        return context

    def discussion_requests(self):
        """A conversation for each goal whose editor asked for one ("Diskutera" in the goal)."""
        return [
            DiscussionRequest(
                anchor=goal_anchor(goal),
                title=f"{goal.value['title']} ({self.title})",
                ingress=goal.value["description"],
                topic=goal.value["discussion_topic"],
                forum_id=int(goal.value["discussion_forum"]) if goal.value["discussion_forum"] else None,
            )
            for goal in self.focus_areas
            if goal.value["discussion_topic"] or goal.value["discussion_forum"]
        ]

    def year_taken_error(self, year, parent):
        """A Swedish error message if another plan below ``parent`` already covers ``year``."""
        siblings = ActivityPlanPage.objects.child_of(parent).filter(year=year)
        if self.pk:
            siblings = siblings.exclude(pk=self.pk)
        if siblings.exists():
            return f"Det finns redan en verksamhetsplan för {year}. Välj ett annat år eller redigera den befintliga."
        return None


def goal_anchor(goal):
    """The id in the page's HTML of one goal (a child of ``focus_areas``, or its stored data)."""
    return f"mal-{goal['id'] if isinstance(goal, dict) else goal.id}"


def goals_citing(conclusion_ids):
    """{conclusion id: [Citation]}: the goals of live, public activity plans that cite the
    conclusions, newest plan first. One query: the plans' stored goals are read as they are saved,
    without loading the cited conclusions. Registered with the forum in home/apps.py."""
    wanted = set(conclusion_ids)
    found = {}
    plans = ActivityPlanPage.objects.live().public().order_by("-year")
    for plan in plans:
        for goal in plan.focus_areas.raw_data:
            cited = {
                item["value"] if isinstance(item, dict) else item for item in goal["value"].get("conclusions") or []
            }
            for conclusion_id in cited & wanted:
                found.setdefault(conclusion_id, []).append(
                    Citation(
                        title=f"{goal['value']['title']} ({plan.title})",
                        url=f"{plan.get_url()}#{goal_anchor(goal)}",
                    )
                )
    return found
