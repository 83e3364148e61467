"""Every form anyone can send without logging in is rate limited per client (and the password
reset per address too), answering 429 with a Swedish message and the form as typed; the client
is the address behind the site's own proxies (TRUSTED_PROXY_COUNT), never a header anyone can send."""

import pytest
from django.test import Client

from home.contact import RATE_LIMIT_SUBMISSIONS
from home.models import EventRegistration
from home.models.events import REGISTRATION_LIMIT
from tests.forum.factories import MemberProfileFactory, OrganisationFactory, UserFactory
from tests.home.factories import ContactPageFactory, EventIndexPageFactory, EventPageFactory

LIMITED = "Du har skickat formuläret många gånger på kort tid"
PASSWORD = "ett-langt-testlosenord"
CLIENT_A, CLIENT_B, PROXY = "198.51.100.1", "198.51.100.2", "10.0.0.5"


def behind_proxy(address):
    """A browser at ``address`` reaching the site through the TLS proxy, which appends the
    address it was contacted from to X-Forwarded-For."""
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


@pytest.fixture
def event(home_page):
    return EventPageFactory(parent=EventIndexPageFactory(parent=home_page), slug="frukost", capacity=12)


def register_for(client, event, number):
    return client.post(
        f"{event.url}anmalan/",
        {"name": f"Person {number}\r\nhttps://spam.example", "email": f"p{number}@example.se", "organisation": "AB"},
    )


def test_one_client_cannot_fill_an_event(client, event):
    seats, _ = REGISTRATION_LIMIT
    for number in range(seats):
        assert register_for(client, event, number).status_code == 200

    refused = register_for(client, event, 99)
    other_client = register_for(Client(REMOTE_ADDR="192.0.2.7"), event, 100)

    assert refused.status_code == 429
    assert LIMITED in refused.content.decode()
    assert 'value="p99@example.se"' in refused.content.decode()
    assert other_client.status_code == 200
    assert EventRegistration.objects.count() == seats + 1
    # Single-line fields keep no line breaks.
    assert EventRegistration.objects.get(email="p0@example.se").name == "Person 0 https://spam.example"


def test_another_events_registrations_are_counted_apart(client, event, home_page):
    other = EventPageFactory(parent=event.get_parent(), slug="lunch", capacity=12)
    seats, _ = REGISTRATION_LIMIT
    for number in range(seats):
        register_for(client, event, number)

    assert register_for(client, other, 0).status_code == 200


def application(number):
    numbers = ["556016-0680", "556036-0793", "556000-0001", "556703-7485"]
    return {
        "organisation_name": "Verkstad\r\n\r\nAB",
        "organisation_number": numbers[number],
        "sector": "naringsliv",
        "contact_name": "Alva Lindqvist",
        "contact_email": f"alva{number}@example.se",
        "privacy_consent": "on",
    }


def test_membership_applications_are_limited_per_client(client, home_page):
    for number in range(3):
        assert client.post("/bli-medlem/", application(number)).status_code == 302

    refused = client.post("/bli-medlem/", application(3))

    assert refused.status_code == 429
    assert LIMITED in refused.content.decode()
    assert 'value="alva3@example.se"' in refused.content.decode()
    assert Client(REMOTE_ADDR="192.0.2.7").post("/bli-medlem/", application(3)).status_code == 302


def test_registrations_are_limited_per_client(client, home_page):
    organisation = OrganisationFactory(listed_in_directory=True)

    def register(number, browser=client):
        return browser.post(
            "/konto/registrera/",
            {
                "first_name": "Anna",
                "last_name": "Svensson",
                "email": f"anna{number}@example.se",
                "password1": "ett-riktigt-bra-losenord",
                "password2": "ett-riktigt-bra-losenord",
                "organisation": organisation.pk,
                "display_name": f"Anna {'x' * number}",
            },
        )

    for number in range(5):
        assert register(number).status_code == 302
    refused = register(5)

    assert refused.status_code == 429
    assert LIMITED in refused.content.decode()
    assert 'value="anna5@example.se"' in refused.content.decode()
    assert register(6, Client(REMOTE_ADDR="192.0.2.7")).status_code == 302


def test_password_reset_is_limited_per_client_and_per_address(client, home_page):
    MemberProfileFactory(user__email="per@foretag.se")
    for _ in range(3):
        assert client.post("/konto/aterstall-losenord/", {"email": "per@foretag.se"}).status_code == 302

    # No more mail to one address, from any client; other addresses still from this one.
    to_same_address = Client(REMOTE_ADDR="192.0.2.7").post("/konto/aterstall-losenord/", {"email": "per@foretag.se"})
    assert to_same_address.status_code == 429
    assert LIMITED in to_same_address.content.decode()
    assert client.post("/konto/aterstall-losenord/", {"email": "kim@foretag.se"}).status_code == 302
    assert client.post("/konto/aterstall-losenord/", {"email": "ola@foretag.se"}).status_code == 302
    assert client.post("/konto/aterstall-losenord/", {"email": "eva@foretag.se"}).status_code == 429


