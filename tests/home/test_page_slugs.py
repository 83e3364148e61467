"""Page addresses in ASCII (å, ä, ö → a, a, o), however the page is made, and the summary on the
editor's first tab."""

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import BasePage, StandardPage


def add_page_form(**fields):
    return nested_form_data(
        {"title": "", "slug": "", "summary": "", "introduction": "", "body": streamfield([]), **fields}
    )


@pytest.fixture
def admin(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin@arenahuddinge.se", "admin@arenahuddinge.se"))
    return client


def test_a_page_made_in_code_gets_an_ascii_slug_from_its_title(home_page, client):
    page = home_page.add_child(instance=StandardPage(title="Företagsklimat i Huddinge"))

    assert page.slug == "foretagsklimat-i-huddinge"
    assert client.get("/foretagsklimat-i-huddinge/").status_code == 200


def test_a_swedish_slug_set_in_code_is_spelled_in_ascii(home_page):
    page = home_page.add_child(instance=StandardPage(title="Om oss", slug="näringsliv-och-kommun"))

    assert page.slug == "naringsliv-och-kommun"


def test_an_editor_without_javascript_leaves_the_slug_empty_and_gets_one_from_the_title(admin, home_page):
    response = admin.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/", add_page_form(title="Öppet hus på Åsa gård")
    )

    assert response.status_code == 302
    assert StandardPage.objects.get().slug == "oppet-hus-pa-asa-gard"


def test_a_slug_typed_with_swedish_letters_is_saved_in_ascii(admin, home_page):
    admin.post(
        f"/admin/pages/add/home/standardpage/{home_page.pk}/", add_page_form(title="Välkommen", slug="Välkommen-Åter")
    )

    assert StandardPage.objects.get().slug == "valkommen-ater"


def test_the_editors_slug_field_spells_swedish_letters_in_ascii(admin, home_page):
    html = admin.get(f"/admin/pages/add/home/standardpage/{home_page.pk}/").content.decode()

    # Wagtail's slug script keeps å, ä, ö unless unicode slugs are off; then it writes a, a, o.
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    assert 'data-controller="w-slug"' in html
    assert 'data-w-slug-allow-unicode-value="true"' not in html


@pytest.mark.parametrize("page_type", [model for model in apps.get_models() if issubclass(model, BasePage)])
def test_the_summary_is_on_the_first_tab_of_every_page_type(page_type):
    first_tab = page_type.get_edit_handler().children[0]

    assert first_tab.heading == "Innehåll"
    assert "summary" in first_tab.get_form_options()["fields"]
