"""The admin speaks Swedish to editors: Wagtail's messages with our models' Swedish names, the
strings Wagtail's own Swedish catalogue lacks, and the tab title."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.forum.factories import ForumModeratorFactory, MembershipApplicationFactory
from tests.home.factories import CommunicatorFactory


@pytest.fixture
def admin(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin@arenahuddinge.se", "admin@arenahuddinge.se"))
    return client


def title(response):
    return BeautifulSoup(response.content, "html.parser").title.get_text(strip=True)


def test_deleting_an_application_asks_in_swedish_with_the_models_swedish_name(admin):
    application = MembershipApplicationFactory()

    html = admin.get(f"/admin/medlemskap/ansokningar/delete/{application.pk}/").content.decode()

    assert "Är du säker på att du vill radera medlemsansökan?" in html


def test_creating_a_page_is_confirmed_in_swedish(admin, home_page):
    form = nested_form_data({"title": "Vision", "slug": "", "summary": "", "introduction": "", "body": streamfield([])})

    response = admin.post(f"/admin/pages/add/home/standardpage/{home_page.pk}/", form, follow=True)

    assert "Sida 'Vision' skapad." in BeautifulSoup(response.content, "html.parser").get_text()


def test_the_page_explorer_and_its_columns_are_swedish(client, home_page):
    client.force_login(CommunicatorFactory())

    response = client.get(f"/admin/pages/{home_page.pk}/")
    html = response.content.decode()

    assert title(response) == f"Utforska: {home_page.title} - Arena Huddinge"
    assert "Uppdaterad" in html
    assert "Date updated" not in html


def admin_menu(client):
    """The labels and links of the admin's menu items (its sidebar is drawn from JSON in the page)."""
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    items = []

    def collect(node):
        if isinstance(node, dict):
            if node.get("_type", "").endswith("MenuItem"):
                items.append((node["_args"][0]["label"], node["_args"][0].get("url")))
            node = list(node.values())
        if isinstance(node, list):
            for child in node:
                collect(child)

    collect(json.loads(soup.find(id="wagtail-sidebar-props").string))
    return set(items)


def test_moderators_find_the_report_queue_in_the_admin_menu(client, home_page):
    client.force_login(ForumModeratorFactory())
    moderator_menu = admin_menu(client)
    client.force_login(CommunicatorFactory())

    assert ("Anmälda inlägg", "/forum-moderering/anmalningar/") in moderator_menu
    assert "Anmälda inlägg" not in {label for label, _url in admin_menu(client)}
