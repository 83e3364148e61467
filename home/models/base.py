from http import HTTPMethod

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

from arena.content_cache import cached_until_content_changes
from arena.links import site_url
from arena.slugs import ascii_slugify


class BasePageForm(WagtailAdminPageForm):
    """The page editor's form: the slug may be left empty (it is made from the title, as the
    editor's script does while the title is typed) and is kept in ASCII (å, ä, ö → a, a, o)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data["slug"] or ascii_slugify(self.cleaned_data.get("title", ""))
        return slug if slug.isascii() else ascii_slugify(slug)


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

    # The summary is written with the page, on its first tab; the images for lists and sharing
    # are on the promote tab.
    content_panels = [*Page.content_panels, FieldPanel("summary")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_image"), FieldPanel("social_image")], heading="Listor och delning"),
    ]
    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # A slug set in code, or posted without the editor's script, is kept in ASCII too.
        if self.slug and not self.slug.isascii():
            self.slug = ascii_slugify(self.slug)
        super().full_clean(*args, **kwargs)

    def get_view_restrictions(self):
        # Wagtail asks before serving a page which restrictions apply to it and its ancestors: two
        # queries for every page rendered, on a site whose pages are nearly all public. Which ones
        # apply changes only with content (a restriction or a page saved, moved or deleted replaces
        # the generation), so their ids come from the content cache; a public page asks nothing.
        # Still a queryset, as Wagtail's privacy view orders it.
        applying = super().get_view_restrictions
        if self.pk is None:
            return applying()
        ids = cached_until_content_changes(
            f"page.{self.pk}.view-restrictions", lambda: list(applying().values_list("pk", flat=True))
        )
        return PageViewRestriction.objects.filter(pk__in=ids) if ids else PageViewRestriction.objects.none()

    def get_url_parts(self, request=None):
        # Absolute addresses (``full_url``: canonical, sitemap, feeds, calendar files, e-mail) start
        # with SITE_URL, not with the hostname and port of Wagtail's Site row (arena/links.py).
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None:
            return parts
        site_id, _root_url, page_path = parts
        return site_id, site_url(), page_path

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
