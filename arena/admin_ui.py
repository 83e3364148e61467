"""What our own Wagtail admin screens share: yes and no in Swedish, and local time.

Wagtail shows a model's BooleanField as "True"/"False" in a listing's column and on the inspect
page; our listings and inspect views say "Ja"/"Nej" instead. Its inspect view formats a moment
with ``|localize``, which skips the conversion to TIME_ZONE and shows UTC; ours shows Swedish time.
"""

from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from wagtail.admin.ui.tables import Column


def yes_no(value):
    if value is None:
        return "–"
    return "Ja" if value else "Nej"


def is_boolean_field(model, name):
    try:
        return isinstance(model._meta.get_field(name), models.BooleanField)
    except FieldDoesNotExist:
        return False


class YesNoColumn(Column):
    def get_value(self, instance):
        return yes_no(super().get_value(instance))


class SwedishIndexMixin:
    """For an IndexView: the columns of boolean fields in ``list_display`` say Ja/Nej.
    (``_get_custom_column`` is the method Wagtail builds each ``list_display`` column with.)"""

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column and is_boolean_field(self.model, field_name):
            column_class = YesNoColumn
        return super()._get_custom_column(field_name, column_class, **kwargs)


class SwedishInspectMixin:
    """For an InspectView: boolean fields say Ja/Nej, moments are in Swedish time, and an empty
    field shows a dash (Wagtail writes "None")."""

    def get_field_display_value(self, field_name, field):
        if isinstance(field, models.BooleanField):
            return yes_no(getattr(self.object, field_name))
        value = super().get_field_display_value(field_name, field)
        if value is None or value == "":
            return "–"
        if isinstance(value, datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value
