"""Factories for the test suite. Pages are added below a parent the way Wagtail requires."""

import factory
from django.contrib.auth import get_user_model
from wagtail.models import Page

from forum.models import MemberProfile, MembershipApplication, Organisation, Sector
from forum.validators import luhn_check_digit
from home.models import HomePage, StandardPage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}@example.se")
    email = factory.SelfAttribute("username")
    first_name = "Kim"
    last_name = "Andersson"
    password = factory.django.Password("ett-langt-testlosenord")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class PageFactory(factory.django.DjangoModelFactory):
    """Base for page factories: ``parent`` is the page the new page is added below."""

    title = factory.Sequence(lambda n: f"Sida {n}")
    live = True

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or Page.get_first_root_node()).add_child(instance=page)
        return page


class HomePageFactory(PageFactory):
    title = "Startsida"
    slug = "start"
    hero_heading = "Där kommun och näringsliv möts"
    introduction = "En mötesplats för Huddinge kommun och företagen i Huddinge."

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    introduction = "En ingress om verksamheten."

    class Meta:
        model = StandardPage


def organisation_number(n):
    """A valid, unique organisation number (series 559, which the fixed numbers in tests avoid)."""
    digits = f"559{800000 + n:06d}"
    return f"{digits[:6]}-{digits[6:]}{luhn_check_digit(digits)}"


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n} AB")
    organisation_number = factory.Sequence(organisation_number)
    sector = Sector.NARINGSLIV
    description = "Ett lokalt företag i Huddinge."

    class Meta:
        model = Organisation


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    title = "Verksamhetsutvecklare"
    display_name = factory.Sequence(lambda n: f"Medlem Nummer {n}")
    is_approved = True

    class Meta:
        model = MemberProfile


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    organisation_name = "Sjödalens Cykelverkstad AB"
    organisation_number = "556016-0680"
    sector = Sector.NARINGSLIV
    website = "https://cykelverkstad.example.se"
    description = "Vi lagar och säljer cyklar vid Sjödalstorget."
    contact_name = "Alva Lindqvist"
    contact_email = "alva@cykelverkstad.example.se"
    contact_phone = "08-123 456 78"
    contact_title = "Vd"
    privacy_consent = True

    class Meta:
        model = MembershipApplication
