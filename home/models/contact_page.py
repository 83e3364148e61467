import logging
import smtplib
from http import HTTPMethod

from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from arena.forms import SingleLineCharField
from home.contact import take_submission_slot

from .base import BasePage

logger = logging.getLogger(__name__)

# Bots fill every field they find; people never see this one. An English name on purpose: spam
# scripts look for "website", and no editor will name a field of the Swedish form that.
HONEYPOT_FIELD = "website"
RATE_LIMITED_MESSAGE = (
    "Du har skickat många meddelanden på kort tid. Vänta en stund och försök igen, eller skriv "
    "till oss med vanlig e-post."
)


# Fields about the sender say what they are, so browsers can fill them in (WCAG 1.3.5).
AUTOCOMPLETE = {"namn": "name", "e_post": "email", "epost": "email", "organisation": "organization"}


class ContactFormBuilder(FormBuilder):
    """The editors' fields plus the honeypot; a one-line field keeps its answer on one line."""

    def create_singleline_field(self, field, options):
        options["max_length"] = 255
        return SingleLineCharField(**options)

    @property
    def formfields(self):
        fields = super().formfields
        for name, field in fields.items():
            if name in AUTOCOMPLETE:
                field.widget.attrs["autocomplete"] = AUTOCOMPLETE[name]
        fields[HONEYPOT_FIELD] = forms.CharField(
            label="Lämna detta fält tomt",
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )
        return fields


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", verbose_name="sida", on_delete=models.CASCADE, related_name="form_fields")

    class Meta(AbstractFormField.Meta):
        verbose_name = "formulärfält"
        verbose_name_plural = "formulärfält"


class ContactPage(AbstractEmailForm, BasePage):
    """The contact form: each message is stored for the communicators and e-mailed to the
    association. Editors choose the form's fields."""

    introduction = RichTextField("ingress", blank=True, features=["bold", "italic", "link"])
    privacy_notice = RichTextField(
        "integritetstext",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Visas ovanför skicka-knappen: hur länge meddelandet sparas och länk till integritetssidan.",
    )
    thank_you_text = RichTextField(
        "tack-text", blank=True, features=["bold", "italic", "link"], help_text="Visas när meddelandet har skickats."
    )

    content_panels = [
        *BasePage.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Formulärfält"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-post till föreningen",
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "home/contact_page.html"
    landing_page_template = "home/contact_page_landing.html"
    form_builder = ContactFormBuilder
    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]

    class Meta:
        verbose_name = "kontaktsida"
        verbose_name_plural = "kontaktsidor"

    def get_submissions_list_view_class(self):
        # Wagtail's admin views cannot be imported while models load; Wagtail's own method imports
        # its view here for the same reason.
        from home.submissions import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = HONEYPOT_FIELD
        context["retention_days"] = settings.CONTACT_SUBMISSION_RETENTION_DAYS
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        # A filled honeypot is a bot: it gets the thank-you page, nothing is stored or sent.
        if request.POST.get(HONEYPOT_FIELD, "").strip():
            return self.render_landing_page(request, None, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.is_valid():
            form.cleaned_data.pop(HONEYPOT_FIELD, None)
            if take_submission_slot(request):
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(None, RATE_LIMITED_MESSAGE)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def send_mail(self, form):
        # The message is already stored for the communicators; a mail server that is down must
        # not turn the visitor's thank-you page into an error page.
        try:
            super().send_mail(form)
        except (smtplib.SMTPException, OSError):
            logger.exception("Kontaktformulärets e-post till %s kunde inte skickas", self.to_address)
