import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.blocks import (
    AccessibleEmbedBlock,
    BodyBlock,
    CallToActionBlock,
    CaptionedTableBlock,
    DocumentLinkBlock,
    GoalBlock,
)
from home.documents import format_and_size
from tests.home.factories import DocumentFactory, StandardPageFactory

pytestmark = pytest.mark.usefixtures("media_root")


def test_body_block_offers_the_new_blocks():
    assert {"call_to_action", "document", "embed", "table"} <= set(BodyBlock().child_blocks)


def test_call_to_action_links_to_a_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Bli medlem", slug="bli-medlem")
    block = CallToActionBlock()
    value = block.to_python({"heading": "Vill du vara med?", "text": "Bli medlem i dag.", "page": page.pk})
    value["button_label"] = "Ansök om medlemskap"

    html = block.render(value)

    assert '<h2 class="cta__heading">Vill du vara med?</h2>' in html
    assert "<p>Bli medlem i dag.</p>" in html
    assert '<a class="button" href="/bli-medlem/">Ansök om medlemskap</a>' in html


@pytest.mark.parametrize(
    "links",
    [{}, {"url": "https://example.se/", "page": "PAGE"}],
    ids=["neither", "both"],
)
def test_call_to_action_needs_exactly_one_link(home_page, links):
    block = CallToActionBlock()
    if links.get("page"):
        links["page"] = home_page
    value = block.normalize({"heading": "Rubrik", "button_label": "Läs mer", **links})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert error.value.block_errors["page"].messages == ["Välj antingen en sida eller en webbadress."]


def test_document_link_shows_format_and_size(db):
    document = DocumentFactory(title="Verksamhetsplan 2023", filename="plan.pdf", size=412_000)
    block = DocumentLinkBlock()

    html = block.render(block.normalize({"document": document}))

    assert f'<a href="{document.url}">Verksamhetsplan 2023</a>' in html
    assert "(PDF, 412 kB)" in html


def test_document_link_prefers_the_label(db):
    document = DocumentFactory(title="plan_final_v3", filename="plan.docx", size=2_345_678)
    block = DocumentLinkBlock()

    html = block.render(block.normalize({"document": document, "label": "Läs planen"}))

    assert ">Läs planen</a>" in html
    assert "(DOCX, 2,3 MB)" in html


@pytest.mark.parametrize(
    ("size", "expected"),
    [(300, "PDF, 1 kB"), (412_499, "PDF, 412 kB"), (999_499, "PDF, 999 kB"), (1_250_000, "PDF, 1,2 MB")],
)
def test_format_and_size(db, size, expected):
    assert format_and_size(DocumentFactory(filename="a.pdf", size=size)) == expected


VIDEO_URL = "https://www.youtube.com/watch?v=arena"


@pytest.fixture
def cached_video(db):
    """The provider's answer for VIDEO_URL, stored the way Wagtail caches it, so no network."""
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/arena" title="YouTube video player"></iframe>',
    )


def test_embed_iframe_gets_the_swedish_title(cached_video):
    block = AccessibleEmbedBlock()

    html = block.render(block.to_python({"title": "Film: Frukostmöte om bostäder", "embed": VIDEO_URL}))

    assert '<iframe src="https://www.youtube.com/embed/arena" title="Film: Frukostmöte om bostäder">' in html
    assert "<figcaption>Film: Frukostmöte om bostäder</figcaption>" in html


def test_embed_title_is_required(cached_video):
    block = AccessibleEmbedBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"title": "", "embed": VIDEO_URL}))

    assert "title" in error.value.block_errors


def test_table_has_caption_and_header_cells():
    block = CaptionedTableBlock()

    html = block.render(block.get_preview_value())

    assert "<caption>Medlemmar per sektor</caption>" in html
    assert '<th scope="col">Antal medlemmar</th>' in html
    # Each cell names its column, for the narrow screens where the table reflows into cards.
    assert '<td data-label="Sektor">Näringsliv</td>' in html
    assert '<td data-label="Antal medlemmar">48</td>' in html


def test_table_with_row_headers():
    block = CaptionedTableBlock()
    value = block.to_python(
        {
            "caption": "Möten",
            "table": {"first_row_is_table_header": False, "first_col_is_header": True, "data": [["Mars", "2"]]},
        }
    )

    html = block.render(value)

    assert '<th scope="row">Mars</th>' in html
    assert "<td>2</td>" in html
    assert "<thead>" not in html


def test_goal_block_shows_status_as_labelled_badge():
    block = GoalBlock()

    html = block.render(block.get_preview_value())

    assert '<h3 class="goal__title">Fler frukostmöten</h3>' in html
    assert 'Status: <span class="badge badge--pagar">Pågår</span>' in html


def test_call_to_action_preview_renders():
    block = CallToActionBlock()

    html = block.render(block.get_preview_value())

    assert '<a class="button" href="https://www.arenahuddinge.se/bli-medlem/">Bli medlem</a>' in html


def test_document_link_preview_uses_the_newest_document(db):
    DocumentFactory(title="Äldre dokument")
    DocumentFactory(title="Verksamhetsplan 2024")
    block = DocumentLinkBlock()

    html = block.render(block.get_preview_value())

    assert ">Verksamhetsplan 2024</a>" in html


def test_embed_that_cannot_be_fetched_becomes_a_link(db, monkeypatch):
    monkeypatch.setattr("wagtail.embeds.blocks.embed_to_frontend_html", lambda *args, **kwargs: "")
    block = AccessibleEmbedBlock()

    html = block.render(block.normalize({"title": "Film: Årsmötet 2023", "embed": VIDEO_URL}))

    assert f'<figcaption><a href="{VIDEO_URL}">Film: Årsmötet 2023</a></figcaption>' in html
    assert "<iframe" not in html
