"""Which forum topic discusses which page: the forum's record of the site's "Diskutera" links.

The pages live in ``home``, which the forum never imports. ``home`` writes these rows when a page
is published (``forum.discussions.services.discuss_page``); the forum reads them to say on the
topic what the conversation is about, and ``home`` reads them to show the topic under its page.
Only Wagtail's own ``Page`` is referred to, never a page type of ``home``.
"""

from django.db import models


class PageDiscussion(models.Model):
    """A published page, or one part of it (a goal of an activity plan), and the topic about it.

    The page's title, address and whether it is live are read from the page itself; ``title`` is
    what the topic calls it, kept for when the page is deleted.
    """

    topic = models.ForeignKey(
        "forum_conversation.Topic",
        on_delete=models.CASCADE,
        related_name="page_discussions",
        verbose_name="ämne",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name="sida",
    )
    anchor = models.CharField(
        "del av sidan",
        max_length=80,
        blank=True,
        help_text="Id:t i sidans HTML för den del samtalet gäller (ett mål i en verksamhetsplan); tomt för hela sidan.",
    )
    title = models.CharField("rubrik", max_length=400)

    class Meta:
        verbose_name = "samtal om en sida"
        verbose_name_plural = "samtal om sidor"
        constraints = [models.UniqueConstraint("page", "anchor", name="one_discussion_per_page_part")]

    def __str__(self):
        return f"{self.title} – {self.topic}"

    @property
    def page_is_live(self):
        return self.page is not None and self.page.live

    @property
    def url(self):
        """The page's address, at the part the conversation is about; empty when it is not live."""
        if not self.page_is_live:
            return ""
        return self.page.url + (f"#{self.anchor}" if self.anchor else "")
