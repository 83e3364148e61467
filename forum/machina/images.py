"""Pixel limits for images members upload (avatars, image attachments).

A PNG of 13,000 by 13,000 pixels compresses to half a megabyte but takes 700 MB and seconds of CPU
to decode, which machina does to shrink an avatar. Pillow reads an image's size from its header
without decoding it, so the size is checked before anything decodes the image. (Pillow's own
limit, MAX_IMAGE_PIXELS, stays as it is: editors' photos in Wagtail go up to 128 megapixels.)
"""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image

MAX_SIDE = 4000
MAX_PIXELS = 16_000_000


def validate_image_dimensions(upload):
    """Raises a ValidationError in Swedish when the image has more pixels than we decode."""
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
        too_large = width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS
    except Image.DecompressionBombError:
        too_large = True
    except OSError:
        return  # not an image Pillow reads: the file's own checks say what is wrong with it
    finally:
        upload.seek(0)
    if too_large:
        raise ValidationError(
            "Bilden ”%(name)s” har för många pixlar. En bild får vara högst %(side)s × %(side)s pixlar "
            "och högst 16 megapixlar. Förminska bilden och ladda upp den igen.",
            code="too_many_pixels",
            params={"name": upload.name, "side": MAX_SIDE},
        )
