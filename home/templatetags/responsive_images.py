"""``{% responsive_picture %}``: Wagtail's ``{% picture %}`` without repeated widths.

Wagtail never upscales, so on an original narrower than the largest size asked for, several sizes
(width-800 and width-1200 of a 500 px photo) come out as the same image: the srcset lists one width
twice, which the HTML standard forbids (the Nu HTML Checker reports it). This tag takes the same arguments and
asks only for the sizes that differ for this image, so the list follows the original's width.
"""

from django import template
from django.template.base import Token
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_rendition_or_not_found, get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

from arena import links
from arena.content_cache import cached_until_content_changes

register = template.Library()


class ResponsivePictureNode(wagtailimages_tags.PictureNode):
    def filters_for(self, image):
        """The tag's filters, without those giving a width already given in the same format."""
        filters, seen = [], set()
        for image_filter in self.get_filters():
            formats = tuple(part for part in image_filter.spec.split("|") if part.startswith("format-"))
            width = image_filter.get_transform(image).size[0]
            if (formats, width) not in seen:
                seen.add((formats, width))
                filters.append(image_filter)
        return filters

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        filters = self.filters_for(image)
        renditions = get_renditions_or_not_found(image, filters)
        if self.output_var_name:
            context[self.output_var_name] = Picture(renditions)
            return ""
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        if len({image_filter.get_transform(image).size[0] for image_filter in filters}) == 1:
            # One width only: the srcset names no widths, and "sizes" without them is invalid HTML.
            attrs.pop("sizes", None)
        return Picture(renditions, attrs).__html__()


@register.tag
def responsive_picture(parser, token):
    # Wagtail's own parser reads the arguments, exactly as for {% picture %}.
    arguments = token.contents.partition(" ")[2]
    node = wagtailimages_tags.image(parser, Token(token.token_type, f"picture {arguments}", token.position))
    return ResponsivePictureNode(node.image_expr, node.filter_specs, node.output_var_name, node.attrs)


# The fields BasePage.get_social_image (and PictureMixin's) take the picture from, in turn.
SOCIAL_IMAGE_FIELDS = ("social_image_id", "listing_image_id", "image_id")


@register.simple_tag
def social_image(page):
    """``{% social_image page as shared %}``: the picture the page is shared with (Open Graph), as
    ``{"url": absolute URL of its 1200x630 crop, "alt": …}``, or None. Kept in the content cache:
    otherwise every view of a page with a picture reads the image and its rendition again (and
    Wagtail writes the rendition back to the cache each time)."""
    if not any(getattr(page, field, None) for field in SOCIAL_IMAGE_FIELDS):
        return None
    return cached_until_content_changes(f"social-image.{page.pk}", lambda: shared_picture(page.get_social_image()))


def shared_picture(image):
    rendition = get_rendition_or_not_found(image, "fill-1200x630")
    return {"url": links.absolute_url(rendition.url), "alt": image.default_alt_text}
