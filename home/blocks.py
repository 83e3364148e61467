"""StreamField blocks that editors combine into page bodies."""

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from forum.conclusions.services import public_conclusions
from forum.discussions.services import forum_choices
from forum.discussions.viewsets import TopicChooserBlock
from home.conclusion_chooser import ConclusionChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Rubrik", max_length=120)
    level = blocks.ChoiceBlock(
        label="Nivå",
        choices=[("h2", "Rubrik 2"), ("h3", "Rubrik 3"), ("h4", "Rubrik 4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = "Rubrik"
        template = "home/blocks/heading_block.html"
        preview_value = {"text": "Tillsammans i mellanrummen", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock asks for alt text (or an explicit "decorative" choice) on every use.
    image = ImageBlock(label="Bild")
    caption = blocks.CharBlock(label="Bildtext", required=False, max_length=250)

    class Meta:
        icon = "image"
        label = "Bild"
        template = "home/blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citat")
    attribution = blocks.CharBlock(label="Vem som sa det", required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = "Citat"
        template = "home/blocks/quote_block.html"
        preview_value = {
            "text": "När kommun och näringsliv möts uppstår idéer som ingen av oss hade fått ensam.",
            "attribution": "Medlem i Arena Huddinge",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Rubrik", max_length=120)
    text = blocks.TextBlock(label="Text", required=False, max_length=400)
    page = blocks.PageChooserBlock(label="Länk till sida", required=False)
    url = blocks.URLBlock(label="Eller länk till webbadress", required=False)
    button_label = blocks.CharBlock(label="Text på knappen", max_length=60)

    class Meta:
        icon = "pick"
        label = "Uppmaning"
        template = "home/blocks/call_to_action_block.html"
        preview_value = {
            "heading": "Vill ditt företag vara med?",
            "text": "Som medlem möter du kommunens ledning och andra företagare i Huddinge.",
            "url": "https://www.arenahuddinge.se/bli-medlem/",
            "button_label": "Bli medlem",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Välj antingen en sida eller en webbadress."
            raise blocks.StructBlockValidationError(block_errors={"page": ValidationError(message)})
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Dokument")
    label = blocks.CharBlock(
        label="Länktext",
        required=False,
        max_length=120,
        help_text="Lämna tomt för att använda dokumentets titel.",
    )

    class Meta:
        icon = "doc-full"
        label = "Dokument"
        template = "home/blocks/document_link_block.html"

    def get_preview_value(self):
        # A document can't be named in code; preview with the newest one the editors uploaded.
        return self.normalize({"document": get_document_model().objects.order_by("-created_at").first()})


class AccessibleEmbedBlock(blocks.StructBlock):
    """An embedded video or post whose iframe gets a title, so screen readers can name it."""

    title = blocks.CharBlock(
        label="Titel",
        max_length=120,
        help_text="Beskriv vad som bäddas in, t.ex. ”Film: Frukostmöte om bostadsbyggandet”. Läses upp av skärmläsare.",
    )
    embed = EmbedBlock(label="Webbadress till det som ska bäddas in")

    class Meta:
        icon = "media"
        label = "Inbäddat innehåll"
        template = "home/blocks/embed_block.html"
        preview_value = {
            "title": "Film: Så arbetar Arena Huddinge",
            "embed": "https://www.youtube.com/watch?v=jNQXAC9IVRw",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_html"] = titled_iframes(value["embed"].html if value["embed"] else "", value["title"])
        return context


def titled_iframes(html, title):
    """The embed's HTML with ``title`` on every iframe (the provider's own title is replaced:
    it is often missing or in English)."""
    soup = BeautifulSoup(html, "html.parser")
    for iframe in soup.find_all("iframe"):
        iframe["title"] = title
    return str(soup)


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label="Tabellrubrik", max_length=200, help_text="Beskriver vad tabellen visar.")
    table = TableBlock(label="Tabell")

    class Meta:
        icon = "table"
        label = "Tabell"
        template = "home/blocks/table_block.html"
        preview_value = {
            "caption": "Medlemmar per sektor",
            "table": {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Sektor", "Antal medlemmar"], ["Kommun", "12"], ["Näringsliv", "48"]],
            },
        }


class GoalBlock(blocks.StructBlock):
    """One focus area (fokusområde) of an activity plan, with how far it has come and the forum
    conclusions it builds on ("Från dialogen")."""

    STATUSES = {"planerad": "Planerad", "pagar": "Pågår", "klar": "Klar"}

    title = blocks.CharBlock(label="Rubrik", max_length=120)
    description = blocks.TextBlock(label="Beskrivning", required=False)
    status = blocks.ChoiceBlock(label="Status", choices=list(STATUSES.items()), default="planerad")
    discussion_topic = TopicChooserBlock(label="Diskutera: samtal som finns", required=False)
    discussion_forum = blocks.ChoiceBlock(
        label="Eller starta ett nytt samtal i forumet",
        choices=forum_choices,
        required=False,
        help_text=(
            "Arena Huddinge startar samtalet när planen publiceras, med fokusområdets rubrik och "
            "beskrivning och en länk hit."
        ),
    )
    conclusions = blocks.ListBlock(
        ConclusionChooserBlock(label="Slutsats"),
        label="Från dialogen",
        help_text="Slutsatser från forumets samtal som målet bygger på. Visas med länkar under målet.",
        default=[],
    )

    class Meta:
        icon = "tick"
        label = "Fokusområde"
        template = "home/blocks/goal_block.html"
        preview_value = {
            "title": "Fler frukostmöten",
            "description": "Vi bjuder in till frukostmöten där kommun och företag pratar om bostäder och jobb.",
            "status": "pagar",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["status_label"] = self.STATUSES.get(value["status"], value["status"])
        # The page reads every goal's cited conclusions, with their topics, in one query
        # (ActivityPlanPage.get_context); a goal shown alone (the admin's preview) reads its own.
        cited = (parent_context or {}).get("cited_conclusions")
        if cited is None:
            cited = cited_conclusions([value])
        context["conclusions"] = [
            cited[conclusion.pk]
            for conclusion in value.get("conclusions") or []
            if conclusion and conclusion.pk in cited
        ]
        return context

    def clean(self, value):
        value = super().clean(value)
        if value.get("discussion_topic") and value.get("discussion_forum"):
            message = "Välj antingen ett samtal som finns eller ett forum för ett nytt samtal, inte båda."
            raise blocks.StructBlockValidationError(block_errors={"discussion_forum": ValidationError(message)})
        return value


def cited_conclusions(goals):
    """{id: conclusion} of the public conclusions that the goals cite, with their topics and
    forums: one query however many goals and citations there are."""
    ids = {conclusion.pk for goal in goals for conclusion in goal.get("conclusions") or [] if conclusion}
    if not ids:
        return {}
    return public_conclusions().select_related("topic__forum").in_bulk(ids)


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Text",
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h2", "h3"],
        template="home/blocks/paragraph_block.html",
        preview_value="<p>Arena Huddinge är en mötesplats för kommun och näringsliv.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    embed = AccessibleEmbedBlock()
    table = CaptionedTableBlock()
