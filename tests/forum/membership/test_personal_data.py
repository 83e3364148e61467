"""A member downloads their personal data and deletes their account under /konto/."""

import json
import re
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from forum.machina.links import topic_url
from forum.models import MembershipApplication, PostReport
from home.models import EventRegistration
from tests.forum.factories import (
    Attachment,
    ForumMemberFactory,
    ForumProfileFactory,
    MemberProfileFactory,
    MembershipApplicationFactory,
    Post,
    PostFactory,
    PostReportFactory,
    Topic,
    TopicPollVoteFactory,
    TopicReadTrackFactory,
)
from tests.forum.helpers import forum_url
from tests.home.factories import ContactPageFactory, EventIndexPageFactory, EventPageFactory, EventRegistrationFactory

PASSWORD = "ett-langt-testlosenord"
# Distinctive values, so that a scan of the whole database for them is exact.
EMAIL = "zyxwvu.qwertzu@example.se"
FIRST_NAME = "Zyxwvu"
LAST_NAME = "Qwertzu"
DISPLAY_NAME = "Vuzyxw Tzuqwer"
PERSONAL_VALUES = [EMAIL, FIRST_NAME, LAST_NAME, DISPLAY_NAME]


@pytest.fixture
def member(home_page):
    user = ForumMemberFactory(username=EMAIL, email=EMAIL, first_name=FIRST_NAME, last_name=LAST_NAME)
    MemberProfileFactory(user=user, display_name=DISPLAY_NAME, organisation__name="Sjödalens Bageri AB")
    user.last_login = timezone.now()
    user.save()
    return user


@pytest.fixture
def other_member(home_page):
    return ForumMemberFactory(first_name="Olle", last_name="Annan")


@pytest.fixture
def member_data(home_page, member, other_member, public_forum):
    """One piece of every kind of personal data the site keeps about the member."""
    ForumProfileFactory(user=member, signature="Hälsningar från bageriet vid torget")
    own_topic = PostFactory(
        topic__forum=public_forum,
        topic__poster=member,
        subject="Gemensam julmarknad",
        content="Ska vi ordna en julmarknad tillsammans?",
    ).topic
    PostFactory(topic=own_topic, poster=other_member, content="Gärna, vi ställer upp med ett tält.")
    lonely_topic = PostFactory(
        topic__forum=public_forum, topic__poster=member, subject="Parkering vid stationen", content="Var parkerar ni?"
    ).topic
    others_topic = PostFactory(topic__forum=public_forum, topic__poster=other_member, subject="Sommarjobb").topic
    PostFactory(topic=others_topic, poster=member, content="Vi tar emot två feriearbetare i år.")
    others_topic.subscribers.add(member)
    TopicReadTrackFactory(topic=others_topic, user=member)
    TopicPollVoteFactory(
        voter=member, poll_option__poll__topic=others_topic, poll_option__poll__question="Vilken dag passar?"
    )
    reported = PostFactory(topic=others_topic, poster=other_member, content="Köp billiga klockor här!")
    PostReportFactory(post=reported, reporter=member, reason="Det här är reklam.")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page))
    EventRegistrationFactory(event=event, name=f"{FIRST_NAME} {LAST_NAME}", email=EMAIL.upper())
    MembershipApplicationFactory(contact_name=f"{FIRST_NAME} {LAST_NAME}", contact_email=EMAIL)
    contact_page = ContactPageFactory(parent=home_page)
    FormSubmission.objects.create(
        page=contact_page,
        form_data={"namn": f"{FIRST_NAME} {LAST_NAME}", "e_post": EMAIL, "meddelande": "Hur blir vi medlemmar?"},
    )
    FormSubmission.objects.create(
        page=contact_page, form_data={"namn": "Olle Annan", "e_post": "olle@example.se", "meddelande": "Hej!"}
    )
    AccessAttempt.objects.create(
        username=EMAIL, ip_address="192.0.2.1", user_agent="Firefox", failures_since_start=1, get_data="", post_data=""
    )
    AccessLog.objects.create(username=EMAIL, ip_address="192.0.2.1", user_agent="Firefox")
    return {"own_topic": own_topic, "lonely_topic": lonely_topic, "others_topic": others_topic, "event": event}


def download(client):
    response = client.post(reverse("accounts:personal_data"))
    assert response.status_code == 200
    return response, json.loads(response.content.decode("utf-8"))


def rows_containing(value):
    """Every (model, field) whose stored text anywhere in the database contains value."""
    found = []
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField)):
                rows = model._base_manager.filter(**{f"{field.attname}__icontains": value})
            elif isinstance(field, models.JSONField):
                rows = model._base_manager.annotate(as_text=Cast(field.attname, models.TextField())).filter(
                    as_text__icontains=value
                )
            else:
                continue
            if rows.exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def field_error(html, field_name):
    match = re.search(rf'<ul class="errorlist" id="id_{field_name}_error">(.*?)</ul>', html, re.S)
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


