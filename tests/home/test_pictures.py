"""Pictures on pages, events and news: shown at the top of the page and in listings, as AVIF or
WebP where the browser takes them, and never without a text that stands in for them."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from tests.forum.factories import UserFactory
from tests.home.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.usefixtures("media_root")

MISSING_ALT = "Skriv en alternativtext: bilden saknar en egen beskrivning att använda."


@pytest.fixture
def pages(home_page):
    """One page of each type that has a picture of its own."""
    return {
        "standardsida": StandardPageFactory(parent=home_page, slug="om-oss"),
        "nyhet": NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page)),
        "evenemang": EventPageFactory(parent=EventIndexPageFactory(parent=home_page)),
    }


@pytest.mark.parametrize("kind", ["standardsida", "nyhet", "evenemang"])
def test_a_picture_without_alt_text_cannot_be_saved(pages, kind):
    page = pages[kind]
    page.image = ImageFactory(description="")

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict == {"image_alt_text": [MISSING_ALT]}

    page.image_alt_text = "Två personer skakar hand vid ett bord."
    page.full_clean()


@pytest.mark.parametrize("kind", ["standardsida", "nyhet", "evenemang"])
def test_the_picture_shows_at_the_top_of_the_page_with_its_alt_text(client, pages, kind):
    page = pages[kind]
    page.image = ImageFactory(description="Hus i Huddinge i solnedgång.")
    page.save_revision().publish()

    picture = BeautifulSoup(client.get(page.url).content, "html.parser").main.find("picture")

    assert picture.img["alt"] == "Hus i Huddinge i solnedgång."
    assert [source["type"] for source in picture.find_all("source")] == ["image/avif", "image/webp"]


def test_a_listing_image_without_a_description_cannot_be_saved(pages):
    page = pages["nyhet"]
    page.listing_image = ImageFactory(description="")

    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Bilden saknar alternativtext" in error.value.message_dict["listing_image"][0]


def test_the_listing_shows_the_listing_image_before_the_page_picture(client, home_page):
    news_index = NewsIndexPageFactory(parent=home_page)
    NewsPageFactory(
        parent=news_index,
        image=ImageFactory(description="Bilden i nyheten."),
        listing_image=ImageFactory(description="Bilden i listan."),
    )

    picture = BeautifulSoup(client.get(news_index.url).content, "html.parser").main.find("picture")

    assert picture.img["alt"] == "Bilden i listan."


@pytest.mark.parametrize("kind", ["nyhet", "evenemang"])
def test_a_card_without_a_picture_has_no_picture_box(client, pages, kind):
    page = pages[kind]
    page.image = None
    page.save()

    card = BeautifulSoup(client.get(page.get_parent().url).content, "html.parser").main.find("article", class_="card")

    assert card.find(class_="card__media") is None
    assert "None" not in card.get_text()


def test_an_editor_gets_a_swedish_error_instead_of_publishing_a_picture_without_alt_text(client, home_page):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    image = ImageFactory(description="")
    data = nested_form_data(
        {
            "title": "Om oss",
            "slug": "om-oss",
            "language": "sv",
            "introduction": "",
            "image": image.pk,
            "image_alt_text": "",
            "body": streamfield([]),
            "summary": "",
            "action-publish": "publish",
        }
    )

    response = client.post(reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk)), data)

    assert response.status_code == 200
    assert MISSING_ALT in response.content.decode()
    assert not StandardPage.objects.filter(slug="om-oss").exists()
    assert Page.objects.filter(slug="om-oss").count() == 0
