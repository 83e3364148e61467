"""A member chooses in "Mitt konto" what to get by e-mail, and follows whole forums."""

import pytest
from django.urls import reverse

from forum.models import ForumSubscription, Notice, NotificationSettings
from forum.permissions import make_members_only
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, PostFactory, UserFactory
from tests.forum.helpers import form_data, forum_url, submit_form, topic_create_url

SETTINGS_URL = "/konto/notiser/installningar/"


def named(display_name, **kwargs):
    return MemberProfileFactory(user=ForumMemberFactory(**kwargs), display_name=display_name).user


@pytest.fixture
def eva(db):
    return named("Eva på kommunen", email="eva@kommun.se")


def test_mitt_konto_links_to_the_settings_which_show_the_defaults(client, eva):
    client.force_login(eva)
    assert SETTINGS_URL in client.get("/konto/").content.decode()

    page = client.get(SETTINGS_URL).content.decode()

    assert 'name="reply_email" value="immediately" required id="id_reply_email_0" checked' in page
    assert 'name="digest_frequency" value="never" required id="id_digest_frequency_2" checked' in page


def test_replies_in_the_digest_mean_no_mail_at_once_but_a_notice(
    client, eva, public_forum, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(eva)
    response = submit_form(
        client, SETTINGS_URL, "form.form", reply_email="digest", mention_email="never", digest_frequency="weekly"
    )
    assert response.status_code == 302
    assert "Dina inställningar för notiser är sparade." in client.get(SETTINGS_URL).content.decode()
    settings = NotificationSettings.objects.get(user=eva)
    assert (settings.reply_email, settings.mention_email, settings.digest_frequency) == ("digest", "never", "weekly")

    topic = PostFactory(topic__forum=public_forum, poster=eva).topic
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic=topic, poster=named("Cykel-Bo"), content="Ett svar.")

    assert mailoutbox == []
    assert Notice.objects.filter(recipient=eva, kind=Notice.Kind.REPLY).count() == 1


def test_a_missing_choice_is_an_error_in_swedish_and_nothing_is_saved(client, eva):
    client.force_login(eva)
    page = client.get(SETTINGS_URL).content.decode()
    data = form_data(page, "form.form")
    data.pop("reply_email")

    response = client.post(SETTINGS_URL, data)

    assert response.status_code == 200
    assert "Välj ett av alternativen för e-post om svar och nya ämnen." in response.content.decode()
    assert not NotificationSettings.objects.exists()


def test_following_a_forum_from_its_page_brings_new_topics_not_replies(
    client, eva, public_forum, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(eva)
    page = client.get(forum_url(public_forum)).content.decode()
    assert "Bevaka forumet</button>" in page
    response = client.post(
        reverse("notices:follow_forum", args=[public_forum.pk]), form_data(page, "form.forum-follow")
    )
    assert response["Location"] == forum_url(public_forum)
    assert "Sluta bevaka forumet</button>" in client.get(forum_url(public_forum)).content.decode()

    author = named("Cykel-Bo")
    client.force_login(author)
    with django_capture_on_commit_callbacks(execute=True):
        submit_form(client, topic_create_url(public_forum), "form.forum-form", subject="Cykelvägar", content="Hej!")
    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic__forum=public_forum, topic__subject="Annat", poster=author)

    assert sorted(mail.subject for mail in mailoutbox) == ["Nytt ämne: ”Annat”", "Nytt ämne: ”Cykelvägar”"]
    assert "Cykel-Bo har startat ämnet ”Cykelvägar” i forumet" in mailoutbox[0].body + mailoutbox[1].body
    assert Notice.objects.filter(recipient=eva, kind=Notice.Kind.REPLY).count() == 0


def test_the_settings_list_forums_and_topics_followed_and_end_them(client, eva, public_forum):
    ForumSubscription.objects.create(user=eva, forum=public_forum)
    topic = PostFactory(topic__forum=public_forum, topic__subject="Cykelvägar", poster=eva).topic
    client.force_login(eva)
    page = client.get(SETTINGS_URL).content.decode()
    assert public_forum.name in page and "Cykelvägar" in page

    client.post(reverse("notices:follow_forum", args=[public_forum.pk]), form_data(page, "ul.subscriptions form"))
    client.post(reverse("notices:unfollow_topic", args=[topic.pk]))

    assert not ForumSubscription.objects.exists()
    assert not topic.subscribers.filter(pk=eva.pk).exists()
    assert "Du bevakar inga ämnen." in client.get(SETTINGS_URL).content.decode()


def test_nobody_follows_a_forum_they_may_not_read(client, members_forum):
    make_members_only(members_forum)
    client.force_login(UserFactory())

    response = client.post(reverse("notices:follow_forum", args=[members_forum.pk]), {"follow": "1"})

    assert response.status_code == 403
    assert not ForumSubscription.objects.exists()


def test_a_follower_who_lost_access_hears_nothing(members_forum, django_capture_on_commit_callbacks):
    outsider = UserFactory()
    ForumSubscription.objects.create(user=outsider, forum=members_forum)

    with django_capture_on_commit_callbacks(execute=True):
        PostFactory(topic__forum=members_forum)

    assert not Notice.objects.filter(recipient=outsider).exists()
