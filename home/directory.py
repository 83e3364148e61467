"""The member directory's rules: which organisations are listed, and the visitor's filter."""

from django import forms
from django.db.models import Count, Prefetch, Q
from wagtail.images import get_image_model

from forum.models import Organisation, Sector

ALL_SECTORS = ""


class DirectoryFilterForm(forms.Form):
    """Search by name and choose a sector, sent with GET so a filtered list can be bookmarked."""

    q = forms.CharField(label="Sök på organisationens namn", required=False, max_length=100, widget=forms.SearchInput)
    sektor = forms.ChoiceField(
        label="Sektor",
        required=False,
        widget=forms.RadioSelect,
        choices=[(ALL_SECTORS, "Alla sektorer"), *Sector.choices],
    )

    def __init__(self, query):
        data = query.copy()
        data.setdefault("sektor", ALL_SECTORS)  # "Alla sektorer" is chosen until another one is
        super().__init__(data)

    def filter(self, organisations):
        """The ``organisations`` the visitor asked for. Each sector's label gets the number of
        organisations matching the search in it. A value that is not valid (an unknown sector, a
        too long search) filters nothing; its error is shown next to its field."""
        self.is_valid()
        search = self.cleaned_data.get("q", "").strip()
        if search:
            organisations = organisations.filter(name__icontains=search)
        counts = count_by_sector(organisations)
        field = self.fields["sektor"]
        field.choices = [(value, f"{label} ({counts[value]})") for value, label in field.choices]
        sector = self.cleaned_data.get("sektor")
        if sector:
            organisations = organisations.filter(sector=sector)
        return organisations

    @property
    def search(self):
        return self.cleaned_data.get("q", "").strip()

    @property
    def sector_label(self):
        """The chosen sector's name, or "" when all sectors are shown."""
        sector = self.cleaned_data.get("sektor")
        return Sector(sector).label if sector else ""


def listed_organisations():
    """Organisations that have agreed to be shown in the public directory."""
    return Organisation.objects.filter(listed_in_directory=True)


def count_by_sector(organisations):
    """How many of ``organisations`` there are in all ("") and in each sector, in one query."""
    counts = organisations.aggregate(
        total=Count("pk"), **{sector.value: Count("pk", filter=Q(sector=sector.value)) for sector in Sector}
    )
    counts[ALL_SECTORS] = counts.pop("total")
    return counts


def with_logos(organisations):
    """``organisations`` by name, with their logos and logo renditions fetched in a fixed number
    of queries however many rows there are."""
    return organisations.order_by("name", "pk").prefetch_related(
        Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions())
    )
