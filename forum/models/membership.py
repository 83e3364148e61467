"""Membership: member organisations, their people and applications to join."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from forum.membership.display_names import display_name_skeleton, normalise_display_name
from forum.membership.fields import OrganisationNumberField
from forum.membership.validators import split_domains, validate_domain_list


class Sector(models.TextChoices):
    KOMMUN = "kommun", "Kommun"
    NARINGSLIV = "naringsliv", "Näringsliv"


class Organisation(models.Model):
    """A member organisation, from the municipality or from the local business community."""

    name = models.CharField("namn", max_length=200)
    organisation_number = OrganisationNumberField(
        "organisationsnummer",
        unique=True,
        error_messages={"unique": "Det finns redan en medlemsorganisation med detta organisationsnummer."},
        help_text="Tio siffror, till exempel 556036-0793.",
    )
    sector = models.CharField("sektor", max_length=20, choices=Sector.choices)
    website = models.URLField("webbplats", blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logotyp",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField("kort beskrivning", max_length=600, blank=True)
    listed_in_directory = models.BooleanField(
        "visas i medlemsförteckningen",
        default=False,
        help_text="Kryssa bara i om organisationen har godkänt att synas i den publika förteckningen.",
    )
    email_domains = models.CharField(
        "verifierade e-postdomäner",
        max_length=500,
        blank=True,
        validators=[validate_domain_list],
        help_text=(
            "Domäner åtskilda med kommatecken, till exempel huddinge.se. Den som registrerar sig "
            "med en adress på en av dessa domäner blir medlem så snart hen bekräftat adressen."
        ),
    )
    created_at = models.DateTimeField("skapad", auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation_number"),
        FieldPanel("sector"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("listed_in_directory"), FieldPanel("email_domains")],
            heading="Förteckning och registrering",
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "medlemsorganisation"
        verbose_name_plural = "medlemsorganisationer"

    def __str__(self):
        return self.name

    def clean(self):
        self.email_domains = ", ".join(split_domains(self.email_domains))

    def has_verified_domain(self, email):
        """Whether the e-mail address belongs to one of the organisation's verified domains."""
        _, at, domain = email.strip().lower().rpartition("@")
        return bool(at and domain) and domain in split_domains(self.email_domains)


DISPLAY_NAME_TAKEN_MESSAGE = "Visningsnamnet används redan av en annan medlem. Välj ett annat."


class MemberProfile(models.Model):
    """A person from a member organisation. Only the display name is ever shown publicly."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="användare",
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation", on_delete=models.PROTECT, related_name="members"
    )
    title = models.CharField("titel", max_length=150, blank=True)
    display_name = models.CharField(
        "visningsnamn",
        max_length=100,
        help_text="Visas i forumet i stället för namn och e-postadress.",
    )
    # What the display name looks like to a reader (forum/membership/display_names.py), kept by save().
    display_name_skeleton = models.TextField(editable=False, default="")
    is_approved = models.BooleanField("godkänd medlem", default=False)
    # The address the person proved to read, by following a link mailed to it. Messages, event
    # registrations and applications others sent in with the address belong to the account only
    # while it is the account's address (``email_verified``).
    verified_email = models.EmailField("bekräftad e-postadress", blank=True, editable=False)
    created_at = models.DateTimeField("skapad", auto_now_add=True)

    panels = [
        FieldPanel("display_name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
    ]

    class Meta:
        ordering = ["display_name"]
        verbose_name = "medlem"
        verbose_name_plural = "medlemmar"
        constraints = [
            # Nobody can pass themselves off as another member in the forum, not even with a name
            # that only looks the same.
            models.UniqueConstraint(
                fields=["display_name_skeleton"],
                name="unique_member_display_name_skeleton",
                violation_error_message=DISPLAY_NAME_TAKEN_MESSAGE,
            )
        ]

    def __str__(self):
        return f"{self.display_name} ({self.organisation})"

    def save(self, *args, **kwargs):
        self.display_name = normalise_display_name(self.display_name)
        self.display_name_skeleton = display_name_skeleton(self.display_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "display_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "display_name_skeleton"}
        super().save(*args, **kwargs)

    def clean(self):
        self.display_name = normalise_display_name(self.display_name)
        if MemberProfile.display_name_taken(self.display_name, exclude_pk=self.pk):
            raise ValidationError({"display_name": DISPLAY_NAME_TAKEN_MESSAGE}, code="display_name_taken")

    @property
    def email_verified(self):
        return bool(self.verified_email) and self.verified_email == self.user.email.lower()

    @property
    def awaits_email_confirmation(self):
        """Waiting for the person to follow the link sent to the address they registered with."""
        return not self.is_approved and not self.email_verified

    @classmethod
    def display_name_taken(cls, display_name, exclude_pk=None):
        """Whether another member goes by a name that looks the same."""
        skeleton = display_name_skeleton(display_name)
        return cls.objects.filter(display_name_skeleton=skeleton).exclude(pk=exclude_pk).exists()


class MembershipApplication(models.Model):
    """An organisation's application to join, reviewed by a communicator in the admin."""

    class Status(models.TextChoices):
        PENDING = "pending", "Väntar på beslut"
        APPROVED = "approved", "Godkänd"
        REJECTED = "rejected", "Avslagen"

    organisation_name = models.CharField("organisationens namn", max_length=200)
    organisation_number = OrganisationNumberField(
        "organisationsnummer", help_text="Tio siffror, till exempel 556036-0793."
    )
    sector = models.CharField("sektor", max_length=20, choices=Sector.choices)
    website = models.URLField("webbplats", blank=True)
    description = models.TextField("kort beskrivning av organisationen", max_length=600, blank=True)
    listed_in_directory = models.BooleanField(
        "organisationen får synas i den publika medlemsförteckningen", default=False
    )
    contact_name = models.CharField("kontaktpersonens namn", max_length=150)
    contact_email = models.EmailField("kontaktpersonens e-postadress")
    contact_phone = models.CharField("kontaktpersonens telefonnummer", max_length=30, blank=True)
    contact_title = models.CharField("kontaktpersonens titel", max_length=150, blank=True)
    privacy_consent = models.BooleanField("samtycke till behandling av personuppgifter", default=False)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField("skäl till avslag", blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="skapad organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="beslutad av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("beslutad", null=True, blank=True)
    created_at = models.DateTimeField("inkommen", auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("organisation_number"),
                FieldPanel("sector"),
                FieldPanel("website"),
                FieldPanel("description"),
                FieldPanel("listed_in_directory"),
            ],
            heading="Organisationen",
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_title"),
            ],
            heading="Kontaktperson",
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "medlemsansökan"
        verbose_name_plural = "medlemsansökningar"

    def __str__(self):
        return f"{self.organisation_name} ({self.get_status_display().lower()})"

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING
