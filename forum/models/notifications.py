"""Notices to members (the "Notiser" page and the e-mail that follows them), each member's
notification settings, subscriptions to whole forums and the digests already sent."""

from django.conf import settings
from django.db import models


class Notice(models.Model):
    """Something that happened that one member should hear about: a reply in a topic they follow,
    a mention, a reaction to their post, a moderator's decision, a topic's conclusion, a new topic
    in a forum they follow. One row feeds both the "Notiser" page and the e-mail."""

    class Kind(models.TextChoices):
        REPLY = "reply", "Svar"
        MENTION = "mention", "Omnämnande"
        REACTION = "reaction", "Reaktion"
        MODERATION = "moderation", "Moderering"
        CONCLUSION = "conclusion", "Slutsats"
        NEW_TOPIC = "new_topic", "Nytt ämne"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notices", verbose_name="mottagare"
    )
    kind = models.CharField("slag", max_length=20, choices=Kind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="vem",
    )
    topic = models.ForeignKey(
        "forum_conversation.Topic", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    post = models.ForeignKey(
        "forum_conversation.Post", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    text = models.CharField("text", max_length=300, blank=True)
    created = models.DateTimeField("skapad", auto_now_add=True)
    read_at = models.DateTimeField("läst", null=True, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created"], name="notice_recipient_created"),
            models.Index(
                fields=["recipient"], condition=models.Q(read_at__isnull=True), name="notice_recipient_unread"
            ),
        ]
        verbose_name = "notis"
        verbose_name_plural = "notiser"

    def __str__(self):
        return f"{self.get_kind_display()} till {self.recipient_id}"


class NotificationSettings(models.Model):
    """How a member wants to hear about things. Members from before these settings existed have no
    row and get the defaults (e-mail at once, as they did); a new member chooses when registering,
    with nothing chosen for them."""

    class Email(models.TextChoices):
        IMMEDIATELY = "immediately", "Direkt"
        DIGEST = "digest", "I sammanfattningen"
        NEVER = "never", "Aldrig"

    class Frequency(models.TextChoices):
        DAILY = "daily", "Varje dag"
        WEEKLY = "weekly", "Varje vecka"
        NEVER = "never", "Aldrig"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    reply_email = models.CharField(
        "e-post om svar och nya ämnen",
        max_length=20,
        choices=Email,
        default=Email.IMMEDIATELY,
        help_text="Svar i ämnen du bevakar och nya ämnen i forum du bevakar.",
    )
    mention_email = models.CharField(
        "e-post när någon nämner dig", max_length=20, choices=Email, default=Email.IMMEDIATELY
    )
    digest_frequency = models.CharField(
        "sammanfattning med e-post",
        max_length=20,
        choices=Frequency,
        default=Frequency.NEVER,
        help_text="Nya ämnen och livliga samtal i forumen, kommande aktiviteter och nyheter.",
    )

    class Meta:
        verbose_name = "inställningar för notiser"
        verbose_name_plural = "inställningar för notiser"

    def __str__(self):
        return f"Notisinställningar för {self.user_id}"


class ForumSubscription(models.Model):
    """A member who follows a whole forum hears about every new topic in it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    forum = models.ForeignKey("forum.Forum", on_delete=models.CASCADE, related_name="+", verbose_name="forum")
    created = models.DateTimeField("skapad", auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "forum"], name="forum_subscription_unique")]
        verbose_name = "bevakning av forum"
        verbose_name_plural = "bevakningar av forum"

    def __str__(self):
        return f"{self.user_id} bevakar forum {self.forum_id}"


class DigestDelivery(models.Model):
    """One digest sent to one member for one period: a period is never sent twice, and a run that
    stopped half-way sends only the rest when it runs again."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=20, choices=NotificationSettings.Frequency)
    period_start = models.DateTimeField("periodens början")
    period_end = models.DateTimeField("periodens slut")
    sent_at = models.DateTimeField("skickad", auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "frequency", "period_end"], name="digest_delivery_once")]
        verbose_name = "skickad sammanfattning"
        verbose_name_plural = "skickade sammanfattningar"

    def __str__(self):
        return f"Sammanfattning till {self.user_id} för {self.period_end:%Y-%m-%d}"
