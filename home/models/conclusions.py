from django.core.paginator import Paginator
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from forum.conclusions.citations import with_citations
from home.conclusions import ConclusionFilterForm, listed_conclusions
from home.feeds import ConclusionFeed

from .base import BasePage
from .mixins import IntroductionMixin

CONCLUSIONS_PER_PAGE = 10


class ConclusionIndexPage(RoutablePageMixin, IntroductionMixin, BasePage):
    """Slutsatser: what the public forum's conversations concluded, newest first, filterable by
    year, forum and the sectors' voices, with an RSS feed. The conclusions themselves are forum
    data (forum/models/conclusions.py); members-only forums' conclusions are never listed."""

    content_panels = [*BasePage.content_panels, *IntroductionMixin.panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "home/conclusion_index_page.html"

    class Meta:
        verbose_name = "slutsatser från forumet"
        verbose_name_plural = "sidor med slutsatser från forumet"

    @path("")
    def conclusion_list(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        return ConclusionFeed()(request, index_page=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        conclusions = listed_conclusions()
        form = ConclusionFilterForm(request.GET, conclusions)
        conclusion_page = Paginator(form.filter(conclusions), CONCLUSIONS_PER_PAGE).get_page(request.GET.get("sida"))
        conclusion_page.object_list = with_citations(conclusion_page.object_list)
        context["filter_form"] = form
        context["conclusion_page"] = conclusion_page
        return context

    def feed_url(self):
        return self.url + self.reverse_subpage("feed")
