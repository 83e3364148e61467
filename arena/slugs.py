"""ASCII slugs from Swedish text, for page and forum URLs: "Företagsklimat" → "foretagsklimat".

Django's ``slugify`` decomposes accented letters (å, ä, ö, é, ü) and keeps their base letter;
the few letters Unicode does not decompose are spelled out first.
"""

from django.utils.text import slugify

SPELLED_OUT = str.maketrans(
    {"æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L"}
)


def ascii_slugify(text):
    return slugify(str(text).translate(SPELLED_OUT))
