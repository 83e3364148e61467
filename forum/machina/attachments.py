"""What members may attach to forum posts: a size limit and an allow-list of file types.

The type is checked twice: by the file name's extension and by the content's signature (with the
filetype library), so that a program renamed to ``rapport.pdf`` is refused. Plain text has no
signature; a .txt or .csv must simply not look like any known binary type.
"""

from pathlib import Path

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from .images import validate_image_dimensions

# Extension -> the MIME type its content must have (None: plain text).
ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": None,
    "csv": None,
}
ALLOWED_NAMES = "pdf, docx, xlsx, pptx, odt, ods, png, jpg, txt och csv"
# filetype needs no more than this to recognise any of the types above.
SIGNATURE_BYTES = 8192


def content_type_of(upload):
    """The MIME type the file's content says it is, or None for text and unknown content."""
    upload.seek(0)
    head = upload.read(SIGNATURE_BYTES)
    upload.seek(0)
    kind = filetype.guess_mime(head)
    if kind is None and b"\x00" in head:
        return "application/octet-stream"  # binary of some other kind: not text
    return kind


def attachment_limits():
    """The limits in words, shown beside the file fields."""
    return f"Högst {filesizeformat(settings.FORUM_ATTACHMENT_MAX_SIZE)} per fil. Tillåtna filtyper: {ALLOWED_NAMES}."


def validate_attachment(upload):
    """Raises a ValidationError in Swedish unless the uploaded file may be attached to a post."""
    name = upload.name
    if upload.size > settings.FORUM_ATTACHMENT_MAX_SIZE:
        raise ValidationError(
            "”%(name)s” är för stor (%(size)s). En bifogad fil får vara högst %(limit)s.",
            code="too_large",
            params={
                "name": name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(settings.FORUM_ATTACHMENT_MAX_SIZE),
            },
        )
    extension = Path(name).suffix.lower().removeprefix(".")
    if extension not in ALLOWED_TYPES:
        raise ValidationError(
            "”%(name)s” kan inte bifogas. Tillåtna filtyper är %(allowed)s.",
            code="type_not_allowed",
            params={"name": name, "allowed": ALLOWED_NAMES},
        )
    if content_type_of(upload) != ALLOWED_TYPES[extension]:
        raise ValidationError(
            "Innehållet i ”%(name)s” är inte en %(extension)s-fil. Spara filen i rätt format och bifoga den igen.",
            code="content_mismatch",
            params={"name": name, "extension": extension},
        )
    if ALLOWED_TYPES[extension] in {"image/png", "image/jpeg"}:
        validate_image_dimensions(upload)
