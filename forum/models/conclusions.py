"""Conclusions (slutsatser): how a forum conversation ended, written by a moderator or, where the
forum allows it, by the topic's starter."""

from django.conf import settings
from django.db import models
from django.utils import timezone

MAX_CONCLUSION_LENGTH = 4000


class Conclusion(models.Model):
    """The conclusion of one topic. The text is Markdown, stored with its sanitised HTML
    (forum/machina/markup.py) like a post. The sector balance is that of the voices in the topic
    when it was concluded (or the conclusion last edited): the voices the conclusion was drawn from."""

    class FollowUp(models.TextChoices):
        NONE = "", "Ingen uppföljning angiven"
        ACTIVITY_PLAN = "verksamhetsplan", "Går vidare till verksamhetsplanen"
        NO_ACTION = "ingen_atgard", "Ingen åtgärd"
        OTHER = "annan", "Annan uppföljning"

    class SectorBalance(models.TextChoices):
        BOTH = "bada", "Båda sektorerna"
        MUNICIPALITY = "kommun", "Mest kommun"
        BUSINESS = "naringsliv", "Mest näringsliv"
        NONE = "ingen", "Utan röster från sektorerna"

    topic = models.OneToOneField(
        "forum_conversation.Topic", on_delete=models.CASCADE, related_name="conclusion", verbose_name="ämne"
    )
    text = models.TextField("slutsats", max_length=MAX_CONCLUSION_LENGTH)
    text_html = models.TextField("slutsats som HTML", editable=False)
    follow_up = models.CharField("uppföljning", max_length=20, choices=FollowUp, blank=True)
    follow_up_year = models.PositiveSmallIntegerField("verksamhetsplanens år", null=True, blank=True)
    follow_up_note = models.CharField("annan uppföljning", max_length=200, blank=True)
    sector_balance = models.CharField("sektorernas röster", max_length=10, choices=SectorBalance)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="slutsats av",
    )
    concluded_at = models.DateTimeField("avslutat", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("senast ändrad", auto_now=True)

    class Meta:
        ordering = ["-concluded_at", "-pk"]
        verbose_name = "slutsats"
        verbose_name_plural = "slutsatser"

    def __str__(self):
        return f"Slutsats: {self.topic.subject}"

    def follow_up_label(self):
        """The follow-up as a reader sees it, or an empty string."""
        if self.follow_up == self.FollowUp.ACTIVITY_PLAN:
            return f"Går vidare till verksamhetsplanen {self.follow_up_year}"
        if self.follow_up == self.FollowUp.OTHER:
            return self.follow_up_note
        return self.get_follow_up_display() if self.follow_up else ""
