from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class IntroductionMixin(models.Model):
    """An ingress: a few plain sentences under the page's heading that say what the page is about.
    Page types put ``panels`` where the ingress belongs among their own content panels."""

    introduction = models.TextField("ingress", blank=True, max_length=600)

    panels = [FieldPanel("introduction")]

    class Meta:
        abstract = True


class PictureMixin(models.Model):
    """The page's own picture: shown large at the top of the page and in listings of it, with the
    text that stands in for it. A picture without such a text cannot be saved."""

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="bild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt_text = models.CharField(
        "alternativtext för bilden",
        blank=True,
        max_length=250,
        help_text=(
            "Beskriv vad bilden visar för den som inte ser den. Lämna tomt för att använda bildens egen beskrivning."
        ),
    )

    panels = [MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt_text")], heading="Bild")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.image and not self.image_alt:
            raise ValidationError(
                {"image_alt_text": "Skriv en alternativtext: bilden saknar en egen beskrivning att använda."}
            )

    @property
    def image_alt(self):
        """The text that stands in for the image: written for this page, or else the image's own
        description. (Wagtail's default_alt_text falls back to the title, often a file name.)"""
        return self.image_alt_text or (self.image.description if self.image else "")

    def get_social_image(self):
        return super().get_social_image() or self.image

    @property
    def listing_picture(self):
        """(image, alt text) for listings: the listing image if the page has one, else its picture."""
        if self.listing_image:
            return self.listing_image, self.listing_image.description
        return self.image, self.image_alt