# --- Downloading ---------------------------------------------------------------------------------


def test_account_overview_links_to_download_and_deletion(client, member):
    client.force_login(member)
    html = client.get(reverse("accounts:overview")).content.decode()
    assert f'href="{reverse("accounts:personal_data")}">Ladda ner mina uppgifter<' in html
    assert f'href="{reverse("accounts:delete")}">Radera mitt konto<' in html


def test_download_page_explains_the_file(client, member):
    client.force_login(member)
    response = client.get(reverse("accounts:personal_data"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Ladda ner mina uppgifter</h1>" in html
    assert "Dina inlägg i forumet" in html
    assert response.get("Content-Disposition") is None


def test_download_is_a_dated_json_attachment(client, member):
    client.force_login(member)
    response, data = download(client)
    today = timezone.localdate().isoformat()
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="arena-huddinge-mina-uppgifter-{today}.json"'
    assert data["konto"]["e-postadress"] == EMAIL


def test_download_contains_every_kind_of_personal_data(client, member, member_data):
    client.force_login(member)
    _, data = download(client)

    assert data["konto"]["förnamn"] == FIRST_NAME
    assert data["konto"]["efternamn"] == LAST_NAME
    assert data["konto"]["konto_skapat"] and data["konto"]["senast_inloggad"]
    assert data["medlemsprofil"]["visningsnamn"] == DISPLAY_NAME
    assert data["medlemsprofil"]["organisation"]["namn"] == "Sjödalens Bageri AB"
    assert data["forumprofil"]["signatur"] == "Hälsningar från bageriet vid torget"
    posts = {post["innehåll"]: post for post in data["foruminlägg"]}
    assert set(posts) == {
        "Ska vi ordna en julmarknad tillsammans?",
        "Var parkerar ni?",
        "Vi tar emot två feriearbetare i år.",
    }
    assert posts["Var parkerar ni?"]["ämne"] == "Parkering vid stationen"
    assert posts["Var parkerar ni?"]["forum"] == "Företagsklimat"
    assert posts["Var parkerar ni?"]["skrivet"]
    # Starting a topic subscribes to it; the other topic the member chose to follow.
    assert [topic["ämne"] for topic in data["bevakade_ämnen"]] == [
        "Gemensam julmarknad",
        "Parkering vid stationen",
        "Sommarjobb",
    ]
    assert [(vote["fråga"], vote["svar"]) for vote in data["röster_i_omröstningar"]] == [
        ("Vilken dag passar?", "Klockan 07.30")
    ]
    assert [r["evenemang"] for r in data["anmälningar_till_evenemang"]] == [member_data["event"].title]
    assert [a["kontaktperson"] for a in data["medlemsansökningar_som_kontaktperson"]] == [f"{FIRST_NAME} {LAST_NAME}"]
    assert [(r["ämne"], r["anledning"]) for r in data["anmälningar_av_inlägg"]] == [
        ("Sommarjobb", "Det här är reklam.")
    ]


def test_download_holds_only_the_logged_in_members_data(client, member, member_data, other_member):
    client.force_login(other_member)
    _, data = download(client)
    assert EMAIL not in json.dumps(data, ensure_ascii=False)
    assert data["anmälningar_till_evenemang"] == []
    assert data["medlemsansökningar_som_kontaktperson"] == []
    assert data["meddelanden_via_kontaktformuläret"] == []
    assert data["anmälningar_av_inlägg"] == []


@pytest.mark.parametrize("method", ["get", "post"])
def test_visitors_are_sent_to_login(client, home_page, method):
    url = reverse("accounts:personal_data")
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_download_requires_the_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(reverse("accounts:personal_data")).status_code == 403


# --- Deleting ------------------------------------------------------------------------------------


def delete_account(client, password=PASSWORD, posts="keep"):
    return client.post(reverse("accounts:delete"), {"password": password, "posts": posts})


def test_deletion_page_explains_the_consequences_with_labelled_fields(client, member):
    client.force_login(member)
    html = client.get(reverse("accounts:delete")).content.decode()
    assert "<h1>Radera mitt konto</h1>" in html
    assert "Det går inte att ångra" in html
    assert '<label for="id_password">Ditt lösenord' in html
    assert "Tidigare medlem" in html


def test_deletion_with_a_wrong_password_deletes_nothing(client, member, member_data):
    client.force_login(member)
    response = delete_account(client, password="fel-losenord")
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "password").startswith("Lösenordet stämmer inte.")
    assert 'aria-invalid="true"' in html
    assert get_user_model().objects.filter(email=EMAIL).exists()
    assert Post.objects.filter(poster=member).count() == 3
    assert EventRegistration.objects.filter(email__iexact=EMAIL).exists()
    assert client.get(reverse("accounts:overview")).status_code == 200


def test_deletion_without_a_choice_for_the_posts_asks_for_one(client, member):
    client.force_login(member)
    html = client.post(reverse("accounts:delete"), {"password": PASSWORD}).content.decode()
    assert field_error(html, "posts") == "Välj vad som ska hända med dina inlägg."
    assert get_user_model().objects.filter(email=EMAIL).exists()


def test_deletion_requires_the_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert delete_account(client).status_code == 403
    assert get_user_model().objects.filter(email=EMAIL).exists()


def test_deletion_keeping_posts_leaves_no_personal_data_anywhere(client, member, member_data, other_member):
    client.force_login(member)
    # The scan finds the member's data before the deletion, wherever it is kept.
    assert {
        "auth.User.email",
        "home.EventRegistration.email",
        "arena_forum.MembershipApplication.contact_email",
        "axes.AccessLog.username",
        "wagtailforms.FormSubmission.form_data",
    } <= set(rows_containing(EMAIL))
    assert "arena_forum.MemberProfile.display_name" in rows_containing(DISPLAY_NAME)
    response = delete_account(client, posts="keep")

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:deleted")
    confirmation = client.get(response["Location"]).content.decode()
    assert "<h1>Ditt konto är raderat</h1>" in confirmation
    assert client.get(reverse("accounts:overview")).status_code == 302  # logged out

    for value in PERSONAL_VALUES:
        assert rows_containing(value) == [], value
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert PostReport.objects.get().reporter is None
    application = MembershipApplication.objects.get()
    assert (application.contact_name, application.contact_email) == ("Uppgiften raderad", "")
    assert not AccessAttempt.objects.exists() and not AccessLog.objects.exists()
    assert not EventRegistration.objects.exists()
    assert [submission.form_data["namn"] for submission in FormSubmission.objects.all()] == ["Olle Annan"]


def test_kept_posts_are_shown_as_written_by_a_former_member(client, member, member_data, other_member):
    client.force_login(member)
    delete_account(client, posts="keep")

    kept = Post.objects.filter(username="Tidigare medlem")
    assert kept.count() == 3 and not kept.filter(poster__isnull=False).exists()
    own_topic = Topic.objects.get(pk=member_data["own_topic"].pk)
    assert own_topic.poster is None
    for viewer in (Client(), client):
        if viewer is client:
            client.force_login(other_member)
        response = viewer.get(topic_url(own_topic))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Tidigare medlem" in html
        assert "Ska vi ordna en julmarknad tillsammans?" in html
        assert "Gärna, vi ställer upp med ett tält." in html
    assert client.get(forum_url(own_topic.forum)).status_code == 200


def test_deletion_deleting_posts_removes_them_and_keeps_others_replies(client, member, member_data, other_member):
    client.force_login(member)
    delete_account(client, posts="delete")

    contents = set(Post.objects.values_list("content", flat=True))
    assert "Ska vi ordna en julmarknad tillsammans?" not in contents
    assert "Vi tar emot två feriearbetare i år." not in contents
    # machina deletes a topic together with its only post ...
    assert not Topic.objects.filter(pk=member_data["lonely_topic"].pk).exists()
    # ... and keeps a topic others replied in, starting with the next post.
    own_topic = Topic.objects.get(pk=member_data["own_topic"].pk)
    assert own_topic.poster is None
    assert own_topic.first_post.content.raw == "Gärna, vi ställer upp med ett tält."
    assert own_topic.posts_count == 1
    html = Client().get(topic_url(own_topic)).content.decode()
    assert "Gärna, vi ställer upp med ett tält." in html
    assert Topic.objects.filter(pk=member_data["others_topic"].pk).exists()
    for value in PERSONAL_VALUES:
        assert rows_containing(value) == [], value


def test_visitors_cannot_reach_the_deletion_page(client, home_page):
    response = client.get(reverse("accounts:delete"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_editors_cannot_delete_their_account_here(client, home_page):
    editor = ForumMemberFactory(is_staff=True)
    client.force_login(editor)
    response = delete_account(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:overview")
    assert get_user_model().objects.filter(pk=editor.pk).exists()


def test_deleting_posts_removes_their_attached_files(
    client, member, member_data, media_root, django_capture_on_commit_callbacks
):
    post = member_data["lonely_topic"].first_post
    attachment = Attachment.objects.create(post=post, file=ContentFile(b"%PDF-1.4", name="protokoll.pdf"))
    stored = attachment.file.path
    client.force_login(member)
    assert Path(stored).read_bytes() == b"%PDF-1.4"

    with django_capture_on_commit_callbacks(execute=True):
        delete_account(client, posts="delete")

    assert not Attachment.objects.exists()
    assert not Path(stored).exists()