# --- The client behind the proxy ------------------------------------------------------------------


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


MESSAGE = {"namn": "Kim", "e_post": "kim@foretaget.se", "amne": "Hej", "meddelande": "Hej!"}


def test_the_contact_limit_applies_per_client_behind_the_proxy(contact_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client_a = behind_proxy(CLIENT_A)
    for _ in range(RATE_LIMIT_SUBMISSIONS):
        assert "Tack för ditt meddelande" in client_a.post("/kontakt/", MESSAGE).content.decode()

    assert "Du har skickat många meddelanden" in client_a.post("/kontakt/", MESSAGE).content.decode()
    assert "Tack för ditt meddelande" in behind_proxy(CLIENT_B).post("/kontakt/", MESSAGE).content.decode()
    # A forged address further left in the header is the client's own word: still client A.
    forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"203.0.113.9, {CLIENT_A}")
    assert "Du har skickat många meddelanden" in forged.post("/kontakt/", MESSAGE).content.decode()


def test_without_trusted_proxies_the_forwarded_header_is_ignored(contact_page, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for number in range(RATE_LIMIT_SUBMISSIONS):
        spoofing = Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
        assert "Tack för ditt meddelande" in spoofing.post("/kontakt/", MESSAGE).content.decode()

    spoofing = Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR="203.0.113.200")
    assert "Du har skickat många meddelanden" in spoofing.post("/kontakt/", MESSAGE).content.decode()


def fail_to_log_in(browser, username, times=5):
    for _ in range(times):
        response = browser.post("/konto/logga-in/", {"username": username, "password": "fel-lösenord"})
    return response


def test_the_login_lockout_applies_per_client_behind_the_proxy(home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    user = UserFactory(username="per@foretag.se", email="per@foretag.se")

    locked = fail_to_log_in(behind_proxy(CLIENT_A), user.username)
    right_password_from_a = behind_proxy(CLIENT_A).post(
        "/konto/logga-in/", {"username": user.username, "password": PASSWORD}
    )
    right_password_from_b = behind_proxy(CLIENT_B).post(
        "/konto/logga-in/", {"username": user.username, "password": PASSWORD}
    )

    assert locked.status_code == 429
    assert right_password_from_a.status_code == 429
    assert right_password_from_b.status_code == 302, "client B is not locked out by client A's guesses"


def test_a_spoofed_forwarded_header_does_not_escape_the_lockout(home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    user = UserFactory(username="per@foretag.se", email="per@foretag.se")
    for number in range(5):
        Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").post(
            "/konto/logga-in/", {"username": user.username, "password": "fel-lösenord"}
        )

    spoofing = Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR="203.0.113.200")
    response = spoofing.post("/konto/logga-in/", {"username": user.username, "password": PASSWORD})

    assert response.status_code == 429


def test_one_password_tried_across_many_accounts_locks_the_client(home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    guesser = behind_proxy(CLIENT_A)
    victim = UserFactory(username="per@foretag.se", email="per@foretag.se")
    for number in range(settings.AXES_CLIENT_FAILURE_LIMIT):
        guesser.post("/konto/logga-in/", {"username": f"konto{number}@foretag.se", "password": "Sommar2026!"})

    guessed_right = guesser.post("/konto/logga-in/", {"username": victim.username, "password": PASSWORD})
    other_client = behind_proxy(CLIENT_B).post("/konto/logga-in/", {"username": victim.username, "password": PASSWORD})

    assert guessed_right.status_code == 429
    assert other_client.status_code == 302


def test_logging_in_to_ones_own_account_does_not_wipe_the_guesses_at_others(home_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    guesser = behind_proxy(CLIENT_A)
    own = UserFactory(username="egen@foretag.se", email="egen@foretag.se")
    victim = UserFactory(username="per@foretag.se", email="per@foretag.se")
    for number in range(settings.AXES_CLIENT_FAILURE_LIMIT - 1):
        guesser.post("/konto/logga-in/", {"username": f"konto{number}@foretag.se", "password": "Sommar2026!"})
    assert guesser.post("/konto/logga-in/", {"username": own.username, "password": PASSWORD}).status_code == 302
    guesser.post("/konto/logga-ut/")

    guesser.post("/konto/logga-in/", {"username": "konto99@foretag.se", "password": "Sommar2026!"})
    response = guesser.post("/konto/logga-in/", {"username": victim.username, "password": PASSWORD})

    assert response.status_code == 429
