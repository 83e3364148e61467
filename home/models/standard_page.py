from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock

from .base import BasePage
from .mixins import IntroductionMixin


class StandardPage(IntroductionMixin, BasePage):
    """A page of text and pictures: Vår verksamhet, Vision, the privacy notice and the like."""

    body = StreamField(BodyBlock(), verbose_name="innehåll", blank=True)

    content_panels = [
        *BasePage.content_panels,
        *IntroductionMixin.panels,
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = "standardsida"
        verbose_name_plural = "standardsidor"
