import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from home.demo.pdf import build_pdf
from home.models import ActivityPlanPage, NewsPage

pytestmark = pytest.mark.usefixtures("media_root")


def test_seed_demo_creates_the_plans_and_the_news(client, db):
    call_command("seed_demo", stdout=StringIO())

    this_year = timezone.localdate().year
    plans = ActivityPlanPage.objects.order_by("year")
    assert [plan.year for plan in plans] == [2023, this_year]
    for plan in plans:
        assert plan.get_parent().url == "/verksamhetsplan/"
        assert plan.plan_document.collection.name == "Verksamhetsplaner"
        assert plan.plan_document.file.read().startswith(b"%PDF-1.4")
    assert NewsPage.objects.live().count() >= 6
    assert all(news.tags.exists() for news in NewsPage.objects.all())
    home = client.get("/").content.decode()
    assert f'<a href="{plans.last().url}">Läs verksamhetsplan för {this_year}</a>' in home
    assert "Det finns inga nyheter" not in client.get("/nyheter/").content.decode()


def test_demo_news_is_dated_back_from_the_day_of_seeding_with_pictures(db):
    call_command("seed_demo", stdout=StringIO())

    today = timezone.localdate()
    news = NewsPage.objects.order_by("-date")
    assert today - datetime.timedelta(days=7) <= news.first().date <= today
    assert all(item.date <= today for item in news)
    assert all(item.image and item.image_alt for item in news)


def test_plan_pdf_is_well_formed():
    pdf = build_pdf(
        "Verksamhetsplan 2023 – Arena Huddinge", [("title", "Fokusområden")] + [("text", "Möten " * 40)] * 15
    )

    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.endswith(b"%%EOF\n")
    # Every cross-reference entry points at the start of the object it names.
    xref_start = int(re.search(rb"startxref\n(\d+)\n", pdf).group(1))
    assert pdf[xref_start:].startswith(b"xref\n")
    entries = re.findall(rb"(\d{10}) 00000 n \n", pdf[xref_start:])
    for number, offset in enumerate(entries, start=1):
        assert pdf[int(offset) :].startswith(b"%d 0 obj\n" % number)
    assert b"/Count 2" in pdf  # the long text flows onto a second page
    assert "Fokusomr\xe5den".encode("latin-1") in pdf  # Swedish letters in WinAnsiEncoding
