from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Promote fields every page type shares: a summary for listings and search results, a
    listing image, and an image for social media previews."""

    summary = models.TextField(
        "sammanfattning",
        blank=True,
        max_length=300,
        help_text="Visas i listor och sökresultat, och som beskrivning för sökmotorer.",
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="bild i listor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="bild för sociala medier",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Visas när sidan delas. Utan den används bilden i listor.",
    )

    # Pages are read; only a page with a form of its own takes POST as well. Any other method gets
    # 405 Method Not Allowed instead of the page (Wagtail's default allows them all).
    allowed_http_methods = [HTTPMethod.GET, HTTPMethod.HEAD, HTTPMethod.OPTIONS]

    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("listing_image"), FieldPanel("social_image")],
            heading="Listor och delning",
        ),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.listing_image and not self.listing_image.description:
            raise ValidationError(
                {
                    "listing_image": (
                        "Bilden saknar alternativtext. Skriv vad den visar i fältet Beskrivning i "
                        "bildbiblioteket, eller välj en annan bild."
                    )
                }
            )

    def get_meta_description(self):
        return self.search_description or self.summary

    def get_social_image(self):
        return self.social_image or self.listing_image
