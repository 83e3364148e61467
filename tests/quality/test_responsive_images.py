"""Responsive images: every format of a picture lists each width once, up to the original's width
(Wagtail never upscales), in AVIF and WebP with a JPEG fallback."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images.tests.utils import get_test_image_file

from tests.home.factories import ImageFactory, NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


def srcset_widths(html):
    """The widths each format of the page's first picture offers, by MIME type (the img's as "img")."""
    picture = BeautifulSoup(html, "html.parser").select_one("picture")
    candidates = {source["type"]: source["srcset"] for source in picture.select("source")}
    candidates["img"] = picture.select_one("img").get("srcset", "")
    return {
        kind: [int(candidate.split()[1].removesuffix("w")) for candidate in srcset.split(", ") if " " in candidate]
        for kind, srcset in candidates.items()
    }


def photo(width, height):
    return ImageFactory(file=get_test_image_file(size=(width, height)))


@pytest.fixture
def news_index(home_page, media_root):
    return NewsIndexPageFactory(parent=home_page)


@pytest.mark.parametrize(
    ("size", "widths"),
    [((500, 300), [400, 500]), ((1200, 800), [400, 800, 1200])],
)
def test_a_news_photo_offers_each_width_once_up_to_the_original(client, news_index, size, widths):
    news = NewsPageFactory(parent=news_index, image=photo(*size))

    offered = srcset_widths(client.get(news.url).content.decode())

    assert offered == {"image/avif": widths, "image/webp": widths, "img": widths}


def test_a_photo_narrower_than_every_size_is_offered_once_per_format(client, news_index):
    news = NewsPageFactory(parent=news_index, image=photo(300, 200))

    picture = BeautifulSoup(client.get(news.url).content.decode(), "html.parser").select_one("picture")

    assert [source["type"] for source in picture.select("source")] == ["image/avif", "image/webp"]
    assert all(" " not in source["srcset"] for source in picture.select("source"))
    assert picture.select_one("img")["width"] == "300"
    assert not picture.select_one("img").has_attr("srcset")


def test_the_news_list_crops_a_narrow_photo_without_repeating_a_width(client, news_index):
    NewsPageFactory(parent=news_index, image=photo(500, 300))

    offered = srcset_widths(client.get(news_index.url).content.decode())

    assert offered == {"image/avif": [400, 500], "image/webp": [400, 500], "img": [400, 500]}


def test_an_image_block_offers_each_width_once_up_to_the_original(client, home_page, media_root):
    image = photo(500, 300)
    page = StandardPageFactory(
        parent=home_page,
        body=[("image", {"image": {"image": image, "alt_text": "Ett samtal", "decorative": False}, "caption": ""})],
    )

    offered = srcset_widths(client.get(page.url).content.decode())

    assert offered == {"image/avif": [400, 500], "image/webp": [400, 500], "img": [400, 500]}
