"""Validators for membership data: Swedish organisation numbers and e-mail domains."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator

ORGANISATION_NUMBER_FORMAT = re.compile(r"^(\d{6})-?(\d{4})$")


def luhn_check_digit(digits):
    """The Luhn check digit for a string of digits (Swedish organisation numbers use nine)."""
    total = 0
    for position, digit in enumerate(digits):
        product = int(digit) * (2 if position % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10


def normalise_organisation_number(value):
    """``NNNNNN-NNNN`` for a well-formed number (with or without hyphen or spaces), else unchanged."""
    match = ORGANISATION_NUMBER_FORMAT.match((value or "").replace(" ", ""))
    if match is None:
        return value
    return f"{match.group(1)}-{match.group(2)}"


def validate_organisation_number(value):
    match = ORGANISATION_NUMBER_FORMAT.match((value or "").replace(" ", ""))
    if match is None:
        raise ValidationError(
            "Ange organisationsnumret med tio siffror, till exempel 556036-0793.", code="invalid_format"
        )
    digits = match.group(1) + match.group(2)
    if luhn_check_digit(digits[:9]) != int(digits[9]):
        raise ValidationError(
            "Organisationsnumret är inte giltigt – kontrollsiffran stämmer inte. Kontrollera att du skrivit rätt.",
            code="invalid_check_digit",
        )


def split_domains(value):
    """The domains in a comma-separated list, lower-cased, without blanks or a leading @."""
    return [domain.strip().lower().lstrip("@") for domain in (value or "").split(",") if domain.strip()]


def validate_domain_list(value):
    validate_domain = DomainNameValidator()
    invalid = []
    for domain in split_domains(value):
        try:
            validate_domain(domain)
        except ValidationError:
            invalid.append(domain)
    if invalid:
        raise ValidationError(
            "Detta är inte giltiga domäner: %(domains)s. Skriv domänerna åtskilda med kommatecken, "
            "till exempel huddinge.se, foretaget.se.",
            code="invalid_domain",
            params={"domains": ", ".join(invalid)},
        )
