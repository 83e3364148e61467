"""Demo content about the association for readers the Swedish pages do not reach: a page in
English, a page in easy-to-read Swedish (lättläst), and what membership means, shown on
/bli-medlem/ above the application form. The site settings link the two pages from every page.
"""

from home.models import SiteSettings, StandardPage

from .images import ensure_image

ENGLISH = {
    "title": "About Arena Huddinge",
    "slug": "in-english",
    "language": StandardPage.Language.ENGLISH,
    "introduction": (
        "Arena Huddinge is a member association where the Municipality of Huddinge and local "
        "businesses meet to talk, learn from each other and try new ways of working together."
    ),
    "summary": "Arena Huddinge in English: who we are, what we do and how to take part.",
    "body": [
        ("heading", {"text": "Why we exist", "level": "h2"}),
        (
            "paragraph",
            "<p>Huddinge, just south of Stockholm, is growing fast: new homes, new workplaces and a "
            "business climate that keeps improving. Growth like that needs places where the "
            "municipality and companies can test ideas together before decisions are made. Arena "
            "Huddinge is such a place, where business value and public value meet.</p>",
        ),
        ("heading", {"text": "What we do", "level": "h2"}),
        (
            "paragraph",
            "<ul><li>Breakfast meetings, seminars and study visits on housing, jobs, skills and "
            "sustainability.</li><li>Dialogue meetings where the municipality's leaders and local "
            "companies discuss questions early.</li><li>An online forum where members from both "
            "sectors continue the conversation.</li></ul>",
        ),
        ("heading", {"text": "In the spaces between", "level": "h2"}),
        (
            "paragraph",
            "<p>Our members are different, and that is our strength. Between perspectives, people, "
            "buildings and places there are gaps. When we notice them, new ideas and new forms of "
            "cooperation appear. Together we meet the future, in the spaces between.</p>",
        ),
        ("heading", {"text": "Get in touch", "level": "h2"}),
        (
            "paragraph",
            "<p>Most of our activities are in Swedish, but you are welcome to write to us in English "
            'at <a href="mailto:info@arenahuddinge.se">info@arenahuddinge.se</a>.</p>',
        ),
    ],
}

EASY_READ = {
    "title": "Lättläst",
    "slug": "lattlast",
    "introduction": "Här kan du läsa om Arena Huddinge med enkla ord.",
    "summary": "Arena Huddinge på lättläst svenska.",
    "body": [
        ("heading", {"text": "Vad är Arena Huddinge?", "level": "h2"}),
        (
            "paragraph",
            "<p>Arena Huddinge är en förening.</p><p>I föreningen träffas Huddinge kommun och "
            "företag som finns i Huddinge.</p><p>De pratar om hur Huddinge kan bli en bättre plats "
            "att bo och arbeta i.</p>",
        ),
        ("heading", {"text": "Vad gör föreningen?", "level": "h2"}),
        (
            "paragraph",
            "<p>Vi ordnar möten.</p><p>Ibland äter vi frukost och pratar.</p><p>Ibland går vi och "
            "tittar på platser där det byggs nya hus.</p><p>Medlemmarna kan också skriva till "
            "varandra i ett forum på webbplatsen.</p>",
        ),
        ("heading", {"text": "Vem kan vara med?", "level": "h2"}),
        (
            "paragraph",
            "<p>Företag och organisationer i Huddinge kan bli medlemmar.</p><p>Huddinge kommun är "
            'också medlem.</p><p>Du kan <a href="/bli-medlem/">ansöka om medlemskap här</a>.</p>',
        ),
        ("heading", {"text": "Vill du fråga något?", "level": "h2"}),
        (
            "paragraph",
            '<p>Skicka ett mejl till <a href="mailto:info@arenahuddinge.se">info@arenahuddinge.se</a>.'
            "</p><p>Vi svarar så snart vi kan.</p>",
        ),
    ],
}

MEMBERSHIP_EXPLANATION = (
    "<h2>Vem kan bli medlem?</h2>"
    "<p>Företag och organisationer som verkar i Huddinge, stora som små, och Huddinge kommun med "
    "sina bolag. Det är organisationen som blir medlem; alla medarbetare som organisationen anmäler "
    "kan sedan vara med.</p>"
    "<h2>Vad kostar det?</h2>"
    "<p>Årsmötet beslutar om medlemsavgiften för ett år i taget. Den är lägre för små företag än "
    "för stora organisationer, och du får veta vad den är för din organisation innan medlemskapet "
    "börjar gälla.</p>"
    "<h2>Vad får vi som medlemmar?</h2>"
    "<ul><li>Inbjudningar till frukostmöten, dialogmöten, seminarier och studiebesök.</li>"
    "<li>Tillgång till forumet, där medlemmar från kommunen och näringslivet samtalar, även i "
    "rummen som bara är öppna för medlemmar.</li>"
    "<li>En plats i medlemsförteckningen och möjlighet att påverka verksamhetsplanen.</li></ul>"
    "<h2>Hur går det till?</h2>"
    "<p>Du fyller i ansökan nedan. Föreningens kansli går igenom den och kontrollerar att "
    "organisationen finns och verkar i Huddinge. Beslutet om medlemskap fattas av kansliet på "
    "styrelsens uppdrag.</p>"
    "<h2>Hur lång tid tar det?</h2>"
    "<p>Oftast får du besked inom två veckor. När ansökan är godkänd får kontaktpersonen ett "
    "e-postmeddelande med en länk för att välja lösenord och logga in.</p>"
)


def seed(command, home_page):
    """Creates the page in English and the easy-to-read page, and links them and the membership
    text from the site settings where those are still empty."""
    english = ensure_page(command, home_page, ENGLISH, "meeting", "People from both sectors around a meeting table.")
    easy_read = ensure_page(command, home_page, EASY_READ, "town", "Hus i Huddinge i olika färger, med solen bakom.")
    settings = SiteSettings.objects.get(site__root_page=home_page)
    values = {"english_page": english, "easy_read_page": easy_read, "membership_explanation": MEMBERSHIP_EXPLANATION}
    missing = {field: value for field, value in values.items() if not getattr(settings, field)}
    if missing:
        for field, value in missing.items():
            setattr(settings, field, value)
        settings.save()
        command.created.append("länkar till English och Lättläst och texten om medlemskap i webbplatsinställningarna")


def ensure_page(command, home_page, data, motif, alt_text):
    page = home_page.get_children().filter(slug=data["slug"]).first()
    if page is not None:
        return page
    image = ensure_image(command, data["title"], alt_text, motif)
    return command.ensure_child_page(home_page, StandardPage, {**data, "image": image})
