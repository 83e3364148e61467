"""Demo content for the contact page and the pages about privacy, cookies and accessibility.

The three "about the site" pages are standard pages below the home page, kept out of the main
menu; the footer links to them through the site settings.
"""

from django.conf import settings
from wagtail.models import Site

from home.models import ContactFormField, ContactPage, SiteSettings, StandardPage

# Dates in the accessibility statement: written, last assessed and last reviewed.
STATEMENT_DATE = "26 november 2026"
ASSESSED_ON = "27 november 2026"
REVIEWED_ON = "27 november 2026"


def retention_text():
    days = settings.CONTACT_SUBMISSION_RETENTION_DAYS
    return f"{days} dagar" if days != 365 else "ett år (365 dagar)"


def privacy_page_data():
    return {
        "title": "Integritet",
        "slug": "integritet",
        "show_in_menus": False,
        "introduction": "Så behandlar vi dina personuppgifter.",
        "summary": "Vilka personuppgifter Arena Huddinge sparar, varför, hur länge och vilka rättigheter du har.",
        "body": [
            ("heading", {"text": "Vem ansvarar för dina uppgifter?", "level": "h2"}),
            (
                "paragraph",
                "<p>Föreningen Arena Huddinge är personuppgiftsansvarig för de uppgifter som lämnas på "
                "webbplatsen. Har du frågor om hur vi hanterar personuppgifter når du oss på "
                '<a href="mailto:info@arenahuddinge.se">info@arenahuddinge.se</a>.</p>',
            ),
            ("heading", {"text": "När du skriver till oss", "level": "h2"}),
            (
                "paragraph",
                "<p>När du använder kontaktformuläret sparar vi ditt namn, din e-postadress, din "
                "organisation om du anger den, ämnet och ditt meddelande. Uppgifterna skickas också med "
                "e-post till föreningen. Vi använder dem bara för att svara dig och för att följa upp "
                "ärendet. Den rättsliga grunden är vårt berättigade intresse av att kunna besvara "
                f"frågor. Meddelandet raderas automatiskt efter {retention_text()}.</p>",
            ),
            ("heading", {"text": "När du är medlem", "level": "h2"}),
            (
                "paragraph",
                "<p>Som medlem har du ett konto med namn, e-postadress och den organisation du "
                "företräder, och det du skriver i forumet visas för andra enligt forumets regler. Vi "
                "behandlar uppgifterna för att fullgöra medlemskapet.</p>"
                "<p>Under Mitt konto kan du när som helst välja ”Ladda ner mina uppgifter” och få en "
                "fil med allt vi har sparat om dig: konto, medlemsprofil, inlägg, bevakningar, röster, "
                "anmälningar, ansökningar och meddelanden. Där kan du också välja ”Radera mitt konto”; då raderas "
                "dina personuppgifter, och dina inlägg står kvar som skrivna av ”Tidigare medlem” "
                "eller raderas, som du själv väljer.</p>",
            ),
            ("heading", {"text": "Dina rättigheter", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Du har rätt att få veta vilka uppgifter vi har om dig och att få en kopia av "
                "dem.</li><li>Du har rätt att få felaktiga uppgifter rättade och att få uppgifter "
                "raderade när vi inte längre behöver dem.</li><li>Du har rätt att invända mot "
                "behandling som grundar sig på vårt berättigade intresse.</li></ul>"
                "<p>Är du inte nöjd med hur vi behandlar dina uppgifter kan du vända dig till "
                '<a href="https://www.imy.se/">Integritetsskyddsmyndigheten (IMY)</a>.</p>',
            ),
        ],
    }


COOKIE_PAGE = {
    "title": "Om kakor",
    "slug": "om-kakor",
    "show_in_menus": False,
    "introduction": "Webbplatsen använder bara de kakor som behövs för att den ska fungera.",
    "summary": "Vilka kakor arenahuddinge.se använder och varför du inte behöver godkänna dem.",
    "body": [
        (
            "paragraph",
            "<p>En kaka (cookie) är en liten textfil som webbplatsen sparar i din webbläsare. Vi "
            "använder inga kakor för statistik, annonser eller sociala medier, och inga kakor från "
            "andra företag. Läser du bara sidorna sparas ingen kaka alls.</p>",
        ),
        ("heading", {"text": "Kakor som behövs för att webbplatsen ska fungera", "level": "h2"}),
        (
            "paragraph",
            "<ul><li><b>sessionid</b> – håller dig inloggad när du är medlem eller redaktör. Den "
            "sparas först när du loggar in och tas bort när du loggar ut eller efter två veckor."
            "</li><li><b>csrftoken</b> – skyddar formulär, till exempel kontaktformuläret och "
            "forumet, mot att någon annan skickar in dem i ditt namn. Den sparas när du fyller i "
            "ett formulär eller loggar in och gäller i ett år.</li></ul>",
        ),
        (
            "paragraph",
            "<p>Enligt lagen om elektronisk kommunikation behövs inget samtycke för kakor som är "
            "nödvändiga för en tjänst du själv har bett om. Därför visar vi ingen kakruta. Du kan "
            "alltid radera kakor i din webbläsares inställningar; då blir du utloggad.</p>",
        ),
    ],
}


def contact_page_data(privacy_page):
    return {
        "title": "Kontakt",
        "slug": "kontakt",
        "show_in_menus": True,
        "summary": "Skriv till Arena Huddinge: frågor om verksamheten, medlemskap eller idéer till aktiviteter.",
        "introduction": (
            "<p>Vill du veta mer om vår verksamhet, våra aktiviteter eller hur ditt företag kan bli "
            "medlem? Har du en idé om något vi borde ta upp? Skriv till oss, så hör vi av oss.</p>"
        ),
        "privacy_notice": (
            f"<p>Vi sparar ditt meddelande i {retention_text()} för att kunna besvara och följa upp "
            f'det. Läs mer om <a linktype="page" id="{privacy_page.pk}">hur vi behandlar dina '
            "personuppgifter</a>.</p>"
        ),
        "thank_you_text": (
            "<p>Tack! Vi har tagit emot ditt meddelande och svarar så snart vi kan, oftast inom en vecka.</p>"
        ),
        "to_address": "info@arenahuddinge.se",
        "subject": "Nytt meddelande via arenahuddinge.se",
        "form_fields": [
            ContactFormField(sort_order=0, label="Namn", field_type="singleline", required=True),
            ContactFormField(
                sort_order=1,
                label="E-post",
                field_type="email",
                required=True,
                help_text="Vi använder adressen bara för att svara dig.",
            ),
            ContactFormField(
                sort_order=2,
                label="Organisation",
                field_type="singleline",
                required=False,
                help_text="Företag, förvaltning eller annan organisation, om du skriver i tjänsten.",
            ),
            ContactFormField(sort_order=3, label="Ämne", field_type="singleline", required=True),
            ContactFormField(sort_order=4, label="Meddelande", field_type="multiline", required=True),
        ],
    }


def accessibility_page_data(contact_page):
    """The accessibility statement, following the model statement of DIGG (the Agency for Digital
    Government): scope, conformance, known gaps, feedback, enforcement, method and dates."""
    return {
        "title": "Tillgänglighetsredogörelse",
        "slug": "tillganglighet",
        "show_in_menus": False,
        "introduction": (
            "Arena Huddinge står bakom den här webbplatsen. Vi vill att så många som möjligt ska kunna "
            "använda den. Här beskriver vi hur webbplatsen uppfyller lagen om tillgänglighet till "
            "digital offentlig service, vilka brister vi känner till och hur du kan rapportera problem."
        ),
        "summary": "Hur tillgänglig arenahuddinge.se är, kända brister och hur du rapporterar problem.",
        "body": [
            ("heading", {"text": "Vad redogörelsen gäller", "level": "h2"}),
            (
                "paragraph",
                "<p>Redogörelsen gäller hela webbplatsen arenahuddinge.se: de redaktionella sidorna, "
                "nyheter, aktiviteter, verksamhetsplaner, kontaktformuläret, ansökan om medlemskap, "
                "kontosidorna under Mitt konto och forumet. Den gäller inte redaktörernas "
                "administrationsgränssnitt.</p>",
            ),
            ("heading", {"text": "Hur tillgänglig är webbplatsen?", "level": "h2"}),
            (
                "paragraph",
                "<p>Webbplatsen är <strong>delvis förenlig</strong> med lagen (2018:1937) om "
                "tillgänglighet till digital offentlig service, på grund av de brister som beskrivs "
                "nedan. Kraven vi följer är nivå AA i WCAG 2.1 (standarden EN 301 549).</p>",
            ),
            ("heading", {"text": "Innehåll som inte är tillgängligt", "level": "h2"}),
            ("heading", {"text": "Bristande förenlighet med lagkraven", "level": "h3"}),
            (
                "paragraph",
                "<ul><li>Verksamhetsplanerna och andra PDF-dokument som gjordes innan webbplatsen "
                "fanns saknar i vissa fall rubrikstruktur och beskrivningar av bilder "
                "(WCAG 1.1.1 Icke-textinnehåll och 1.3.1 Information och relationer).</li>"
                "<li>Vi har ännu inte testat webbplatsen med skärmläsare tillsammans med personer "
                "som använder dem dagligen. Brister som bara märks så kan finnas kvar.</li></ul>",
            ),
            ("heading", {"text": "Innehåll som inte omfattas av lagen", "level": "h3"}),
            (
                "paragraph",
                "<ul><li>Filmer och annat som vi bäddar in från andra tjänster, till exempel "
                "inspelade möten, styrs av den tjänsten och har inte alltid textning.</li>"
                "<li>Filer och bilder som medlemmar själva bifogar i forumet granskas inte i förväg "
                "och kan sakna textalternativ.</li></ul>"
                "<p>Vi åtgärdar bristerna i takt med att innehållet ses över, och de PDF-dokument vi "
                "gör nu skapas med rubriker och bildbeskrivningar.</p>",
            ),
            ("heading", {"text": "Vad kan du göra om du inte kan använda delar av webbplatsen?", "level": "h2"}),
            (
                "paragraph",
                "<p>Behöver du innehåll i ett annat format, till exempel en verksamhetsplan som "
                "tillgänglig text, eller stöter du på något som hindrar dig? Skriv via "
                f'<a linktype="page" id="{contact_page.pk}">kontaktformuläret</a> eller till '
                '<a href="mailto:info@arenahuddinge.se">info@arenahuddinge.se</a>. Vi svarar inom '
                "fem arbetsdagar.</p>",
            ),
            ("heading", {"text": "Rapportera brister i webbplatsens tillgänglighet", "level": "h2"}),
            (
                "paragraph",
                "<p>Vi vill hela tiden göra webbplatsen bättre. Upptäcker du problem som inte står på "
                "den här sidan, eller tycker du att vi inte uppfyller lagens krav? Berätta det för oss "
                "på samma sätt: via kontaktformuläret eller till info@arenahuddinge.se. Vi svarar inom "
                "fem arbetsdagar och berättar hur och när vi åtgärdar bristen.</p>",
            ),
            ("heading", {"text": "Tillsyn", "level": "h2"}),
            (
                "paragraph",
                "<p>Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om "
                "tillgänglighet till digital offentlig service. Om du inte är nöjd med hur vi hanterar "
                'dina synpunkter kan du <a href="https://www.digg.se/tdosanmalan">anmäla det till DIGG '
                "via myndighetens formulär</a>.</p>",
            ),
            ("heading", {"text": "Hur vi testat webbplatsen", "level": "h2"}),
            (
                "paragraph",
                "<p>Vi har gjort en egen granskning (självskattning) av webbplatsen. Så testar vi den:</p>"
                "<ul><li>Automatiska tester vid varje ändring av webbplatsen: varje typ av sida och "
                "formulär, också formulär som visas igen med fel, kontrolleras med verktyget "
                "axe-core mot WCAG 2.1 nivå AA och med W3C:s Nu HTML Checker. En ändring med fel "
                "går inte att publicera.</li>"
                "<li>Automatiska tester med enbart tangentbord i webbläsaren Chromium, också i en "
                "smal skärmbredd som motsvarar förstoring till 400 procent: hopplänken, menyn, "
                "kontaktformuläret med och utan fel och att skriva i forumet. Vid varje steg "
                "kontrolleras att det syns var fokus är.</li>"
                "<li>Manuella kontroller när en ny typ av sida tillkommer: med enbart tangentbord, "
                "med förstoring och med JavaScript avstängt.</li></ul>"
                f"<p>Senaste bedömningen gjordes den {ASSESSED_ON}.</p>",
            ),
            ("heading", {"text": "Om redogörelsen", "level": "h2"}),
            (
                "paragraph",
                f"<p>Redogörelsen upprättades den {STATEMENT_DATE}. Den uppdaterades senast den "
                f"{REVIEWED_ON}, efter en ny granskning av webbplatsen.</p>",
            ),
        ],
    }


def seed(command, home_page):
    """Creates what is missing of the contact page and the pages about the site, and links the
    latter from the footer."""
    privacy_page = command.ensure_child_page(home_page, StandardPage, privacy_page_data())
    cookie_page = command.ensure_child_page(home_page, StandardPage, COOKIE_PAGE)
    contact_page = command.ensure_child_page(home_page, ContactPage, contact_page_data(privacy_page))
    accessibility_page = command.ensure_child_page(home_page, StandardPage, accessibility_page_data(contact_page))

    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home_page))
    footer_pages = {"privacy_page": privacy_page, "cookie_page": cookie_page, "accessibility_page": accessibility_page}
    missing = {field: page for field, page in footer_pages.items() if getattr(site_settings, f"{field}_id") is None}
    if missing:
        for field, page in missing.items():
            setattr(site_settings, field, page)
        site_settings.save()
        command.created.append("länkar i sidfoten till integritet, kakor och tillgänglighet")
