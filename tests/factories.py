"""Factories for the test suite. Pages are added below a parent the way Wagtail requires."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from home.models import EventIndexPage, EventPage, EventRegistration, HomePage, StandardPage


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


class EventIndexPageFactory(PageFactory):
    title = "Aktiviteter"
    slug = "aktiviteter"
    introduction = "Frukostmöten, seminarier och studiebesök för kommun och näringsliv."

    class Meta:
        model = EventIndexPage


class EventPageFactory(PageFactory):
    """An event a fortnight from now, from 08.00 to 09.30 Stockholm time."""

    title = factory.Sequence(lambda n: f"Frukostmöte {n}")
    start = factory.LazyFunction(
        lambda: timezone.localtime().replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(days=14)
    )
    end = factory.LazyAttribute(lambda event: event.start + timedelta(minutes=90))
    place = "Huddinge kommunhus, Sjödalsvägen 1"
    organiser = "Arena Huddinge"

    class Meta:
        model = EventPage


class EventRegistrationFactory(factory.django.DjangoModelFactory):
    name = "Alex Svensson"
    email = factory.Sequence(lambda n: f"deltagare{n}@example.se")
    organisation = "Huddinge Bygg AB"

    class Meta:
        model = EventRegistration
