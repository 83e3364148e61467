"""Factories for the test suite. Pages are added below a parent the way Wagtail requires."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from machina.core.db.models import get_model
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from forum.membership.validators import luhn_check_digit
from forum.models import MemberProfile, MembershipApplication, Organisation, PostReport, Sector
from forum.permissions import members_group, moderators_group
from home.models import (
    ActivityPlanIndexPage,
    ActivityPlanPage,
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

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
TopicPoll = get_model("forum_polls", "TopicPoll")
TopicPollOption = get_model("forum_polls", "TopicPollOption")
TopicPollVote = get_model("forum_polls", "TopicPollVote")
ForumProfile = get_model("forum_member", "ForumProfile")
TopicReadTrack = get_model("forum_tracking", "TopicReadTrack")
Attachment = get_model("forum_attachments", "Attachment")


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}@example.se")
    email = factory.SelfAttribute("username")
    first_name = "Kim"
    last_name = "Andersson"
    password = factory.django.Password("ett-langt-testlosenord")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True


class ForumMemberFactory(UserFactory):
    """A user in the group Medlemmar (the groups come from forum's data migration)."""

    first_name = "Maja"
    last_name = "Medlem"

    @factory.post_generation
    def forum_group(self, create, extracted, **kwargs):
        self.groups.add(members_group())


class ForumModeratorFactory(UserFactory):
    first_name = "Mona"
    last_name = "Moderator"

    @factory.post_generation
    def forum_group(self, create, extracted, **kwargs):
        self.groups.add(moderators_group())


class CommunicatorFactory(UserFactory):
    """An editor of the public site (the group Kommunikatörer from home's migrations), not a forum member."""

    first_name = "Karin"
    last_name = "Kommunikatör"

    @factory.post_generation
    def editor_group(self, create, extracted, **kwargs):
        self.groups.add(Group.objects.get(name="Kommunikatörer"))


class ForumFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.LazyAttribute(lambda forum: slugify(forum.name))
    type = Forum.FORUM_POST

    class Meta:
        model = Forum


class TopicFactory(factory.django.DjangoModelFactory):
    forum = factory.SubFactory(ForumFactory)
    poster = factory.SubFactory(ForumMemberFactory)
    subject = factory.Sequence(lambda n: f"Ämne {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.subject))
    type = Topic.TOPIC_POST
    status = Topic.TOPIC_UNLOCKED

    class Meta:
        model = Topic


class PostFactory(factory.django.DjangoModelFactory):
    """A post; without a topic it starts a new one, written by the same person."""

    topic = factory.SubFactory(TopicFactory)
    poster = factory.SelfAttribute("topic.poster")
    subject = factory.SelfAttribute("topic.subject")
    content = "Ett inlägg om hur kommunen och företagen kan samarbeta."

    class Meta:
        model = Post


class TopicPollFactory(factory.django.DjangoModelFactory):
    topic = factory.SubFactory(TopicFactory)
    question = "Vilken tid passar bäst för frukostmötet?"

    class Meta:
        model = TopicPoll


class TopicPollOptionFactory(factory.django.DjangoModelFactory):
    poll = factory.SubFactory(TopicPollFactory)
    text = "Klockan 07.30"

    class Meta:
        model = TopicPollOption


class TopicPollVoteFactory(factory.django.DjangoModelFactory):
    poll_option = factory.SubFactory(TopicPollOptionFactory)
    voter = factory.SubFactory(ForumMemberFactory)

    class Meta:
        model = TopicPollVote


class ForumProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(ForumMemberFactory)
    signature = "Näringslivsutvecklare i Huddinge"

    class Meta:
        model = ForumProfile
        django_get_or_create = ["user"]


class TopicReadTrackFactory(factory.django.DjangoModelFactory):
    topic = factory.SubFactory(TopicFactory)
    user = factory.SubFactory(ForumMemberFactory)

    class Meta:
        model = TopicReadTrack


class PostReportFactory(factory.django.DjangoModelFactory):
    post = factory.SubFactory(PostFactory)
    reporter = factory.SubFactory(ForumMemberFactory)
    reason = "Inlägget innehåller reklam."

    class Meta:
        model = PostReport


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


def organisation_number(n):
    """A valid, unique organisation number (series 559, which the fixed numbers in tests avoid)."""
    digits = f"559{800000 + n:06d}"
    return f"{digits[:6]}-{digits[6:]}{luhn_check_digit(digits)}"


class MemberDirectoryPageFactory(PageFactory):
    title = "Medlemmar"
    slug = "medlemmar"
    introduction = "Organisationerna som är med i Arena Huddinge."

    class Meta:
        model = MemberDirectoryPage


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
    verified_email = factory.LazyAttribute(lambda profile: profile.user.email.lower())

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
