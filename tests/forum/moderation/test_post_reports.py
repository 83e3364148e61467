"""Members report posts; moderators hide them or dismiss the report, and the author is told why."""

import pytest
from django.urls import reverse
from machina.core.db.models import get_model

from forum.machina.links import topic_url
from forum.models import PostReport
from tests.forum.factories import ForumMemberFactory, ForumModeratorFactory, PostFactory, TopicFactory, UserFactory
from tests.forum.helpers import forum_url

Post = get_model("forum_conversation", "Post")

QUEUE_URL = "/forum-moderering/anmalningar/"


@pytest.fixture
def topic(public_forum):
    author = ForumMemberFactory(first_name="Per", last_name="Persson", email="per@example.se")
    topic = TopicFactory(forum=public_forum, poster=author, subject="Parkering vid stationen")
    PostFactory(topic=topic, content="Vi behöver fler infartsparkeringar.")
    return topic


@pytest.fixture
def reply(topic):
    return PostFactory(
        topic=topic,
        poster=ForumMemberFactory(first_name="Rut", last_name="Rask", email="rut@example.se"),
        subject="Re: Parkering",
        content="Det här är ett osakligt påhopp.",
    )


@pytest.fixture
def report(reply):
    return PostReport.objects.create(post=reply, reporter=ForumMemberFactory(), reason="Personangrepp.")


def report_url(post):
    return reverse("forum_report_post", args=[post.pk])


def test_a_member_sees_a_report_link_on_each_post_and_reports_a_post(client, topic, reply):
    reporter = ForumMemberFactory()
    client.force_login(reporter)

    html = client.get(topic_url(topic)).content.decode()
    assert f'href="{report_url(reply)}"' in html
    assert html.count('class="forum-post__action">Anmäl<') == 2

    form_page = client.get(report_url(reply))
    assert form_page.status_code == 200
    assert "Varför anmäler du inlägget?" in form_page.content.decode()

    response = client.post(report_url(reply), {"reason": "Personangrepp mot en annan medlem."}, follow=True)

    report = PostReport.objects.get()
    assert (report.post, report.reporter, report.status) == (reply, reporter, PostReport.Status.OPEN)
    assert report.reason == "Personangrepp mot en annan medlem."
    assert "Tack! Moderatorerna har fått din anmälan" in response.content.decode()


def test_an_empty_reason_is_refused_next_to_the_field(client, reply):
    client.force_login(ForumMemberFactory())

    response = client.post(report_url(reply), {"reason": ""})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Skriv varför du anmäler inlägget." in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_reason_helptext id_reason_error"' in html
    assert not PostReport.objects.exists()


def test_a_member_cannot_report_her_own_post(client, topic, reply):
    client.force_login(reply.poster)

    html = client.get(topic_url(topic)).content.decode()
    assert f'href="{report_url(reply)}"' not in html
    assert html.count('class="forum-post__action">Anmäl<') == 1, "the other member's post can still be reported"

    response = client.post(report_url(reply), {"reason": "Jag ångrar mig."}, follow=True)

    assert "Du kan inte anmäla ditt eget inlägg" in response.content.decode()
    assert response.redirect_chain[0][0].endswith(f"?post={reply.pk}#{reply.pk}")
    assert not PostReport.objects.exists()


def test_anonymous_visitor_cannot_report_and_sees_no_report_link(client, topic, reply):
    assert "Anmäl" not in client.get(topic_url(topic)).content.decode()

    response = client.post(report_url(reply), {"reason": "Spam."})

    assert response.status_code == 302
    assert not PostReport.objects.exists()


def test_registered_non_member_cannot_report(client, topic, reply):
    client.force_login(UserFactory())

    assert 'class="forum-post__action">Anmäl<' not in client.get(topic_url(topic)).content.decode()
    assert client.post(report_url(reply), {"reason": "Spam."}).status_code == 403
    assert not PostReport.objects.exists()


@pytest.mark.parametrize("role", ["anonymous", "registered", "member"])
def test_only_moderators_see_the_report_queue(client, report, role):
    if role == "registered":
        client.force_login(UserFactory())
    elif role == "member":
        client.force_login(ForumMemberFactory())

    response = client.get(QUEUE_URL)

    assert response.status_code == (302 if role == "anonymous" else 403)
    assert "Anmälda inlägg" not in client.get("/forum/").content.decode()
    assert client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "hide"}).status_code in {302, 403}
    report.refresh_from_db()
    assert report.status == PostReport.Status.OPEN


