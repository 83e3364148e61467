"""The conclusions page's rules: which conclusions it lists, and the visitor's filter by year,
forum and the sectors' voices."""

from django import forms
from django.db.models.functions import ExtractYear
from machina.core.db.models import get_model

from forum.conclusions.services import public_conclusions
from forum.models import Conclusion

Forum = get_model("forum", "Forum")

ALL = ""


def listed_conclusions():
    """The public forums' conclusions, newest first, with what a listing shows of each."""
    return public_conclusions().select_related("topic__forum", "concluded_by__member_profile")


class ConclusionFilterForm(forms.Form):
    """Sent with GET, so a filtered list can be bookmarked. A value that is not valid (a year
    without conclusions, an unknown forum) filters nothing; its error is shown next to its field."""

    ar = forms.TypedChoiceField(label="År", required=False, coerce=int, empty_value=None)
    forum = forms.TypedChoiceField(label="Forum", required=False, coerce=int, empty_value=None)
    balans = forms.ChoiceField(
        label="Sektorernas röster",
        required=False,
        choices=[(ALL, "Alla"), *Conclusion.SectorBalance.choices],
        help_text="Hur rösterna i samtalet fördelade sig mellan kommun och näringsliv.",
    )

    def __init__(self, query, conclusions):
        super().__init__(query)
        # The choices are what the list holds: one query each.
        years = conclusions.annotate(year=ExtractYear("concluded_at")).order_by("-year").values_list("year", flat=True)
        self.fields["ar"].choices = [(ALL, "Alla år"), *((year, str(year)) for year in years.distinct())]
        forums = Forum.objects.filter(pk__in=conclusions.values("topic__forum")).order_by("name")
        self.fields["forum"].choices = [(ALL, "Alla forum"), *forums.values_list("pk", "name")]

    def filter(self, conclusions):
        self.is_valid()
        year = self.cleaned_data.get("ar")
        if year:
            conclusions = conclusions.filter(concluded_at__year=year)
        forum = self.cleaned_data.get("forum")
        if forum:
            conclusions = conclusions.filter(topic__forum=forum)
        balance = self.cleaned_data.get("balans")
        if balance:
            conclusions = conclusions.filter(sector_balance=balance)
        return conclusions

    @property
    def is_filtered(self):
        return any(self.cleaned_data.get(name) for name in self.fields)
