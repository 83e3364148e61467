"""Hostile and malformed input for the property-based tests: Hypothesis strategies for what a
visitor, a bot or an attacker can type, and helpers that send it the way a browser would and read
the answer."""

import functools
import io
import re
import time
import uuid
from contextlib import contextmanager
from urllib.parse import quote_plus

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.html import escape
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from PIL import Image

from arena import ratelimit

# Few examples and no deadline: each one is a request against a real database. The site the
# examples post to is built once by function-scoped fixtures; every example runs in a savepoint
# that is rolled back (see `isolated_example`), so they do not leak into each other.
fuzz_settings = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

NASTY_STRINGS = [
    "\x00",
    "före\x00efter",
    "\ud800",
    "\udfff slut",
    "\u202eevil\u202c",
    "\u200b\u200c\u200d\ufeff",
    "שלום עולם",
    "👩‍👩‍👧‍👦🇸🇪",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ request }}{% debug %}",
    "'; DROP TABLE auth_user; --",
    "' OR '1'='1",
    '"',
    "\\",
    "%00%ff",
    "   ",
    "\r\n\t",
    "-1",
    "0",
    "1e309",
    "99999999999999999999",
    "NaN",
    "Åsa Öberg-Ängström",
]

# Text of every kind: surrogates too (sent as the bytes a misbehaving client would send).
any_text = st.text(st.characters(exclude_categories=()), max_size=200)
long_text = st.text(min_size=1, max_size=5).map(lambda text: text * 2000)
numbers_as_text = st.one_of(st.integers(min_value=-(10**30), max_value=10**30).map(str), st.floats().map(str))
hostile_text = st.one_of(st.sampled_from(NASTY_STRINGS), any_text, long_text, numbers_as_text)
page_numbers = st.one_of(numbers_as_text, st.sampled_from(["-1", "0", "1", "2", "999999999999", "last"]), hostile_text)
# Well-formed e-mail addresses of 160 to 390 characters: longer than a username can be, and some
# longer than an e-mail address may be.
long_email = st.builds(
    lambda local, labels: f"{local}@{'.'.join(labels)}.se",
    st.text("abcdefghij", min_size=20, max_size=64),
    st.lists(st.text("klmnopqrst", min_size=45, max_size=63), min_size=3, max_size=5),
)


def field_values(**valid):
    """A strategy for a form's data: each field gets either its valid value or hostile text, so
    that some examples succeed and most fail in one field or several."""
    return st.fixed_dictionaries({name: st.one_of(st.just(value), hostile_text) for name, value in valid.items()})


def as_sent(value):
    """The bytes of value as a client sends them: a lone surrogate as its (invalid) UTF-8 bytes."""
    return value.encode("utf-8", "surrogatepass")


def as_received(value):
    """The text Django makes of value: invalid UTF-8 becomes replacement characters."""
    return as_sent(value).decode("utf-8", "replace")


def encode(data):
    return "&".join(f"{quote_plus(name)}={quote_plus(as_sent(value))}" for name, value in data.items())


def get(client, path, params):
    return client.get(f"{path}?{encode(params)}")


def post(client, path, data):
    return client.post(path, encode(data), content_type="application/x-www-form-urlencoded")


@contextmanager
def isolated_example():
    """One Hypothesis example: what it writes is rolled back, and it starts with no rate limit
    counted (under keys of its own; the fixture fresh_rate_limits restores the namespace)."""
    ratelimit.NAMESPACE = f"rate-limit-test-{uuid.uuid4().hex}"
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


# Words of Django's and machina's English messages; none of them is a Swedish word.
ENGLISH_WORDS = re.compile(
    r"\b(the|this|field|enter|ensure|valid|characters?|allowed|select|required|please|value|must|"
    r"password|invalid|too|short|long)\b",
    re.IGNORECASE,
)


def error_messages(html):
    soup = BeautifulSoup(html, "html.parser")
    return [
        error.get_text(" ", strip=True)
        for error in soup.select(".errorlist, .form-field__error, .form-errors, .notice--error")
    ]


def assert_swedish(text, submitted=()):
    """text has no English word of Django's messages in it, once what the visitor typed (which
    a message may quote) is taken out."""
    for value in submitted:
        if len(value.strip()) >= 3:
            text = text.replace(as_received(value).strip(), " ")
    assert not ENGLISH_WORDS.search(text), text


def assert_form_kept(response, data, kept_fields):
    """The form came back with Swedish errors and with what was typed in kept_fields, escaped."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    errors = error_messages(html)
    assert errors, "the form came back without saying what is wrong"
    for message in errors:
        assert_swedish(message, data.values())
    for name in kept_fields:
        assert escape(as_received(data[name])) in html, name


def assert_page(response, *texts):
    """A page, not a server error: 200 with the given Swedish texts, or the Swedish 404 page."""
    assert response.status_code in {200, 404}, response.status_code
    html = response.content.decode()
    if response.status_code == 404:
        assert "Sidan hittades inte" in html
    else:
        for text in texts:
            assert text in html


# Markdown that markdown2 renders in quadratic time or recurses on, each within a post's length.
MARKDOWN_BOMBS = {
    "backticks": "`" * 20_000,
    "brackets": "[" * 20_000,
    "images": "![" * 10_000,
    "footnotes": "[^" * 10_000,
    "unclosed links": "[a](" * 5_000,
    "unclosed links on lines": "[a](\n" * 4_000,
    "pipes": "|" * 20_000,
    "quotes": ">" * 200 + " citat",
    "spaced quotes": "> " * 200 + "citat",
    "nested list": "".join("  " * level + "- punkt\n" for level in range(130)),
    "list markers": "- " * 200 + "punkt",
    "quotes and lists": "> - " * 200 + "punkt",
}
CPU_SECONDS_PER_REQUEST = 1.0


@contextmanager
def cpu_budget(seconds=CPU_SECONDS_PER_REQUEST):
    """Fails when the block takes more than seconds of this process's CPU time (the test client
    handles the request in this process)."""
    start = time.process_time()
    yield
    used = time.process_time() - start
    assert used < seconds, f"{used:.2f} s of CPU"


@functools.cache
def image_bomb_bytes():
    """A PNG of 13,000 by 13,000 pixels in 50 kB: one bit per pixel, all white."""
    buffer = io.BytesIO()
    Image.new("1", (13_000, 13_000), 1).save(buffer, "PNG")
    return buffer.getvalue()


def image_bomb(name="bild.png"):
    return SimpleUploadedFile(name, image_bomb_bytes(), content_type="image/png")
