from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model

from forum.discussions.panels import PageDiscussionPanel

BOTH_DISCUSSION_CHOICES = "Välj antingen ett samtal som finns eller ett forum för ett nytt samtal, inte båda."
DISCUSSION_FORUM_HELP = (
    "Arena Huddinge startar samtalet i forumet när sidan publiceras, med sidans rubrik, ingress och "
    "en länk hit. Sidan får ett och samma samtal hur många gånger den än publiceras."
)


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


@dataclass(frozen=True)
class DiscussionRequest:
    """What an editor asked for one part of a page (all of it, or one goal): a topic that exists,
    or a new one in a forum. ``anchor`` is the part's id in the page's HTML ("" for the page)."""

    anchor: str
    title: str
    ingress: str
    topic: object = None
    forum_id: int | None = None


class DiscussionMixin(models.Model):
    """ "Diskutera": a conversation in the forum about the page, shown in a panel under it.

    The editor picks a topic, or a forum where a new one is opened on publishing
    (``home/discussions.py``). What the page shows is read from the forum's record of the link
    (``forum.models.PageDiscussion``), written when the page is published.
    """

    discussion_topic = models.ForeignKey(
        "forum_conversation.Topic",
        verbose_name="samtal som finns",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    discussion_forum = models.ForeignKey(
        "forum.Forum",
        verbose_name="eller starta ett nytt samtal i forumet",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"type": 0},  # machina's Forum.FORUM_POST: a forum, not a category or a link
        help_text=DISCUSSION_FORUM_HELP,
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("discussion_topic"), FieldPanel("discussion_forum"), PageDiscussionPanel()],
            heading="Diskutera",
        )
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.discussion_topic_id and self.discussion_forum_id:
            raise ValidationError({"discussion_forum": BOTH_DISCUSSION_CHOICES})

    def discussion_requests(self):
        """The conversations the editor asked for, one per part of the page."""
        if not (self.discussion_topic_id or self.discussion_forum_id):
            return []
        return [
            DiscussionRequest(
                anchor="",
                title=self.title,
                ingress=self.summary,
                topic=self.discussion_topic,
                forum_id=self.discussion_forum_id,
            )
        ]


def with_pictures(queryset):
    """``queryset`` of pages with PictureMixin, with their pictures and listing images and those
    images' renditions fetched in a fixed number of queries however many pages there are."""
    return queryset.prefetch_related(
        *(
            Prefetch(field, queryset=get_image_model().objects.prefetch_renditions())
            for field in ("image", "listing_image")
        )
    )
