"""StreamField blocks that editors combine into page bodies."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


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
