"""Addresses that notification e-mails carry: absolute links, signed unsubscribe links, and
subjects on one line."""

from django.core import signing
from django.urls import reverse

from arena.links import absolute_url

UNSUBSCRIBE_SALT = "arena.forum.unsubscribe"


def one_line(text):
    """text without line breaks, which an e-mail header must not contain."""
    return " ".join(text.split())


def unsubscribe_token(user, topic):
    return signing.dumps({"u": user.pk, "t": topic.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user, topic):
    return absolute_url(reverse("forum_unsubscribe", args=[unsubscribe_token(user, topic)]))
