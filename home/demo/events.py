"""Demo activities: an events page with four coming and two past events, dated from the day the
demo content is created, and a few registrations."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from home.calendar import STOCKHOLM
from home.models import EventIndexPage, EventPage, EventRegistration

from .images import ensure_image

INDEX = {
    "title": "Aktiviteter",
    "slug": "aktiviteter",
    "show_in_menus": True,
    "introduction": (
        "Frukostmöten, seminarier, studiebesök och dialogmöten där kommunen och företagen i Huddinge "
        "lär känna varandra och pratar om det som är viktigt för Huddinges utveckling. Anmäl dig här "
        "– eller prenumerera på kalendern så missar du inget."
    ),
    "summary": "Kommande och tidigare aktiviteter i Arena Huddinge, med anmälan.",
}

# days: from the day the demo is created, moved to the nearest Tuesday to Thursday further from
# today (when the association's activities usually take place); start and end: Stockholm time.
EVENTS = [
    {
        "title": "Frukostmöte: Var hittar vi morgondagens medarbetare?",
        "slug": "frukostmote-kompetensforsorjning",
        "image": ("meeting", "Deltagare samtalar runt ett frukostbord."),
        "days": 14,
        "start": time(7, 30),
        "end": time(9, 0),
        "place": "Huddinge kommunhus, Huddinge centrum",
        "organiser": "Arena Huddinge",
        "capacity": 40,
        "summary": "Kompetensförsörjning över frukost: hur företag, skolor och kommunen kan hjälpas åt.",
        "description": [
            (
                "paragraph",
                "<p>Många arbetsgivare i Huddinge, både i kommunen och i näringslivet, har svårt att hitta "
                "rätt kompetens. Samtidigt finns det unga och nyanlända som söker sin väg in på "
                "arbetsmarknaden. Hur möts de?</p>",
            ),
            (
                "paragraph",
                "<p>Vi börjar med en kort spaning från kommunens arbetsmarknadsenhet och ett par företag "
                "som har provat praktik och lärlingsplatser. Sedan pratar vi vid borden om vad som "
                "fungerar och vad vi kan göra tillsammans. Frukost serveras från 07.15.</p>",
            ),
        ],
    },
    {
        "title": "Dialogmöte om samhällsbyggnad",
        "slug": "dialogmote-samhallsbyggnad",
        "image": ("town", "Hus i olika höjder i en växande stadsdel."),
        "days": 30,
        "start": time(15, 0),
        "end": time(17, 30),
        "place": "Konferenslokal i Flemingsberg",
        "organiser": "Arena Huddinge och Huddinge kommun",
        "capacity": None,
        "summary": "Huddinge bygger – hur blir planeringen bättre när byggherrar och kommun pratar tidigt?",
        "description": [
            (
                "paragraph",
                "<p>Huddinge växer med nya bostäder, arbetsplatser och kommunikationer. Under "
                "eftermiddagen berättar kommunens planerare om vad som är på gång de närmaste åren, och "
                "byggherrar och fastighetsägare delar med sig av vad de behöver för att kunna bygga "
                "i rätt takt.</p>",
            ),
            ("heading", {"text": "Ett samtal i mellanrummet", "level": "h2"}),
            (
                "paragraph",
                "<p>Mötet är ett samtal, inte en presentation. Ta med frågor och idéer – det är i mötet "
                "mellan olika perspektiv som de bästa lösningarna brukar dyka upp.</p>",
            ),
        ],
    },
    {
        "title": "Studiebesök: Den nya stadsdelen växer fram",
        "slug": "studiebesok-ny-stadsdel",
        "image": ("town", "En ny stadsdel med bostadshus och solen bakom."),
        "days": 45,
        "start": time(13, 0),
        "end": time(15, 30),
        "place": "Samling vid Flemingsbergs station",
        "organiser": "Arena Huddinge",
        "capacity": 12,
        "summary": "En guidad promenad genom ett av Huddinges stora byggprojekt. Få platser – anmäl dig i tid.",
        "description": [
            (
                "paragraph",
                "<p>Vi går tillsammans genom området med en projektledare som berättar om hur stadsdelen "
                "planeras, vilka företag som är med och hur kommunen och näringslivet har samarbetat "
                "på vägen. Promenaden är ungefär tre kilometer; ta på dig bekväma skor och kläder "
                "efter väder.</p>",
            ),
            (
                "paragraph",
                "<p>Av säkerhetsskäl kan vi bara ta med tolv deltagare på byggarbetsplatsen.</p>",
            ),
        ],
    },
    {
        "title": "Seminarium: Hållbarhet som affärsnytta",
        "slug": "seminarium-hallbarhet",
        "image": ("paths", "Gröna kullar med stigar som möts."),
        "days": 60,
        "start": time(9, 0),
        "end": time(12, 0),
        "place": "Huddinge kommunhus, Huddinge centrum",
        "organiser": "Arena Huddinge",
        "capacity": 80,
        "summary": "Hur klimatarbete och hållbara val kan stärka både företagen och kommunen.",
        "description": [
            (
                "paragraph",
                "<p>Lokala företag berättar hur de har minskat sina utsläpp och samtidigt sparat pengar, "
                "och kommunen visar hur den kan underlätta genom upphandling, planering och "
                "rådgivning. Förmiddagen avslutas med ett samtal om vad vi kan göra tillsammans "
                "under året som kommer.</p>",
            ),
            (
                "quote",
                {
                    "text": "Hållbarhet är inte ett hinder för tillväxt – det är en förutsättning för den.",
                    "attribution": "Från förra årets seminarium",
                },
            ),
        ],
    },
    {
        "title": "Medlemsmöte: Vad vill vi med nästa år?",
        "slug": "medlemsmote-host",
        "image": ("meeting", "Medlemmar samlade runt ett stort bord."),
        "days": -21,
        "start": time(17, 0),
        "end": time(19, 0),
        "place": "Huddinge kommunhus, Huddinge centrum",
        "organiser": "Arena Huddinges styrelse",
        "capacity": None,
        "summary": "Medlemmarna samlades för att tycka till om verksamhetens inriktning och nästa års aktiviteter.",
        "description": [
            (
                "paragraph",
                "<p>Styrelsen berättade om året som gått och medlemmarna diskuterade i grupper vilka "
                "frågor föreningen ska lyfta framöver. Kompetensförsörjning, samhällsbyggnad och "
                "hållbarhet fick flest röster – därför står de nu i kalendern.</p>",
            ),
        ],
        "registrations": [
            ("Karin Holm", "karin.holm@example.se", "Huddinge kommun"),
            ("Jonas Ek", "jonas.ek@example.se", "Ek & Partner Redovisning AB"),
        ],
    },
    {
        "title": "Frukostmöte om företagsklimatet i Huddinge",
        "slug": "frukostmote-foretagsklimatet",
        "image": ("meeting", "Företagare och tjänstepersoner i samtal vid ett bord."),
        "days": -60,
        "start": time(7, 30),
        "end": time(9, 0),
        "place": "Huddinge kommunhus, Huddinge centrum",
        "organiser": "Arena Huddinge",
        "capacity": 40,
        "summary": "Hur upplever företagen kommunens service, och vad kan bli bättre?",
        "description": [
            (
                "paragraph",
                "<p>Vi gick igenom resultaten från den senaste mätningen av företagsklimatet och "
                "pratade om vad som har blivit bättre och var det fortfarande skaver, till exempel i "
                "handläggningen av bygglov och tillstånd.</p>",
            ),
        ],
        "registrations": [
            ("Amir Haddad", "amir.haddad@example.se", "Haddad Bygg AB"),
            ("Lena Sjöberg", "lena.sjoberg@example.se", "Huddinge kommun"),
            ("Peter Nyström", "peter.nystrom@example.se", "Nyström Transport"),
        ],
    },
]


def seed(command, home_page):
    """Creates the events page and the demo events that are missing."""
    index = home_page.get_children().filter(slug=INDEX["slug"]).first()
    if index is None:
        index = home_page.add_child(instance=EventIndexPage(live=True, **INDEX))
        command.created.append(f"sidan {index.title}")
    for data in EVENTS:
        if not index.get_children().filter(slug=data["slug"]).exists():
            create_event(command, index, data)


def midweek_day(days):
    """The date ``days`` from today, moved away from today to a Tuesday, Wednesday or Thursday."""
    day = timezone.localdate() + timedelta(days=days)
    step = timedelta(days=1 if days >= 0 else -1)
    while day.weekday() not in (1, 2, 3):
        day += step
    return day


def create_event(command, index, data):
    data = dict(data)
    day = midweek_day(data.pop("days"))
    registrations = data.pop("registrations", [])
    motif, alt_text = data.pop("image")
    event = EventPage(
        live=True,
        image=ensure_image(command, data["title"], alt_text, motif),
        start=datetime.combine(day, data.pop("start"), tzinfo=STOCKHOLM),
        end=datetime.combine(day, data.pop("end"), tzinfo=STOCKHOLM),
        **data,
    )
    index.add_child(instance=event)
    command.created.append(f"evenemanget {event.title}")
    for name, email, organisation in registrations:
        EventRegistration.objects.create(event=event, name=name, email=email, organisation=organisation)
    if registrations:
        command.created.append(f"{len(registrations)} anmälningar till {event.title}")
