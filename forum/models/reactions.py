"""Reactions to forum posts: a small fixed set, at most one of each per member and post."""

from django.conf import settings
from django.db import models


class Reaction(models.Model):
    class Kind(models.TextChoices):
        AGREE = "agree", "Håller med"
        THANKS = "thanks", "Tack"
        GOOD_IDEA = "good_idea", "Bra idé"

    post = models.ForeignKey(
        "forum_conversation.Post", on_delete=models.CASCADE, related_name="reactions", verbose_name="inlägg"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reactions", verbose_name="medlem"
    )
    kind = models.CharField("reaktion", max_length=12, choices=Kind)
    created_at = models.DateTimeField("reagerade", auto_now_add=True)

    class Meta:
        verbose_name = "reaktion"
        verbose_name_plural = "reaktioner"
        constraints = [models.UniqueConstraint(fields=["post", "user", "kind"], name="one_reaction_of_a_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} på inlägg {self.post_id}"