def test_moderator_finds_the_queue_from_the_forum_and_sees_open_reports(client, topic, report):
    client.force_login(ForumModeratorFactory())
    assert f'<a href="{QUEUE_URL}">Anmälda inlägg</a>' in client.get(topic_url(topic)).content.decode()

    html = client.get(QUEUE_URL).content.decode()

    assert "1 anmälan väntar." in html
    assert "Re: Parkering" in html
    assert "Personangrepp." in html
    assert "Rut Rask" in html
    assert "Dölj inlägget" in html and "Avfärda anmälan" in html


def test_the_queue_names_people_by_display_name_never_by_e_mail(client, report):
    author = report.post.poster
    author.first_name = author.last_name = ""
    author.save()
    client.force_login(ForumModeratorFactory())

    html = client.get(QUEUE_URL).content.decode()

    assert author.username not in html
    assert "<dt>Skrivet av</dt><dd>Medlem</dd>" in html


def test_hiding_a_post_removes_it_from_public_view_and_records_who_and_when(
    client, topic, reply, report, mailoutbox, django_capture_on_commit_callbacks
):
    moderator = ForumModeratorFactory()
    client.force_login(moderator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{QUEUE_URL}{report.pk}/",
            {f"r{report.pk}-action": "hide", f"r{report.pk}-note": "Inlägget angriper en person, inte en sakfråga."},
            follow=True,
        )

    assert "är dolt och skribenten har fått e-post" in response.content.decode()
    report.refresh_from_db()
    assert report.status == PostReport.Status.HIDDEN
    assert report.handled_by == moderator
    assert report.handled_at is not None
    assert report.note == "Inlägget angriper en person, inte en sakfråga."
    reply.refresh_from_db()
    assert not reply.approved

    client.logout()
    public_html = client.get(topic_url(topic)).content.decode()
    assert "Vi behöver fler infartsparkeringar." in public_html
    assert "Det här är ett osakligt påhopp." not in public_html

    assert [mail.to for mail in mailoutbox] == [["rut@example.se"]]
    mail = mailoutbox[0]
    assert mail.subject == "Ditt inlägg i ”Parkering vid stationen” har dolts"
    assert "Inlägget angriper en person, inte en sakfråga." in mail.body
    assert "Inlägget angriper en person, inte en sakfråga." in mail.alternatives[0][0]


def test_hiding_the_first_post_hides_the_whole_topic(client, topic, mailoutbox):
    head = topic.first_post
    report = PostReport.objects.create(post=head, reporter=ForumMemberFactory(), reason="Reklam.")
    client.force_login(ForumModeratorFactory())

    client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "hide"})

    client.logout()
    assert "Parkering vid stationen" not in client.get(forum_url(topic.forum)).content.decode()
    # machina still answers the topic's address, but without the hidden post.
    assert "Vi behöver fler infartsparkeringar." not in client.get(topic_url(topic)).content.decode()


def test_dismissing_a_report_keeps_the_post_and_closes_the_report(client, topic, reply, report, mailoutbox):
    moderator = ForumModeratorFactory()
    client.force_login(moderator)

    client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "dismiss"})

    report.refresh_from_db()
    assert (report.status, report.handled_by) == (PostReport.Status.DISMISSED, moderator)
    assert report.handled_at is not None
    reply.refresh_from_db()
    assert reply.approved
    assert mailoutbox == []
    queue = client.get(QUEUE_URL).content.decode()
    assert "Anmälan av ”Re: Parkering” är avfärdad." in queue
    assert "Inga anmälningar väntar just nu." in queue


def test_handling_a_report_closes_the_other_open_reports_of_the_same_post(client, reply, report):
    second = PostReport.objects.create(post=reply, reporter=ForumMemberFactory(), reason="Osakligt.")
    moderator = ForumModeratorFactory()
    client.force_login(moderator)

    client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "dismiss"})

    second.refresh_from_db()
    assert (second.status, second.handled_by) == (PostReport.Status.DISMISSED, moderator)


def test_a_missing_choice_is_shown_without_handling_the_report(client, report):
    client.force_login(ForumModeratorFactory())

    response = client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-note": "Hmm"})

    assert response.status_code == 400
    assert "Välj om inlägget ska döljas eller om anmälan ska avfärdas." in response.content.decode()
    report.refresh_from_db()
    assert report.status == PostReport.Status.OPEN


def test_a_re_approved_hidden_post_does_not_mail_subscribers_again(
    client, reply, report, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(ForumModeratorFactory())
    client.post(f"{QUEUE_URL}{report.pk}/", {f"r{report.pk}-action": "hide"})
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("forum_moderation:approve_queued_post", args=[reply.pk]))

    reply.refresh_from_db()
    assert reply.approved
    assert mailoutbox == []
