"""Factories for the test suite. Pages are added below a parent the way Wagtail requires."""

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.models import ActivityPlanIndexPage, ActivityPlanPage, HomePage, NewsIndexPage, NewsPage, StandardPage


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
