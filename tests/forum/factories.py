"""Factories for the forum and its members: users in the forum's groups, forums, topics, posts,
polls, reports, conclusions, organisations, member profiles and membership applications."""

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from machina.core.db.models import get_model

from forum.machina.markup import render_markdown
from forum.membership.validators import luhn_check_digit
from forum.models import Conclusion, MemberProfile, MembershipApplication, Organisation, PostReport, Sector
from forum.permissions import members_group, moderators_group

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


class ConclusionFactory(factory.django.DjangoModelFactory):
    """A conclusion of a topic with a post in it (a topic is approved once its first post is)."""

    topic = factory.LazyFunction(lambda: PostFactory().topic)
    text = "Kommunen och företagen ordnar en gemensam rekryteringsdag i vår."
    text_html = factory.LazyAttribute(lambda conclusion: render_markdown(conclusion.text))
    follow_up = Conclusion.FollowUp.NO_ACTION
    sector_balance = Conclusion.SectorBalance.BOTH
    concluded_by = factory.SubFactory(ForumModeratorFactory)

    class Meta:
        model = Conclusion


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
