from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The association's contact details and social links, shown in every page's footer."""

    organisation_name = models.CharField("organisationens namn", max_length=120, default="Arena Huddinge")
    street_address = models.TextField("postadress", blank=True, max_length=300)
    email = models.EmailField("e-postadress", blank=True)
    phone = models.CharField("telefonnummer", blank=True, max_length=40)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    membership_heading = models.CharField("rubrik", max_length=80, default="Bli medlem")
    membership_text = models.TextField(
        "text",
        max_length=400,
        blank=True,
        default=(
            "Är din organisation verksam i Huddinge? Som medlem möter du kommunen och andra företag "
            "i dialog, på våra aktiviteter och i forumet."
        ),
        help_text="Visas i sidfoten med en länk till ansökan om medlemskap.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="integritetssida",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cookie_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="sida om kakor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="tillgänglighetsredogörelse",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("street_address"), FieldPanel("email"), FieldPanel("phone")],
            heading="Kontaktuppgifter",
        ),
        MultiFieldPanel(
            [FieldPanel("linkedin_url"), FieldPanel("facebook_url"), FieldPanel("instagram_url")],
            heading="Sociala medier",
        ),
        MultiFieldPanel(
            [FieldPanel("membership_heading"), FieldPanel("membership_text")],
            heading="Uppmaning att bli medlem",
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("cookie_page"), FieldPanel("accessibility_page")],
            heading="Länkar i sidfoten",
        ),
    ]

    class Meta:
        verbose_name = "webbplatsinställningar"
        verbose_name_plural = "webbplatsinställningar"

    def __str__(self):
        return self.organisation_name

    @property
    def social_links(self):
        """(name, url) for each social network the association is on."""
        links = [("LinkedIn", self.linkedin_url), ("Facebook", self.facebook_url), ("Instagram", self.instagram_url)]
        return [(name, url) for name, url in links if url]

    @property
    def legal_pages(self):
        """The live pages about privacy, cookies and accessibility that the footer links to, in one query."""
        page_ids = [self.privacy_page_id, self.cookie_page_id, self.accessibility_page_id]
        pages = Page.objects.live().public().in_bulk([page_id for page_id in page_ids if page_id])
        return [pages[page_id] for page_id in page_ids if page_id in pages]
