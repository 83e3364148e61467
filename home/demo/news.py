"""Demo content for news and the activity plan: the Verksamhetsplan section with the plan for
2023 (a real PDF made here), and the Nyheter section with news items and tags.

Idempotent like the rest of seed_demo: sections, plans, documents and news are looked up by slug,
year or title, and only what is missing is created.
"""

import datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.models import ActivityPlanIndexPage, ActivityPlanPage, NewsIndexPage, NewsPage

from .pdf import build_pdf

PLAN_INDEX = {
    "title": "Verksamhetsplan",
    "slug": "verksamhetsplan",
    "show_in_menus": False,
    "introduction": (
        "Varje år beslutar medlemmarna om en verksamhetsplan: vad vi ska fokusera på och hur vi "
        "vill utveckla mötena mellan kommun och näringsliv."
    ),
    "summary": "Arena Huddinges verksamhetsplaner, år för år.",
}

PLAN_YEAR = 2023
PLAN_TITLE = f"Verksamhetsplan {PLAN_YEAR}"
PLAN_COLLECTION = "Verksamhetsplaner"

FOCUS_AREAS = [
    {
        "title": "Dialogmöten mellan kommun och näringsliv",
        "description": (
            "Minst fyra dialogmöten under året där kommunens ledning och företagen tar upp "
            "frågor som rör Huddinges utveckling, innan besluten är fattade."
        ),
        "status": "klar",
    },
    {
        "title": "Frukostmöten om bostäder och jobb",
        "description": (
            "Korta frukostmöten där vi pratar om bostadsbyggandet, nya arbetsplatser och vad "
            "tillväxten betyder för företag och invånare."
        ),
        "status": "pagar",
    },
    {
        "title": "Ett bättre företagsklimat",
        "description": (
            "Vi följer företagens syn på service och bemötande och tar med oss det som behöver "
            "bli bättre till samtal med kommunen."
        ),
        "status": "pagar",
    },
    {
        "title": "Fler och mer olika medlemmar",
        "description": (
            "Vi vill välkomna fler små och medelstora företag och fler delar av kommunens "
            "verksamhet, så att fler perspektiv möts."
        ),
        "status": "planerad",
    },
]

PLAN_SUMMARY = (
    "Under 2023 fortsätter vi att bygga mötesplatser där Huddinge kommun och näringslivet kan "
    "prata om en kommun som växer: bostäder, jobb och företagsklimat."
)

NEWS_INDEX = {
    "title": "Nyheter",
    "slug": "nyheter",
    "show_in_menus": True,
    "introduction": "Det senaste från Arena Huddinge: möten, samtal och nya medlemmar.",
    "summary": "Nyheter från Arena Huddinge, där Huddinge kommun och näringslivet möts.",
}

NEWS = [
    {
        "title": "Fullt hus på årets första frukostmöte",
        "slug": "fullt-hus-pa-arets-forsta-frukostmote",
        "date": datetime.date(2023, 2, 9),
        "author": "Arena Huddinge",
        "summary": "Ett femtiotal medlemmar samlades tidigt på morgonen för att prata om hur Huddinge växer.",
        "tags": ["Frukostmöte", "Samhällsbyggnad"],
        "body": [
            (
                "paragraph",
                "<p>Kaffet var knappt färdigt när de första gästerna kom. Årets första frukostmöte "
                "handlade om vad det innebär att bo och driva företag i en kommun som växer snabbt, "
                "och samtalet fortsatte långt efter att tallrikarna var tomma.</p>",
            ),
            (
                "paragraph",
                "<p>Kommunens samhällsbyggnadsförvaltning berättade om de stora projekten de "
                "närmaste åren, och flera företagare tog chansen att ställa frågor direkt.</p>",
            ),
        ],
    },
    {
        "title": "Dialogmöte: så kan fler bostäder byggas snabbare",
        "slug": "dialogmote-fler-bostader",
        "date": datetime.date(2023, 3, 22),
        "author": "Arena Huddinge",
        "summary": "Byggföretag och kommunens planerare möttes för att hitta vad som bromsar bostadsbyggandet.",
        "tags": ["Dialogmöte", "Bostäder"],
        "body": [
            (
                "paragraph",
                "<p>Huddinge behöver fler bostäder, och både kommunen och byggföretagen vill samma "
                "sak. Ändå tar det ofta lång tid från idé till inflyttning. På vårens dialogmöte "
                "gick vi igenom hela kedjan, från detaljplan till bygglov.</p>",
            ),
            (
                "quote",
                {
                    "text": "Vi förstod varandras tidplaner bättre på två timmar än på flera års mejlande.",
                    "attribution": "Deltagare från ett byggföretag",
                },
            ),
        ],
    },
    {
        "title": "Nya arbetstillfällen i fokus när näringslivet träffade kommunen",
        "slug": "nya-arbetstillfallen-i-fokus",
        "date": datetime.date(2023, 5, 11),
        "author": "Arena Huddinge",
        "summary": "Hur får vi fler jobb i Huddinge? Företag och kommun delade erfarenheter om kompetens.",
        "tags": ["Dialogmöte", "Jobb"],
        "body": [
            (
                "paragraph",
                "<p>Många företag i Huddinge vill växa men har svårt att hitta rätt kompetens. "
                "Samtidigt arbetar kommunen med vuxenutbildning och praktikplatser. På mötet "
                "diskuterade vi hur de två kan mötas bättre.</p>",
            ),
        ],
    },
    {
        "title": "Företagsklimatet: vad tycker företagen?",
        "slug": "foretagsklimatet-vad-tycker-foretagen",
        "date": datetime.date(2023, 6, 14),
        "author": "Arena Huddinge",
        "summary": "Medlemmarna samtalade om service, bemötande och vad som gör Huddinge bra för företag.",
        "tags": ["Företagsklimat", "Frukostmöte"],
        "body": [
            (
                "paragraph",
                "<p>Ett gott företagsklimat byggs i vardagen: i hur snabbt ett ärende hanteras och "
                "i hur man blir bemött. Vid junimötet delade företagare med sig av både goda "
                "exempel och sådant som kan bli bättre, och kommunens representanter lyssnade.</p>",
            ),
        ],
    },
    {
        "title": "Välkommen till våra nya medlemmar",
        "slug": "valkommen-nya-medlemmar",
        "date": datetime.date(2023, 9, 5),
        "author": "Arena Huddinge",
        "summary": "Under sommaren har flera nya företag och verksamheter blivit medlemmar i Arena Huddinge.",
        "tags": ["Medlemmar"],
        "body": [
            (
                "paragraph",
                "<p>Vi hälsar våra nya medlemmar varmt välkomna! Bland dem finns både små lokala "
                "företag och större arbetsgivare. Ju fler perspektiv som möts, desto bättre blir "
                "samtalen om Huddinges framtid.</p>",
            ),
        ],
    },
    {
        "title": "I mellanrummen: höstens dialogmöte om platser som förändras",
        "slug": "hostens-dialogmote-i-mellanrummen",
        "date": datetime.date(2023, 10, 19),
        "author": "Arena Huddinge",
        "summary": "Höstens dialogmöte handlade om de platser mellan husen där nya idéer kan växa.",
        "tags": ["Dialogmöte", "Samhällsbyggnad"],
        "body": [
            (
                "paragraph",
                "<p>När Huddinge bygger uppstår nya mellanrum: mellan gamla och nya kvarter, mellan "
                "arbetsplatser och bostäder. Vid höstens dialogmöte pratade vi om hur kommun och "
                "näringsliv tillsammans kan göra de platserna levande.</p>",
            ),
        ],
    },
    {
        "title": "Verksamhetsplanen för 2023 är klar",
        "slug": "verksamhetsplanen-2023",
        "date": datetime.date(2023, 1, 20),
        "author": "Styrelsen",
        "summary": "Dialogmöten, frukostmöten, företagsklimatet och fler medlemmar: här är årets fokusområden.",
        "tags": ["Medlemmar"],
        "body": [
            (
                "paragraph",
                "<p>Styrelsen har tagit fram verksamhetsplanen för 2023. Den beskriver vad vi ska "
                "göra under året och hur vi vill utveckla föreningen. Planen finns att läsa och "
                "ladda ner under Verksamhetsplan.</p>",
            ),
        ],
    },
]


