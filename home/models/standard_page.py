from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock

from .base import BasePage
from .mixins import IntroductionMixin, PictureMixin


class StandardPage(IntroductionMixin, PictureMixin, BasePage):
    """A page of text and pictures: Vår verksamhet, Vision, the privacy notice, the page in English
    and the easy-to-read one (Lättläst) and the like."""

    class Language(models.TextChoices):
        SWEDISH = "sv", "svenska"
        ENGLISH = "en", "engelska"

    language = models.CharField(
        "språk",
        max_length=5,
        choices=Language.choices,
        default=Language.SWEDISH,
        help_text="Språket sidans text är skriven på, så att skärmläsare läser den med rätt uttal.",
    )
    body = StreamField(BodyBlock(), verbose_name="innehåll", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("language"),
        *IntroductionMixin.panels,
        *PictureMixin.panels,
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
