from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Site

from forum.membership.validators import validate_organisation_number
from forum.models import Organisation
from home.models import HomePage

# seed_demo stores a PDF; keep it out of the project's media folder.
pytestmark = pytest.mark.usefixtures("media_root")


def seed(*args):
    output = StringIO()
    call_command("seed_demo", *args, stdout=output)
    return output.getvalue()


def test_seed_demo_creates_the_home_page_as_site_root(client, db):
    seed()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/var-verksamhet/")
    assert response.status_code == 200
    assert "Vår verksamhet" in response.content.decode()


def test_seed_demo_twice_changes_nothing_the_second_time(db):
    seed()
    pages_after_first_run = Page.objects.count()

    second_output = seed()

    assert Page.objects.count() == pages_after_first_run
    assert "Demoinnehållet finns redan; inget ändrades." in second_output


def test_superuser_gets_a_random_password_printed_once(db):
    first_output = seed("--superuser", "admin@arenahuddinge.se")
    second_output = seed("--superuser", "admin@arenahuddinge.se")

    password = first_output.split("Lösenord (visas bara nu): ")[1].split()[0]
    user = get_user_model().objects.get(username="admin@arenahuddinge.se")
    assert user.is_superuser
    assert user.check_password(password)
    assert len(password) >= 16
    assert password not in second_output
    assert "finns redan" in second_output


def test_seed_demo_creates_member_organisations_with_approved_members(db):
    seed()
    second_output = seed()

    organisations = Organisation.objects.all()
    assert organisations.count() == 8
    assert {organisation.sector for organisation in organisations} == {"kommun", "naringsliv"}
    assert all(organisation.listed_in_directory and organisation.description for organisation in organisations)
    assert Organisation.objects.get(organisation_number="212000-0142").name == "Huddinge kommun"
    for organisation in organisations:
        validate_organisation_number(organisation.organisation_number)
        profiles = organisation.members.all()
        assert profiles  # its demo member, and for some the forum's demo authors (tests/forum/test_seed.py)
        for profile in profiles:
            assert profile.is_approved
            assert profile.display_name
            assert not profile.user.has_usable_password()
            assert profile.user.groups.filter(name="Medlemmar").exists()
    assert "Demoinnehållet finns redan; inget ändrades." in second_output


def test_accessibility_statement_follows_diggs_model(client, db):
    seed()

    html = client.get("/tillganglighet/").content.decode()

    main = BeautifulSoup(html, "html.parser").main
    sections = {heading.get_text(strip=True): heading.name for heading in main.find_all(["h2", "h3"])}
    assert sections == {
        "Vad redogörelsen gäller": "h2",
        "Hur tillgänglig är webbplatsen?": "h2",
        "Innehåll som inte är tillgängligt": "h2",
        "Bristande förenlighet med lagkraven": "h3",
        "Innehåll som inte omfattas av lagen": "h3",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?": "h2",
        "Rapportera brister i webbplatsens tillgänglighet": "h2",
        "Tillsyn": "h2",
        "Hur vi testat webbplatsen": "h2",
        "Om redogörelsen": "h2",
    }
    text = main.get_text(" ", strip=True)
    for fact in [
        "Redogörelsen gäller hela webbplatsen arenahuddinge.se",
        "delvis förenlig med lagen (2018:1937)",
        "PDF-dokument som gjordes innan webbplatsen fanns",
        "Filmer och annat som vi bäddar in från andra tjänster",
        "Vi svarar inom fem arbetsdagar",
        "Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn",
        "axe-core mot WCAG 2.1 nivå AA och med W3C:s Nu HTML Checker",
        "enbart tangentbord i webbläsaren Chromium",
        "Manuella kontroller",
        "Senaste bedömningen gjordes den 27 november 2026",
        "Redogörelsen upprättades den 26 november 2026",
        "uppdaterades senast den 27 november 2026",
    ]:
        assert fact in text, fact
    assert main.find("a", href="https://www.digg.se/tdosanmalan")
    assert main.find("a", href="/kontakt/", string="kontaktformuläret")
    assert main.find("a", href="mailto:info@arenahuddinge.se")


def test_a_visitor_sees_a_living_start_page_from_the_demo_content(client, db):
    seed()

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    assert soup.find(class_="home-hero").find("picture").img["alt"]
    sections = {heading.get_text(): heading.find_parent("section") for heading in soup.main.find_all("h2")}
    events = sections["Kommande aktiviteter"].find_all("h3")
    assert [event.get_text(strip=True) for event in events] == [
        "Frukostmöte: Var hittar vi morgondagens medarbetare?",
        "Dialogmöte om samhällsbyggnad",
        "Studiebesök: Den nya stadsdelen växer fram",
    ]
    assert "40 platser kvar" in sections["Kommande aktiviteter"].get_text()
    topics = [topic.get_text(strip=True) for topic in sections["Senaste i forumet"].find_all("h3")]
    assert len(topics) == 4
    assert "Teman till nästa års verksamhetsplan" not in topics  # in Medlemsrummet, for members only
    news = sections["Senaste nyheterna"].find_all("article")
    assert len(news) == 3
    assert all(item.find("picture").img["alt"] for item in news)
    assert sections[f"Verksamhetsplan {timezone.localdate().year}"]
    assert soup.find(class_="home-join")


def test_demo_pages_in_english_and_lattlast_and_logos_for_every_organisation(client, db):
    seed()

    english = BeautifulSoup(client.get("/in-english/").content, "html.parser")
    assert english.main.find("article")["lang"] == "en"
    assert english.find("footer").find("a", string="Lättläst")["href"] == "/lattlast/"
    assert "Vem kan bli medlem?" in client.get("/bli-medlem/").content.decode()
    assert all(organisation.logo and organisation.logo.description for organisation in Organisation.objects.all())
