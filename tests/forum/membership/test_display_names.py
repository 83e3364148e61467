"""Display names that look the same to a reader are one name: a member cannot pass as another
with a zero-width character, a Cyrillic letter, a 1 for an l, or different case."""

import pytest
from django.db import IntegrityError

from forum.models import MemberProfile
from tests.forum.factories import MemberProfileFactory, OrganisationFactory

LOOKALIKES = [
    "member1\u200b",  # with a zero-width space
    "m\u0435mber1",  # Cyrillic small letter ie
    "memberl",  # l for 1
    "MEMBER1",
    "rnember1",  # rn for m
    "\uff4d\uff45\uff4d\uff42\uff45\uff52\uff11",  # full-width letters
    " member1 ",
]


@pytest.mark.parametrize("name", LOOKALIKES)
def test_registration_refuses_a_name_that_looks_like_a_members(client, home_page, name):
    MemberProfileFactory(display_name="member1")
    organisation = OrganisationFactory(listed_in_directory=True)

    response = client.post(
        "/konto/registrera/",
        {
            "first_name": "Mallory",
            "last_name": "Ondsint",
            "email": "mallory@example.se",
            "password1": "ett-riktigt-bra-losenord",
            "password2": "ett-riktigt-bra-losenord",
            "organisation": organisation.pk,
            "display_name": name,
        },
    )

    assert response.status_code == 200
    assert "Visningsnamnet används redan av en annan medlem" in response.content.decode()
    assert MemberProfile.objects.count() == 1


def test_a_member_cannot_take_a_lookalike_name_in_the_profile(client, home_page):
    MemberProfileFactory(display_name="Anna Lindqvist")
    profile = MemberProfileFactory(display_name="Mallory")
    client.force_login(profile.user)

    response = client.post("/konto/profil/", {"display_name": "Anna Lindqvist\u200d", "title": ""})

    assert "Visningsnamnet används redan av en annan medlem" in response.content.decode()
    profile.refresh_from_db()
    assert profile.display_name == "Mallory"


def test_names_that_differ_visibly_are_allowed_and_invisible_characters_are_dropped(client, home_page):
    MemberProfileFactory(display_name="Asa Oberg")
    profile = MemberProfileFactory(display_name="Mallory")
    client.force_login(profile.user)

    client.post("/konto/profil/", {"display_name": "Åsa\u200b Öberg\u2028", "title": ""})

    profile.refresh_from_db()
    assert profile.display_name == "Åsa Öberg"


def test_the_database_refuses_lookalike_names_too(db):
    MemberProfileFactory(display_name="member1")

    with pytest.raises(IntegrityError):
        MemberProfileFactory(display_name="m\u0435mberl")
