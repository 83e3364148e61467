from django.core.paginator import Paginator

from home.directory import DirectoryFilterForm, listed_organisations, with_logos

from .base import BasePage
from .mixins import IntroductionMixin

ORGANISATIONS_PER_PAGE = 20


class MemberDirectoryPage(IntroductionMixin, BasePage):
    """Medlemmar: the member organisations that have agreed to be listed, searchable by name and
    filterable by sector. The organisations themselves are edited under Medlemskap in the admin."""

    content_panels = [*BasePage.content_panels, *IntroductionMixin.panels]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "home/member_directory_page.html"

    class Meta:
        verbose_name = "medlemsförteckning"
        verbose_name_plural = "medlemsförteckningar"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = DirectoryFilterForm(request.GET)
        organisations = form.filter(listed_organisations())
        # Like the news list: get_page() turns any page number a visitor types into a real page.
        organisation_page = Paginator(with_logos(organisations), ORGANISATIONS_PER_PAGE).get_page(
            request.GET.get("sida")
        )
        context["filter_form"] = form
        context["organisation_page"] = organisation_page
        context["page_range"] = organisation_page.paginator.get_elided_page_range(organisation_page.number)
        return context
