"""@mentions: the longest display name after an @ names a member, links to the profile for members
and notifies the member (in the site, by e-mail per their settings), never someone outside the forum."""

import pytest
from django.urls import reverse

from forum.machina.markup import render_markdown
from forum.models import Notice, NotificationSettings
from forum.permissions import make_members_only
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory, UserFactory
from tests.forum.helpers import forum_url

pytestmark = pytest.mark.django_db


def named(display_name, **kwargs):
    return MemberProfileFactory(user=ForumMemberFactory(**kwargs), display_name=display_name).user


def profile(user):
    return reverse("forum_member:profile", kwargs={"pk": user.pk})


@pytest.fixture
def eva():
    return named("Eva på kommunen", email="eva@kommun.se")


def test_the_longest_known_display_name_wins_and_punctuation_ends_it(eva):
    short = named("Eva")
    bo = named("Cykel-Bo")

    html = render_markdown("Hej @eva på kommunen och @Eva, vad tycker @Cykel-Bo? Skriv till a@eva.se")

    assert f'<a href="{profile(eva)}">@Eva på kommunen</a> och <a href="{profile(short)}">@Eva</a>,' in html
    assert f'<a href="{profile(bo)}">@Cykel-Bo</a>?' in html
    assert "a@eva.se" in html


def test_unknown_names_code_and_links_stay_as_written(eva):
    html = render_markdown("@Ingen här. `@Eva på kommunen` och [@Eva på kommunen](https://example.se)")

    assert "@Ingen här." in html
    assert "<code>@Eva på kommunen</code>" in html
    assert profile(eva) not in html


def test_a_member_who_is_not_yet_approved_is_not_mentioned():
    pending = MemberProfileFactory(user=ForumMemberFactory(), display_name="Ny Person", is_approved=False).user

    assert profile(pending) not in render_markdown("Välkommen @Ny Person!")


def test_a_mention_notifies_once_by_e_mail_and_not_as_a_reply_too(
    eva, public_forum, mailoutbox, django_capture_on_commit_callbacks
):
    topic = PostFactory(topic__forum=public_forum, topic__subject="Cykelvägar", poster=eva).topic
    bo = named("Cykel-Bo", first_name="Bo", last_name="Berg")
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic=topic, poster=bo, content="Vad säger @Eva på kommunen om det här?")

    assert list(Notice.objects.filter(recipient=eva).values_list("kind", flat=True)) == [Notice.Kind.MENTION]
    [mail] = mailoutbox
    assert mail.subject == "Cykel-Bo nämnde dig i ”Cykelvägar”"
    assert "Bo Berg" not in mail.body


def test_a_member_who_chose_never_for_mentions_gets_only_the_notice(
    eva, public_forum, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=eva, mention_email=NotificationSettings.Email.NEVER)
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic__forum=public_forum, poster=named("Cykel-Bo"), content="Hej @Eva på kommunen")

    assert mailoutbox == []
    assert Notice.objects.filter(recipient=eva, kind=Notice.Kind.MENTION).exists()


def test_nobody_who_cannot_read_the_forum_is_notified(members_forum, django_capture_on_commit_callbacks):
    make_members_only(members_forum)
    outsider = MemberProfileFactory(user=UserFactory(), display_name="Utanför").user
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic__forum=members_forum, poster=named("Cykel-Bo"), content="Hej @Utanför")

    assert not Notice.objects.filter(recipient=outsider).exists()


def test_members_see_a_profile_link_visitors_plain_text(client, eva, public_forum):
    post = PostFactory(topic__forum=public_forum, poster=named("Cykel-Bo"), content="Tack @Eva på kommunen!")
    topic_page = reverse(
        "forum_conversation:topic",
        kwargs={
            "forum_slug": public_forum.slug,
            "forum_pk": public_forum.pk,
            "slug": post.topic.slug,
            "pk": post.topic.pk,
        },
    )

    visitor_html = client.get(topic_page).content.decode()
    assert '<span class="mention">@Eva på kommunen</span>' in visitor_html
    assert profile(eva) not in visitor_html

    client.force_login(named("Läsare"))
    assert f'<a href="{profile(eva)}">@Eva på kommunen</a>' in client.get(topic_page).content.decode()
    assert client.get(forum_url(public_forum)).status_code == 200


def suggestions(client, forum, query):
    return client.get(reverse("mention_suggestions"), {"forum": forum.pk, "q": query})


def test_the_composer_suggests_members_who_may_read_the_forum(client, eva, members_forum):
    named("Evert i näringslivet")
    MemberProfileFactory(user=UserFactory(), display_name="Evelina utanför")  # reads public forums only
    client.force_login(named("Cykel-Bo"))

    response = suggestions(client, members_forum, "ev")

    assert response.json() == {"members": [{"name": "Eva på kommunen"}, {"name": "Evert i näringslivet"}]}


def test_suggestions_are_for_forum_members_and_forums_they_read(client, eva, members_forum):
    assert suggestions(client, members_forum, "ev").status_code == 302  # to log in
    client.force_login(UserFactory())
    assert suggestions(client, members_forum, "ev").status_code == 403
    client.force_login(named("Cykel-Bo"))
    assert client.get(reverse("mention_suggestions"), {"forum": "x", "q": "ev"}).status_code == 404