def seed(command, home_page):
    plan_index = command.ensure_child_page(home_page, ActivityPlanIndexPage, PLAN_INDEX)
    ensure_activity_plan(command, plan_index)
    news_index = command.ensure_child_page(home_page, NewsIndexPage, NEWS_INDEX)
    for news_data in NEWS:
        ensure_news(command, news_index, news_data)


def ensure_activity_plan(command, plan_index):
    if ActivityPlanPage.objects.child_of(plan_index).filter(year=PLAN_YEAR).exists():
        return
    plan = ActivityPlanPage(
        title=PLAN_TITLE,
        slug=str(PLAN_YEAR),
        year=PLAN_YEAR,
        summary=PLAN_SUMMARY,
        focus_areas=[("goal", area) for area in FOCUS_AREAS],
        plan_document=ensure_plan_document(command),
        live=True,
    )
    plan_index.add_child(instance=plan)
    command.created.append(f"sidan {plan.title}")


def ensure_plan_document(command):
    Document = get_document_model()
    document = Document.objects.filter(title=PLAN_TITLE).first()
    if document is None:
        document = Document(title=PLAN_TITLE, collection=ensure_collection(command))
        document.file.save(f"verksamhetsplan-{PLAN_YEAR}.pdf", ContentFile(plan_pdf()), save=False)
        document.save()
        command.created.append(f"dokumentet {PLAN_TITLE} (PDF)")
    return document


def ensure_collection(command):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PLAN_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PLAN_COLLECTION)
        command.created.append(f"samlingen {PLAN_COLLECTION}")
    return collection


def plan_pdf():
    blocks = [
        ("title", f"Arena Huddinge – {PLAN_TITLE}"),
        ("text", PLAN_SUMMARY),
        (
            "text",
            "Huddinge växer i snabb takt. Det byggs bostäder, nya arbetstillfällen skapas och "
            "företagsklimatet ska fortsätta att utvecklas. Arena Huddinge är platsen där kommunen "
            "och näringslivet kan pröva idéer tillsammans, i mellanrummen mellan affärsnytta och "
            "samhällsnytta.",
        ),
        ("heading", "Fokusområden"),
    ]
    for area in FOCUS_AREAS:
        blocks.extend([("heading", area["title"]), ("text", area["description"])])
    blocks.append(
        (
            "text",
            "Har du frågor om planen eller idéer om vad vi borde göra? Hör av dig till styrelsen.",
        )
    )
    return build_pdf(f"{PLAN_TITLE} – Arena Huddinge", blocks)


def ensure_news(command, news_index, data):
    if news_index.get_children().filter(slug=data["slug"]).exists():
        return
    data = dict(data)
    tags = data.pop("tags")
    news = NewsPage(live=True, **data)
    news.tags.add(*tags)
    news_index.add_child(instance=news)
    command.created.append(f"nyheten {news.title}")
