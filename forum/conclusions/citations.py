"""Which activity-plan goals cite a conclusion.

The activity plan is a Wagtail page of ``home``, which the forum never imports. ``home`` registers
a lookup here in its ``AppConfig.ready()`` (as it registers its personal data with
``forum.membership.personal_data``), and the forum asks it whenever it shows conclusions.
"""

from dataclasses import dataclass

_lookups = []


@dataclass(frozen=True)
class Citation:
    """A goal that cites a conclusion: what a reader sees as the link's text, and where it goes."""

    title: str
    url: str


def register_citation_lookup(lookup):
    """lookup(conclusion_ids) answers {conclusion id: [Citation, ...]}, in a fixed number of queries."""
    if lookup not in _lookups:
        _lookups.append(lookup)


def with_citations(conclusions):
    """The conclusions as a list, each with ``citations``: the public goals that cite it."""
    conclusions = list(conclusions)
    found = {}
    if conclusions:
        ids = [conclusion.pk for conclusion in conclusions]
        for lookup in _lookups:
            for conclusion_id, citations in lookup(ids).items():
                found.setdefault(conclusion_id, []).extend(citations)
    for conclusion in conclusions:
        conclusion.citations = found.get(conclusion.pk, [])
    return conclusions
