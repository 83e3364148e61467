"""notify(): the one way every feature tells members something, in the site and by e-mail."""

import pytest
from django.urls import reverse

from forum.models import Notice, NotificationSettings
from forum.notifications.services import notify
from forum.permissions import make_members_only
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory, UserFactory


def named(display_name, **kwargs):
    return MemberProfileFactory(user=ForumMemberFactory(**kwargs), display_name=display_name).user


@pytest.fixture
def post(public_forum):
    return PostFactory(topic__forum=public_forum, topic__subject="Cykelvägar", poster=named("Eva på kommunen"))


def test_a_reaction_is_recorded_after_commit_for_the_author_only_in_the_site(
    post, mailoutbox, django_capture_on_commit_callbacks
):
    reactor = named("Cykel-Bo")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify([post.poster, reactor], Notice.Kind.REACTION, actor=reactor, post=post, text="Tack")
    assert not Notice.objects.exists()

    for callback in callbacks:
        callback()

    [notice] = Notice.objects.all()
    assert (notice.recipient, notice.actor, notice.post, notice.topic) == (post.poster, reactor, post, post.topic)
    assert notice.read_at is None
    assert mailoutbox == []  # reactions are shown in the site only


def test_a_mention_is_mailed_at_once_by_display_name_only(post, mailoutbox, django_capture_on_commit_callbacks):
    actor = named("Cykel-Bo", first_name="Bo", last_name="Berg", email="bo.berg@firma.se")
    with django_capture_on_commit_callbacks(execute=True):
        notify([post.poster], Notice.Kind.MENTION, actor=actor, post=post)

    [mail] = mailoutbox
    assert mail.subject == "Cykel-Bo nämnde dig i ”Cykelvägar”"
    assert mail.to == [post.poster.email]
    for text in (mail.body, mail.alternatives[0][0]):
        assert "Hej Eva på kommunen!" in text and "Cykel-Bo nämnde dig i ämnet ”Cykelvägar”." in text
        assert "Bo Berg" not in text and "bo.berg@firma.se" not in text


@pytest.mark.parametrize("choice", [NotificationSettings.Email.DIGEST, NotificationSettings.Email.NEVER])
def test_a_member_who_chose_the_digest_or_never_gets_no_mail_but_the_notice(
    post, mailoutbox, django_capture_on_commit_callbacks, choice
):
    NotificationSettings.objects.create(user=post.poster, mention_email=choice)
    with django_capture_on_commit_callbacks(execute=True):
        notify([post.poster], Notice.Kind.MENTION, actor=named("Cykel-Bo"), post=post)

    assert mailoutbox == []
    assert Notice.objects.filter(recipient=post.poster, kind=Notice.Kind.MENTION).count() == 1


def test_nobody_hears_about_a_forum_they_may_not_read_nor_twice(post, mailoutbox, django_capture_on_commit_callbacks):
    make_members_only(post.topic.forum)
    outsider, actor = UserFactory(), named("Cykel-Bo")
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            notify([outsider, post.poster], Notice.Kind.MENTION, actor=actor, post=post)

    assert list(Notice.objects.values_list("recipient", flat=True)) == [post.poster.pk]
    assert len(mailoutbox) == 1


def test_a_reaction_tells_the_author_in_the_site_once_however_often_it_is_toggled(
    client, post, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(named("Cykel-Bo"))
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("forum_react", args=[post.pk]), {"kind": "thanks"})

    [notice] = Notice.objects.filter(recipient=post.poster)
    assert (notice.kind, notice.text) == (Notice.Kind.REACTION, "Tack")
    assert mailoutbox == []
    client.force_login(post.poster)
    page = client.get(reverse("notices:list")).content.decode()
    assert "Cykel-Bo reagerade på ditt inlägg i ämnet ”Cykelvägar” (Tack)." in page
