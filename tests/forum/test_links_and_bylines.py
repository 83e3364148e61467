"""Links and bylines are built without Django's reverse and date filter on every row (speed);
they must read exactly as those would write them."""

import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from machina.core.db.models import get_model

from forum.machina.links import forum_url, profile_url, topic_url
from forum.templatetags.arena_forum import forum_time
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, TopicFactory, UserFactory

Topic = get_model("forum_conversation", "Topic")


@pytest.mark.django_db
def test_links_read_as_reverse_writes_them_with_swedish_letters_in_the_slugs(public_forum):
    public_forum.name = "Företagsklimat & året som gått"
    public_forum.save()
    topic = TopicFactory(forum=public_forum, subject="Möte på Södertörn?")
    # Slugs written before they were made ASCII keep their letters.
    Topic.objects.filter(pk=topic.pk).update(slug="möte-på-södertörn")
    topic.refresh_from_db()

    assert topic_url(topic) == reverse(
        "forum_conversation:topic",
        kwargs={"forum_slug": public_forum.slug, "forum_pk": public_forum.pk, "slug": topic.slug, "pk": topic.pk},
    )
    assert "%C3%B6" in topic_url(topic)
    assert forum_url(public_forum) == reverse("forum:forum", kwargs={"slug": public_forum.slug, "pk": public_forum.pk})
    assert profile_url(42) == reverse("forum_member:profile", args=[42])


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 1, 5, 8, 3, tzinfo=datetime.UTC),
        datetime.datetime(2026, 7, 31, 22, 30, tzinfo=datetime.UTC),  # the next day in Stockholm, summer time
    ],
)
def test_times_read_as_the_date_filter_writes_them(moment):
    by_filter = Template(
        "<time datetime=\"{{ moment|date:'Y-m-d\\TH:i:sO' }}\">{{ moment|date:'j F Y H:i' }}</time>"
    ).render(Context({"moment": moment}))

    assert forum_time(moment) == by_filter


@pytest.mark.django_db
def test_a_byline_links_the_name_for_members_only_and_shows_an_anonymous_posters_username():
    poster = MemberProfileFactory(display_name="Lena Holm").user
    moment = timezone.now()
    template = Template(
        "{% load arena_forum %}{% byline poster=poster date=moment %}|{% byline username='gäst' date=moment %}"
    )

    def render(viewer):
        request = RequestFactory().get("/")
        request.user = viewer
        return template.render(Context({"request": request, "poster": poster, "moment": moment}))

    as_member = render(ForumMemberFactory())
    as_outsider = render(UserFactory())

    assert f'Av: <a href="{profile_url(poster.pk)}">Lena Holm</a>, {forum_time(moment)}' in as_member
    assert f"Av: Lena Holm, {forum_time(moment)}" in as_outsider
    assert f"Av: gäst, {forum_time(moment)}" in as_member
