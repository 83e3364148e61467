"""Model fields for membership data."""

from django import forms
from django.db import models

from .validators import normalise_organisation_number, validate_organisation_number


class OrganisationNumberField(models.CharField):
    """A Swedish organisation number, validated and always stored as ``NNNNNN-NNNN``."""

    default_validators = [validate_organisation_number]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 11)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalise_organisation_number(super().to_python(value))

    def get_prep_value(self, value):
        return normalise_organisation_number(super().get_prep_value(value))

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": OrganisationNumberFormField, **kwargs})


class OrganisationNumberFormField(forms.CharField):
    """Accepts ``NNNNNNNNNN`` or ``NNNNNN-NNNN`` and cleans to ``NNNNNN-NNNN``."""

    default_validators = [validate_organisation_number]

    def to_python(self, value):
        return normalise_organisation_number(super().to_python(value))
