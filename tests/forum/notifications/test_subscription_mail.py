"""Subscribers of a topic get e-mail when a post becomes visible, and can unsubscribe in one click."""

import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from machina.core.db.models import get_model

from forum.models import PostReport
from forum.moderation.services import send_post_hidden_notice
from forum.notifications.links import unsubscribe_token
from forum.permissions import make_members_only, members_group
from tests.forum.factories import (
    ForumMemberFactory,
    ForumModeratorFactory,
    MemberProfileFactory,
    PostFactory,
    TopicFactory,
)
from tests.forum.helpers import form_data, post_create_url, topic_create_url

Post = get_model("forum_conversation", "Post")
Topic = get_model("forum_conversation", "Topic")
ForumPermission = get_model("forum_permission", "ForumPermission")
GroupForumPermission = get_model("forum_permission", "GroupForumPermission")


def write(client, url, **values):
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, form_data(page.content.decode(), "form.forum-form", **values))
    assert response.status_code == 302, response.content.decode()


@pytest.fixture
def author(client, public_forum, django_capture_on_commit_callbacks):
    """A member who started a topic through the site."""
    member = ForumMemberFactory(first_name="Anna", last_name="Ahl", email="anna@example.se")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        write(client, topic_create_url(public_forum), subject="Kompetens i vården", content="Hur hittar vi folk?")
    client.logout()
    return member


@pytest.fixture
def topic(author):
    return Topic.objects.get(subject="Kompetens i vården")


def unsubscribe_path(mail):
    return re.search(r"https?://[^/\s]+(/forum-avprenumerera/[^/\s]+/)", mail.body).group(1)


def test_reply_by_another_member_emails_the_subscriber_but_not_the_author(
    client, author, topic, mailoutbox, django_capture_on_commit_callbacks
):
    replier = ForumMemberFactory(first_name="Bo", last_name="Berg", email="bo@example.se")
    client.force_login(replier)

    with django_capture_on_commit_callbacks(execute=True):
        write(client, post_create_url(topic), subject="Re: Kompetens", content="Vi har ett traineeprogram.")

    assert [mail.to for mail in mailoutbox] == [["anna@example.se"]]
    mail = mailoutbox[0]
    assert mail.subject == "Nytt inlägg i ”Kompetens i vården”"
    # Bo has no member profile (a staff account, say): never his real name or address.
    assert "Medlem har skrivit ett nytt inlägg" in mail.body
    assert "Bo Berg" not in mail.body and "bo@example.se" not in mail.body
    reply = Post.objects.get(content="Vi har ett traineeprogram.")
    assert f"?post={reply.pk}#{reply.pk}" in mail.body
    html, mimetype = mail.alternatives[0]
    assert mimetype == "text/html" and 'lang="sv"' in html and "Avsluta prenumerationen" in html
    assert mail.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe_path(mail)}>"
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Replying subscribes the replier too, so the author's next answer reaches them.
    assert topic.subscribers.filter(pk=replier.pk).exists()


def test_a_line_break_smuggled_into_a_subject_does_not_stop_the_mail(
    topic, mailoutbox, django_capture_on_commit_callbacks
):
    Topic.objects.filter(pk=topic.pk).update(subject="Kompetens\nBcc: spam@example.org")
    topic.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Svar", content="Ett svar.")

    assert [mail.subject for mail in mailoutbox] == ["Nytt inlägg i ”Kompetens Bcc: spam@example.org”"]
    assert mailoutbox[0].bcc == []


def test_the_author_of_a_new_topic_is_subscribed_and_gets_no_mail_about_it(author, topic, mailoutbox):
    assert list(topic.subscribers.all()) == [author]
    assert mailoutbox == []


