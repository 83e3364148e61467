"""Requests no browser of a visitor sends: over-long addresses, NUL characters in the query
string, methods a page does not take, bodies of the wrong type and a failed CSRF check. Each gets
a proper 4xx or the form again with Swedish errors, never a server error, and nothing is saved.
The contact form's own cases are in tests/home/test_contact.py."""

import json

import pytest
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from forum.models import MembershipApplication
from home.models import EventRegistration
from tests.home.factories import (
    ContactPageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    MemberDirectoryPageFactory,
    NewsIndexPageFactory,
)

BAD_REQUEST = "Förfrågan kunde inte tas emot"


@pytest.fixture
def pages(home_page):
    ContactPageFactory(parent=home_page)
    NewsIndexPageFactory(parent=home_page)
    MemberDirectoryPageFactory(parent=home_page)
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home_page), slug="frukostmote")
    return {"start": "/", "kontakt": "/kontakt/", "nyheter": "/nyheter/", "aktivitet": event.url}


def test_an_over_long_path_is_the_swedish_404_page(visitor, pages):
    for path in ("/" + "a" * 10_000 + "/", "/forum/" + "å" * 10_000 + "/", "/konto/" + "x" * 10_000 + "/"):
        response = visitor.get(path)

        assert response.status_code == 404
        assert "Sidan hittades inte" in response.content.decode()


def test_an_over_long_query_string_gets_the_page(visitor, pages):
    long_value = "x" * 10_000

    search = visitor.get("/sok/", {"q": long_value})
    news = visitor.get("/nyheter/", {"tagg": long_value, "sida": long_value})

    assert search.status_code == 200
    assert "Sökfrågan är för lång. Använd högst 200 tecken." in search.content.decode()
    assert news.status_code == 200


@pytest.mark.parametrize(
    ("address", "text"),
    [
        ("/nyheter/?tagg=%00", "Det finns inga nyheter med taggen"),
        ("/sok/?q=a%00b", "Sök på webbplatsen"),
        ("/medlemmar/?sektor=kommun&q=%00", "Null-tecken är inte tillåtna."),
        ("/forum/?%00=1", "Forum"),
    ],
)
def test_a_nul_character_in_the_query_string_gets_the_page(visitor, pages, address, text):
    response = visitor.get(address)

    assert response.status_code == 200
    assert text in response.content.decode()


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("page", ["start", "kontakt", "nyheter", "aktivitet"])
def test_pages_refuse_methods_they_do_not_take(visitor, pages, page, method):
    response = getattr(visitor, method)(pages[page])

    assert response.status_code == 405
    assert "PUT" not in response["Allow"]


def test_only_pages_with_a_form_take_post(visitor, pages):
    assert visitor.post(pages["nyheter"]).status_code == 405
    assert visitor.post(pages["start"]).status_code == 405
    assert visitor.options(pages["nyheter"])["Allow"] == "GET, HEAD, OPTIONS"
    assert visitor.options(pages["kontakt"])["Allow"] == "GET, HEAD, OPTIONS, POST"


@pytest.mark.parametrize("method", ["patch", "delete"])
@pytest.mark.parametrize("path", ["/bli-medlem/", "/konto/registrera/", "/konto/logga-in/", "/forum/"])
def test_django_views_refuse_methods_they_do_not_declare(visitor, home_page, path, method):
    assert getattr(visitor, method)(path).status_code == 405


def test_put_to_a_form_shows_the_form_again_and_saves_nothing(visitor, home_page):
    # Django's form views take PUT as POST; the body is not read as a form, so every required
    # field is reported missing.
    response = visitor.put("/bli-medlem/", "organisation_name=Cykelverkstaden")

    assert response.status_code == 200
    assert "Det här fältet är obligatoriskt" in response.content.decode()
    assert not MembershipApplication.objects.exists()


JSON_MESSAGE = json.dumps({"namn": "Kim", "e_post": "kim@example.se", "amne": "Hej", "meddelande": "Hej!"})


@pytest.mark.parametrize(
    "path", ["/kontakt/", "/bli-medlem/", "/konto/registrera/", "/konto/logga-in/", "/aktiviteter/frukostmote/anmalan/"]
)
def test_json_posted_to_a_form_gets_the_form_back_with_swedish_errors(visitor, pages, path):
    response = visitor.post(path, JSON_MESSAGE, content_type="application/json")

    assert response.status_code == 200
    assert "Det här fältet är obligatoriskt" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not MembershipApplication.objects.exists()
    assert not EventRegistration.objects.exists()


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data", "namn=Kim"),  # no boundary
        ("multipart/form-data; boundary=gräns", "--gräns\r\nnamn=Kim"),  # a boundary that is not ASCII
        ("application/x-www-form-urlencoded", "&".join(f"f{n}=1" for n in range(20_000))),  # too many fields
    ],
)
@pytest.mark.parametrize("path", ["/kontakt/", "/bli-medlem/", "/aktiviteter/frukostmote/anmalan/"])
def test_a_body_that_cannot_be_read_is_a_swedish_400(visitor, pages, path, content_type, body):
    response = visitor.post(path, body, content_type=content_type)

    assert response.status_code == 400
    assert BAD_REQUEST in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not MembershipApplication.objects.exists()
    assert not EventRegistration.objects.exists()


def test_a_failed_csrf_check_is_a_swedish_403_page(pages):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post("/kontakt/", {"namn": "Kim"})

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Formuläret kunde inte skickas</h1>" in html
    assert "ladda om sidan" in html
    assert not FormSubmission.objects.exists()
