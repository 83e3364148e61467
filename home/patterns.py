"""The pattern page at /komponenter/: every component of templates/components/ in every state, for
developers (only with DEBUG on; a 404 otherwise). The accessibility audit reads it too
(tests/audited_pages.py, ``developer_audited_urls``)."""

import datetime

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.images import get_image_model

SECTORS = [("kommun", "Kommun"), ("naringsliv", "Näringsliv")]
PAGINATED = Paginator(range(200), 10)


class PatternForm(forms.Form):
    """One field of every kind the form-field component renders."""

    name = forms.CharField(label="Namn", help_text="Som det står på din legitimation.")
    email = forms.EmailField(label="E-post")
    message = forms.CharField(label="Meddelande", widget=forms.Textarea(attrs={"rows": 4}))
    sector = forms.ChoiceField(label="Sektor", choices=[("", "Välj sektor"), *SECTORS])
    size = forms.ChoiceField(
        label="Organisationens storlek",
        choices=[("liten", "1–9 anställda"), ("mellan", "10–249 anställda"), ("stor", "250 anställda eller fler")],
        widget=forms.RadioSelect,
    )
    interests = forms.MultipleChoiceField(
        label="Intressen",
        choices=[("frukost", "Frukostmöten"), ("dialog", "Dialogmöten"), ("studiebesok", "Studiebesök")],
        widget=forms.CheckboxSelectMultiple,
        help_text="Välj så många du vill.",
    )
    logo = forms.FileField(label="Logotyp", help_text="PNG eller SVG, högst 2 MB.")
    consent = forms.BooleanField(label="Jag har läst hur föreningen hanterar personuppgifter")
    note = forms.CharField(label="Övrigt", required=False)


def patterns(request):
    if not settings.DEBUG:
        raise Http404
    invalid = PatternForm({"name": "", "email": "inte-en-adress", "message": "", "sector": ""}, prefix="fel")
    invalid.is_valid()
    context = {
        "swatches": ["ink", "muted", "brand", "accent", "naringsliv", "sand", "brand-soft", "error", "success"],
        "today": datetime.date.today(),
        "form": PatternForm(prefix="tom"),
        "invalid_form": invalid,
        "image": get_image_model().objects.first(),
        "paginations": [
            ("Första sidan av 20", PAGINATED.page(1)),
            ("En sida i mitten", PAGINATED.page(10)),
            ("Sista sidan", PAGINATED.page(20)),
        ],
        "single_page": Paginator(range(3), 10).page(1),
        "table_head": ["Aktivitet", "Datum", "Platser kvar"],
        "table_rows": [
            ["Frukostmöte om kompetensförsörjning", "12 mars", "14"],
            ["Dialogmöte om samhällsbyggnad", "9 april", "0"],
            ["Studiebesök i den nya stadsdelen", "21 maj", "30"],
        ],
        "breadcrumb_items": [
            {"title": "Startsida", "url": "/"},
            {"title": "Aktiviteter", "url": "/aktiviteter/"},
            {"title": "Dialogmöte om samhällsbyggnad", "url": request.path, "current": True},
        ],
        "long_url": "https://www.huddinge.se/naringsliv-och-arbete/starta-och-driva-foretag/"
        "tillstand-och-regler-for-foretagare/livsmedelsverksamhet/",
    }
    return TemplateResponse(request, "home/patterns.html", context)
