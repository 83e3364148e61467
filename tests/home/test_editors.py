"""Editors: what the "Kommunikatörer" group may do in the Wagtail admin, the "Granskning"
moderation workflow, and scheduled publishing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu
from wagtail.models import Page, PageViewRestriction, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import SiteSettings, StandardPage
from tests.forum.factories import ForumMemberFactory, UserFactory
from tests.home.factories import StandardPageFactory


@pytest.fixture
def communicator(db):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Kommunikatörer"))
    return user


@pytest.fixture
def communicator_client(client, communicator):
    client.force_login(communicator)
    return client


def edit_form(page, **changes):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": page.introduction,
            "language": page.language,
            "body": streamfield([]),
            "comments": inline_formset([]),
            **changes,
        }
    )


def test_communicators_may_edit_pages_media_and_settings_but_not_people(communicator):
    root = Page.get_first_root_node()
    page_permissions = Group.objects.get(name="Kommunikatörer").page_permissions.filter(page=root)

    assert set(page_permissions.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert communicator.has_perm("wagtailadmin.access_admin")
    assert communicator.has_perm("home.change_sitesettings")
    assert not communicator.has_perm("auth.add_user")
    assert not communicator.has_perm("auth.change_user")
    assert not communicator.has_perm("auth.change_group")


def test_pages_carry_the_user_bar_for_communicators_and_not_for_forum_members(client, communicator, home_page):
    client.force_login(communicator)
    for_communicator = client.get("/").content.decode()

    client.force_login(ForumMemberFactory())

    assert "wagtail-userbar" in for_communicator
    assert "wagtail-userbar" not in client.get("/").content.decode()


def test_communicator_opens_the_page_editor_and_publishes(communicator_client, home_page):
    page = StandardPageFactory(parent=home_page, title="Vision", slug="vision")

    editor = communicator_client.get(f"/admin/pages/{page.pk}/edit/")
    response = communicator_client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, title="Vår vision", **{"action-publish": "publish"})
    )

    assert editor.status_code == 200
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=page.pk).title == "Vår vision"


def test_communicator_submits_a_change_to_the_review_workflow(communicator_client, communicator, home_page):
    page = StandardPageFactory(parent=home_page, title="Vision", slug="vision")

    response = communicator_client.post(
        f"/admin/pages/{page.pk}/edit/", edit_form(page, title="Ny vision", **{"action-submit": "submit"})
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title == "Vision"  # nothing is published before the review
    workflow_state = page.current_workflow_state
    assert workflow_state.workflow.name == "Granskning"
    task = workflow_state.current_task_state.task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Kommunikatörer"]
    reviewer = UserFactory()
    reviewer.groups.add(Group.objects.get(name="Kommunikatörer"))
    assert "approve" in [action for action, _label, _modal in task.get_actions(page, reviewer)]


def test_review_workflow_covers_the_whole_page_tree(home_page):
    page = StandardPageFactory(parent=home_page, slug="vision")

    assert page.get_workflow() == Workflow.objects.get(name="Granskning")


@pytest.mark.parametrize("url", ["/admin/users/", "/admin/groups/"])
def test_communicator_cannot_manage_users_or_groups(communicator_client, url):
    response = communicator_client.get(url)

    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/anmalningar/",
        "/admin/anmalningar/?export=csv",
        "/admin/medlemskap/ansokningar/",
        "/admin/medlemskap/organisationer/",
        "/admin/medlemskap/organisationer/new/",
        "/admin/medlemskap/medlemmar/",
    ],
)
def test_communicator_handles_registrations_and_membership(communicator_client, url):
    assert communicator_client.get(url).status_code == 200


def test_communicators_menu_has_pages_then_registrations_then_membership_then_images(communicator_client):
    request = communicator_client.get("/admin/").wsgi_request
    labels = [str(item.label) for item in admin_menu.render_component(request)]

    assert labels[:4] == ["Sidor", "Anmälningar", "Medlemskap", "Bilder"]


def test_communicator_changes_the_site_settings(communicator_client, home_page):
    settings_url = communicator_client.get("/admin/settings/home/sitesettings/")["Location"]

    response = communicator_client.post(
        settings_url,
        {
            "organisation_name": "Arena Huddinge",
            "email": "kontakt@arenahuddinge.se",
            "membership_heading": "Bli medlem",
        },
    )

    assert response.status_code == 302
    assert SiteSettings.objects.get(site__root_page=home_page).email == "kontakt@arenahuddinge.se"


def test_publish_scheduled_makes_a_page_live_when_its_time_has_come(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Årsmöte", slug="arsmote", live=False)
    go_live_at = timezone.now() - timedelta(minutes=5)
    page.go_live_at = go_live_at
    page.save_revision(approved_go_live_at=go_live_at)
    assert client.get("/arsmote/").status_code == 404

    call_command("publish_scheduled", stdout=StringIO())

    page.refresh_from_db()
    assert page.live
    assert client.get("/arsmote/").status_code == 200


def test_the_privacy_of_a_page_under_a_private_one_shows_in_the_admin(communicator_client, home_page):
    board = StandardPageFactory(parent=home_page, title="Styrelsen", slug="styrelsen")
    minutes = StandardPageFactory(parent=board, title="Protokoll", slug="protokoll")
    PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.LOGIN)

    response = communicator_client.get(reverse("wagtailadmin_pages:set_privacy", args=[minutes.pk]))

    assert response.status_code == 200
    assert "Styrelsen" in response.json()["html"]
