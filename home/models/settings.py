from django.db import models
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
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
    membership_explanation = RichTextField(
        "vad medlemskapet innebär",
        blank=True,
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        help_text=(
            "Visas på sidan Bli medlem, ovanför ansökan: vem som kan bli medlem, vad det kostar, vad "
            "medlemmar får, hur ansökan prövas och hur lång tid det tar."
        ),
    )
    english_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="sida på engelska",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Länkas som ”English” i sidhuvudet och sidfoten.",
    )
    easy_read_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="sida på lättläst svenska",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Länkas som ”Lättläst” i sidhuvudet och sidfoten.",
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
            [FieldPanel("membership_heading"), FieldPanel("membership_text"), FieldPanel("membership_explanation")],
            heading="Medlemskap",
        ),
        MultiFieldPanel(
            [FieldPanel("english_page"), FieldPanel("easy_read_page")],
            heading="Andra språk och lättläst",
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
    def linked_page_ids(self):
        """The ids of the pages the settings link to."""
        page_ids = [
            self.english_page_id,
            self.easy_read_page_id,
            self.privacy_page_id,
            self.cookie_page_id,
            self.accessibility_page_id,
        ]
        return [page_id for page_id in page_ids if page_id]

    @cached_property
    def linked_pages(self):
        """{id: page} of the live, public pages the settings link to, in one query. The site's
        layout (navigation_tags.site_layout) sets them from the query of its menu instead."""
        return Page.objects.live().public().in_bulk(self.linked_page_ids)

    @property
    def legal_pages(self):
        """The live pages about privacy, cookies and accessibility that the footer links to."""
        page_ids = [self.privacy_page_id, self.cookie_page_id, self.accessibility_page_id]
        return [self.linked_pages[page_id] for page_id in page_ids if page_id in self.linked_pages]

    @property
    def language_links(self):
        """(word, language code, page) for the live pages in English and in easy-to-read Swedish:
        linked by their name in their own language, never by a flag."""
        pages = self.linked_pages
        links = [("English", "en", self.english_page_id), ("Lättläst", "sv", self.easy_read_page_id)]
        return [(word, code, pages[page_id]) for word, code, page_id in links if page_id in pages]
