"""Factories for the editorial site. Pages are added below a parent the way Wagtail requires."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.models import (
    ActivityPlanIndexPage,
    ActivityPlanPage,
    ConclusionIndexPage,
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    EventRegistration,
    HomePage,
    MemberDirectoryPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from tests.forum.factories import UserFactory


class CommunicatorFactory(UserFactory):
    """An editor of the public site (the group Kommunikatörer from home's migrations), not a forum member."""

    first_name = "Karin"
    last_name = "Kommunikatör"

    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        self.groups.add(Group.objects.get(name="Kommunikatörer"))


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


class ContactPageFactory(PageFactory):
    """The contact page with the form fields the demo content gives it."""

    title = "Kontakt"
    slug = "kontakt"
    introduction = "<p>Skriv till oss.</p>"
    privacy_notice = '<p>Läs hur vi <a href="/integritet/">behandlar dina personuppgifter</a>.</p>'
    to_address = "info@arenahuddinge.se"
    subject = "Nytt meddelande via webbplatsen"

    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    @factory.post_generation
    def form_fields(page, create, extracted, **kwargs):
        fields = extracted if extracted is not None else CONTACT_FORM_FIELDS
        for sort_order, (label, field_type, required) in enumerate(fields):
            ContactFormField.objects.create(
                page=page, sort_order=sort_order, label=label, field_type=field_type, required=required
            )


CONTACT_FORM_FIELDS = [
    ("Namn", "singleline", True),
    ("E-post", "email", True),
    ("Organisation", "singleline", False),
    ("Ämne", "singleline", True),
    ("Meddelande", "multiline", True),
]


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


class NewsIndexPageFactory(PageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    summary = "En kort sammanfattning av nyheten."

    class Meta:
        model = NewsPage


class ActivityPlanIndexPageFactory(PageFactory):
    title = "Verksamhetsplan"
    slug = "verksamhetsplan"

    class Meta:
        model = ActivityPlanIndexPage


class ActivityPlanPageFactory(PageFactory):
    year = 2023
    title = factory.LazyAttribute(lambda plan: f"Verksamhetsplan {plan.year}")
    slug = factory.LazyAttribute(lambda plan: str(plan.year))

    class Meta:
        model = ActivityPlanPage


class ConclusionIndexPageFactory(PageFactory):
    title = "Slutsatser"
    slug = "slutsatser"
    introduction = "Vad samtalen i forumet har kommit fram till."

    class Meta:
        model = ConclusionIndexPage


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document whose file is ``size`` bytes of a file named ``filename``."""

    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.LazyAttribute(lambda doc: ContentFile(b"%" * doc.size, name=doc.filename))

    class Meta:
        model = get_document_model()

    class Params:
        filename = "dokument.pdf"
        size = 1000


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"bild-{n}.png")
    description = "Människor samtalar runt ett frukostbord."
    file = factory.LazyFunction(get_test_image_file)

    class Meta:
        model = get_image_model()

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        image = model_class(*args, **kwargs)
        # Size and hash, as Wagtail's upload form sets them: the hash is part of the cache key of
        # each rendition, so another image under a reused id never gets this one's renditions.
        image._set_image_file_metadata()
        image.save()
        return image


class MemberDirectoryPageFactory(PageFactory):
    title = "Medlemmar"
    slug = "medlemmar"
    introduction = "Organisationerna som är med i Arena Huddinge."

    class Meta:
        model = MemberDirectoryPage
