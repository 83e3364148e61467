"""Member organisations, their people and how members are named in the forum."""

import pytest
from django.core.exceptions import ValidationError
from machina.core.loading import get_class

from forum.membership.display_names import member_display_name
from forum.membership.validators import luhn_check_digit, validate_domain_list, validate_organisation_number
from forum.models import Organisation
from tests.forum.factories import ForumMemberFactory, MemberProfileFactory, OrganisationFactory, UserFactory


@pytest.mark.parametrize(
    "number",
    [
        "212000-0142",  # Huddinge kommun
        "556036-0793",
        "556016-0680",
        "5560360793",  # without the hyphen
    ],
)
def test_valid_organisation_numbers_pass(number):
    validate_organisation_number(number)


def test_check_digit_is_computed_the_luhn_way():
    # Worked by hand: 2 1 2 0 0 0 0 1 4 weighted 2 1 2 1 2 1 2 1 2 → 4+1+4+0+0+0+0+1+8 = 18 → 10 - 8 = 2
    assert luhn_check_digit("212000014") == 2
    assert luhn_check_digit("556036079") == 3


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("556036-0794", "kontrollsiffran stämmer inte"),
        ("212000-0143", "kontrollsiffran stämmer inte"),
        ("55603-0793", "tio siffror"),
        ("abcdef-ghij", "tio siffror"),
        ("", "tio siffror"),
    ],
)
def test_invalid_organisation_numbers_get_a_swedish_error(number, message):
    with pytest.raises(ValidationError) as error:
        validate_organisation_number(number)

    assert message in error.value.messages[0]


def test_organisation_number_is_stored_with_the_hyphen(db):
    organisation = OrganisationFactory(organisation_number="5560360793")

    organisation.refresh_from_db()
    assert organisation.organisation_number == "556036-0793"
    assert Organisation.objects.filter(organisation_number="5560360793").get() == organisation


def test_organisation_number_is_unique(db):
    OrganisationFactory(organisation_number="556036-0793")
    duplicate = Organisation(name="Kopian AB", organisation_number="5560360793", sector="naringsliv")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert error.value.message_dict["organisation_number"] == [
        "Det finns redan en medlemsorganisation med detta organisationsnummer."
    ]


def test_email_domains_are_validated_and_tidied(db):
    organisation = OrganisationFactory.build(email_domains=" Huddinge.se ,@huddingehem.se,")
    organisation.full_clean()
    assert organisation.email_domains == "huddinge.se, huddingehem.se"

    with pytest.raises(ValidationError) as error:
        validate_domain_list("huddinge.se, inte en domän, localhost")
    assert "inte en domän, localhost" in error.value.messages[0]


def test_verified_domain_must_match_exactly(db):
    organisation = OrganisationFactory(email_domains="huddinge.se")

    assert organisation.has_verified_domain("Anna.Svensson@HUDDINGE.se")
    assert not organisation.has_verified_domain("anna@huddinge.se.example.com")
    assert not organisation.has_verified_domain("anna@skola.huddinge.se")
    assert not organisation.has_verified_domain("huddinge.se")


def test_display_name_is_the_member_profiles_never_the_email(db):
    profile = MemberProfileFactory(display_name="Anna på Kommunen", user__email="anna@huddinge.se")

    assert member_display_name(profile.user) == "Anna på Kommunen"
    # machina asks the user model for the method named in its setting.
    assert profile.user.get_member_display_name() == "Anna på Kommunen"


def test_person_without_profile_is_shown_by_full_name_or_a_neutral_word(db):
    assert member_display_name(UserFactory(first_name="Kim", last_name="Berg")) == "Kim Berg"
    nameless = UserFactory(first_name="", last_name="", username="x@example.se")
    assert member_display_name(nameless) == "Medlem"


def test_machina_member_profile_page_shows_the_display_name_not_the_email(client, home_page):
    profile = MemberProfileFactory(display_name="Företagaren Fia", user__username="fia@foretag.se")
    client.force_login(ForumMemberFactory())

    response = client.get(f"/forum/member/profile/{profile.user.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Företagaren Fia" in html
    assert "fia@foretag.se" not in html


def test_machina_still_loads_its_own_forum_app():
    # Our app is also named ``forum``; machina's class loader must keep resolving its own.
    assert get_class("forum.models", "Forum")._meta.app_config.name == "machina.apps.forum"
    assert get_class("forum.views", "IndexView").__module__.startswith("machina.")
    assert get_class("forum_member.shortcuts", "get_forum_member_display_name").__module__.startswith("machina.")