def test_mail_is_sent_only_after_the_post_is_committed(topic, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Svar", content="Ett svar.")

    assert mailoutbox == []
    for callback in callbacks:  # the commit: the mail, and the page cache's invalidation
        callback()
    assert len(mailoutbox) == 1


def test_a_post_waiting_for_approval_is_mailed_only_when_a_moderator_approves_it(
    client, topic, mailoutbox, django_capture_on_commit_callbacks
):
    GroupForumPermission.objects.create(
        permission=ForumPermission.objects.get(codename="can_post_without_approval"),
        group=members_group(),
        forum=topic.forum,
        has_perm=False,
    )
    client.force_login(ForumMemberFactory())
    with django_capture_on_commit_callbacks(execute=True):
        write(client, post_create_url(topic), subject="Re: Kompetens", content="Kräver godkännande.")
    pending = Post.objects.get(content="Kräver godkännande.")
    assert not pending.approved
    assert mailoutbox == []

    client.force_login(ForumModeratorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum_moderation:approve_queued_post", args=[pending.pk]))

    pending.refresh_from_db()
    assert pending.approved
    assert [mail.to for mail in mailoutbox] == [["anna@example.se"]]


def test_a_subscriber_who_can_no_longer_read_the_forum_gets_no_mail(
    author, topic, mailoutbox, django_capture_on_commit_callbacks
):
    make_members_only(topic.forum)
    author.groups.clear()

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Svar", content="Ett svar.")

    assert mailoutbox == []


def test_unsubscribe_link_works_logged_out_with_a_confirmation_button(
    author, topic, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic=topic, poster=ForumMemberFactory(), subject="Svar", content="Ett svar.")
    path = unsubscribe_path(mailoutbox[0])
    browser = Client(enforce_csrf_checks=True)

    page = browser.get(path)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert '<meta name="referrer" content="same-origin">' in page.content.decode()
    assert "Vill du sluta få e-post om nya inlägg i ämnet ”Kompetens i vården”?" in page.content.decode()
    assert topic.subscribers.filter(pk=author.pk).exists()  # a GET (e.g. a link scanner) changes nothing

    response = browser.post(path, form_data(page.content.decode(), "main form"))

    assert response.status_code == 200
    assert "Du prenumererar inte längre på ämnet ”Kompetens i vården”" in response.content.decode()
    assert not topic.subscribers.filter(pk=author.pk).exists()


def test_rfc_8058_one_click_post_unsubscribes_without_a_csrf_token(author, topic):
    path = reverse("forum_unsubscribe", args=[unsubscribe_token(author, topic)])

    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert not topic.subscribers.filter(pk=author.pk).exists()


def test_a_form_post_without_csrf_token_is_refused(author, topic):
    path = reverse("forum_unsubscribe", args=[unsubscribe_token(author, topic)])

    response = Client(enforce_csrf_checks=True).post(path, {})

    assert response.status_code == 403
    assert topic.subscribers.filter(pk=author.pk).exists()


def test_a_reused_link_says_the_subscription_has_already_ended(client, author, topic):
    path = reverse("forum_unsubscribe", args=[unsubscribe_token(author, topic)])
    client.post(path)

    again = client.get(path)

    assert again.status_code == 200
    html = again.content.decode()
    assert "Du prenumererar inte längre på ämnet ”Kompetens i vården”" in html
    assert "Avsluta prenumerationen</button>" not in html


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token: signing.dumps({"u": 1, "t": 1}, salt="another-salt"),
        lambda token: "inte-en-token",
    ],
    ids=["changed signature", "wrong salt", "garbage"],
)
def test_a_tampered_token_gets_a_swedish_error_page(client, author, topic, tamper):
    token = tamper(unsubscribe_token(author, topic))

    response = client.get(reverse("forum_unsubscribe", args=[token]))

    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()
    assert topic.subscribers.filter(pk=author.pk).exists()


def test_a_link_to_a_deleted_topic_is_not_found(client, author, home_page):
    other = TopicFactory()
    token = unsubscribe_token(author, other)
    other.delete()

    response = client.get(reverse("forum_unsubscribe", args=[token]))

    assert response.status_code == 404
    assert "Länken fungerar inte" in response.content.decode()


def bo_berg():
    user = ForumMemberFactory(username="bo.berg@firma.se", email="bo.berg@firma.se", first_name="Bo", last_name="Berg")
    return MemberProfileFactory(user=user, display_name="Cykel-Bo").user


def test_mail_names_author_and_recipient_by_display_name_only(
    client, public_forum, mailoutbox, django_capture_on_commit_callbacks
):
    """Neither the real name nor the username (an e-mail address) of anyone is in the mail."""
    author = bo_berg()
    subscriber = MemberProfileFactory(
        user=ForumMemberFactory(username="eva@kommun.se", email="eva@kommun.se", first_name="Eva", last_name="Ek"),
        display_name="Eva på kommunen",
    ).user
    topic = PostFactory(topic__forum=public_forum, topic__poster=subscriber, topic__subject="Cykelvägar").topic
    topic.subscribers.add(subscriber)

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic=topic, poster=author, subject="Re: Cykelvägar", content="Fler cykelställ!")

    [mail] = mailoutbox
    for text in (mail.body, mail.alternatives[0][0]):
        assert "Cykel-Bo har skrivit ett nytt inlägg" in text
        assert "Hej Eva på kommunen!" in text
        for private in ("Bo Berg", "bo.berg@firma.se", "Hej Eva!", "Eva Ek", "eva@kommun.se"):
            assert private not in text


def test_post_hidden_mail_greets_the_author_by_display_name(client, public_forum, mailoutbox):
    author = bo_berg()
    post = PostFactory(topic__forum=public_forum, topic__poster=author)
    report = PostReport.objects.create(post=post, reporter=ForumMemberFactory(), reason="Reklam.")

    send_post_hidden_notice.call(report.pk)

    [mail] = mailoutbox
    for text in (mail.body, mail.alternatives[0][0]):
        assert "Hej Cykel-Bo!" in text
        assert "Bo Berg" not in text and "Hej Bo" not in text
