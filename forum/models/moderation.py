"""Reports (anmälningar) of forum posts, and what moderators did about them."""

from django.conf import settings
from django.db import models


class PostReport(models.Model):
    """A report of a post by anyone who reads it, and what a moderator did about it. Visitors who
    are not logged in have no reporter; they may leave an e-mail address for questions."""

    class Status(models.TextChoices):
        OPEN = "open", "Öppen"
        HIDDEN = "hidden", "Inlägget dolt"
        DISMISSED = "dismissed", "Avfärdad"

    post = models.ForeignKey(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="reports", verbose_name="inlägg"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="forum_post_reports",
        verbose_name="anmäld av",
    )
    reporter_email = models.EmailField("e-postadress till den som anmälde", blank=True)
    reason = models.TextField("anledning", max_length=2000)
    created_at = models.DateTimeField("anmäld", auto_now_add=True)
    status = models.CharField("status", max_length=10, choices=Status, default=Status.OPEN, db_index=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="hanterad av",
    )
    handled_at = models.DateTimeField("hanterad", null=True, blank=True)
    note = models.TextField(
        "kommentar från moderatorn",
        blank=True,
        max_length=2000,
        help_text="Skickas till den som skrev inlägget om inlägget döljs.",
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = "anmälan av inlägg"
        verbose_name_plural = "anmälningar av inlägg"

    def __str__(self):
        return f"Anmälan av ”{self.post.subject}” ({self.get_status_display()})"
