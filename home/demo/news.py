"""Demo content for news and the activity plan: the Verksamhetsplan section with the plans for
2023 and for the year the demo is created (real PDFs made here), and the Nyheter section with news
items, dated back from the day the demo is created, with their pictures and tags.

Idempotent like the rest of seed_demo: sections, plans, documents and news are looked up by slug,
year or title, and only what is missing is created.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.models import ActivityPlanIndexPage, ActivityPlanPage, NewsIndexPage, NewsPage

from .images import ensure_image
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

PLAN_COLLECTION = "Verksamhetsplaner"

# The 2023 plan retells the association's own description of its work; the plan for the year the
# demo is created continues it.
PLAN_2023 = {
    "year": 2023,
    "summary": (
        "Under 2023 fortsätter vi att bygga mötesplatser där Huddinge kommun och näringslivet kan "
        "prata om en kommun som växer: bostäder, jobb och företagsklimat."
    ),
    "focus_areas": [
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
            "status": "klar",
        },
        {
            "title": "Ett bättre företagsklimat",
            "description": (
                "Vi följer företagens syn på service och bemötande och tar med oss det som behöver "
                "bli bättre till samtal med kommunen."
            ),
            "status": "klar",
        },
        {
            "title": "Fler och mer olika medlemmar",
            "description": (
                "Vi vill välkomna fler små och medelstora företag och fler delar av kommunens "
                "verksamhet, så att fler perspektiv möts."
            ),
            "status": "klar",
        },
    ],
    "text": [
        "Huddinge växer i snabb takt. Det byggs bostäder, nya arbetstillfällen skapas och "
        "företagsklimatet ska fortsätta att utvecklas. Samtidigt ska den kommunala servicen hålla god "
        "kvalitet och resurserna användas klokt.",
        "Arena Huddinge är platsen där kommunen och näringslivet kan pröva idéer tillsammans, i "
        "skärningspunkten mellan affärsnytta och samhällsnytta. Våra medlemmar är olika, och det är "
        "både vår styrka och vår största utmaning. Det som förenar oss är Huddinges utveckling.",
        "Vi tror att alla blir klokare av att förstå helheten bättre. Därför bygger vi arenor för "
        "samtal och kunskapsutbyte, där kommun och näringsliv ger och tar på lika villkor. I "
        "mellanrummen mellan perspektiv, människor och platser hittar vi nya sätt att samverka.",
    ],
}


def current_plan():
    """The plan for the year the demo is created: the work goes on from 2023."""
    year = timezone.localdate().year
    return {
        "year": year,
        "summary": (
            f"Under {year} bjuder vi in till fler samtal i fler delar av Huddinge, med kompetens, "
            "samhällsbyggnad och hållbarhet som våra tre teman."
        ),
        "focus_areas": [
            {
                "title": "Kompetens för en växande kommun",
                "description": (
                    "Frukostmöten och ett nätverk för praktik och sommarjobb, där kommunen och "
                    "företagen hjälps åt att hitta och behålla medarbetare."
                ),
                "status": "pagar",
            },
            {
                "title": "Samhällsbyggnad i tidig dialog",
                "description": (
                    "Dialogmöten där byggherrar, fastighetsägare och kommunens planerare möts innan "
                    "detaljplanerna är klara, och studiebesök i de nya stadsdelarna."
                ),
                "status": "pagar",
            },
            {
                "title": "Hållbarhet som affärsnytta",
                "description": (
                    "Ett seminarium och samtal i forumet om klimat, energi och delade lösningar, "
                    "som laddplatser i företagsområdena."
                ),
                "status": "planerad",
            },
            {
                "title": "Mötesplatser runt om i Huddinge",
                "description": (
                    "Vi flyttar frukostmötena mellan kommundelarna, så att fler företag kan vara "
                    "med och vi ser mellanrummen med egna ögon."
                ),
                "status": "planerad",
            },
        ],
        "text": [
            "Medlemmarna har sagt sitt: kompetensförsörjning, samhällsbyggnad och hållbarhet är "
            "frågorna där kommun och näringsliv mest behöver varandra. Årets plan bygger vidare på "
            "arbetet sedan 2023.",
            "Vi fortsätter att utveckla verksamheten så att den är relevant och ger nytta för alla "
            "medlemmar. Har du förslag eller vill veta mer, hör gärna av dig.",
        ],
    }


NEWS_INDEX = {
    "title": "Nyheter",
    "slug": "nyheter",
    "show_in_menus": True,
    "introduction": "Det senaste från Arena Huddinge: möten, samtal och nya medlemmar.",
    "summary": "Nyheter från Arena Huddinge, där Huddinge kommun och näringslivet möts.",
}

# days: how many days before the demo is created the news was published; image: (motif, what the
# picture shows), drawn by home/demo/images.py.
NEWS = [
    {
        "title": "Fullt hus på frukostmötet om en växande kommun",
        "slug": "fullt-hus-pa-frukostmotet",
        "days": 4,
        "author": "Arena Huddinge",
        "summary": "Ett femtiotal medlemmar samlades tidigt på morgonen för att prata om hur Huddinge växer.",
        "tags": ["Frukostmöte", "Samhällsbyggnad"],
        "image": ("meeting", "Deltagare från kommunen och företagen runt ett frukostbord."),
        "body": [
            (
                "paragraph",
                "<p>Kaffet var knappt färdigt när de första gästerna kom. Frukostmötet handlade om "
                "vad det innebär att bo och driva företag i en kommun som växer snabbt, och samtalet "
                "fortsatte långt efter att tallrikarna var tomma.</p>",
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
        "days": 12,
        "author": "Arena Huddinge",
        "summary": "Byggföretag och kommunens planerare möttes för att hitta vad som bromsar bostadsbyggandet.",
        "tags": ["Dialogmöte", "Bostäder"],
        "image": ("town", "Nya bostadshus i olika färger och höjder."),
        "body": [
            (
                "paragraph",
                "<p>Huddinge behöver fler bostäder, och både kommunen och byggföretagen vill samma "
                "sak. Ändå tar det ofta lång tid från idé till inflyttning. På dialogmötet gick vi "
                "igenom hela kedjan, från detaljplan till bygglov.</p>",
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
        "days": 26,
        "author": "Arena Huddinge",
        "summary": "Hur får vi fler jobb i Huddinge? Företag och kommun delade erfarenheter om kompetens.",
        "tags": ["Dialogmöte", "Jobb"],
        "image": ("meeting", "Människor samtalar i grupper kring ett bord."),
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
        "title": "Hållbara affärer: företagen som ställer om",
        "slug": "hallbara-affarer",
        "days": 41,
        "author": "Arena Huddinge",
        "summary": "Tre medlemsföretag berättade hur de minskat sina utsläpp och samtidigt sparat pengar.",
        "tags": ["Hållbarhet"],
        "image": ("paths", "Gröna kullar i solnedgång med stigar som möts."),
        "body": [
            (
                "paragraph",
                "<p>En cykelverkstad, en handelsträdgård och en byggkonsult visade hur små steg blir "
                "stora tillsammans: delade transporter, solceller på taket och material som används "
                "igen. Kommunen berättade om stödet som finns att söka.</p>",
            ),
        ],
    },
    {
        "title": "Företagsklimatet: vad tycker företagen?",
        "slug": "foretagsklimatet-vad-tycker-foretagen",
        "days": 63,
        "author": "Arena Huddinge",
        "summary": "Medlemmarna samtalade om service, bemötande och vad som gör Huddinge bra för företag.",
        "tags": ["Företagsklimat", "Frukostmöte"],
        "image": ("meeting", "Företagare och tjänstepersoner i samtal runt ett bord."),
        "body": [
            (
                "paragraph",
                "<p>Ett gott företagsklimat byggs i vardagen: i hur snabbt ett ärende hanteras och "
                "i hur man blir bemött. Företagare delade med sig av både goda exempel och sådant "
                "som kan bli bättre, och kommunens representanter lyssnade.</p>",
            ),
        ],
    },
    {
        "title": "Välkommen till våra nya medlemmar",
        "slug": "valkommen-nya-medlemmar",
        "days": 85,
        "author": "Arena Huddinge",
        "summary": "Flera nya företag och verksamheter har blivit medlemmar i Arena Huddinge.",
        "tags": ["Medlemmar"],
        "image": ("town", "Hus i Huddinge med ljus i fönstren."),
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
        "title": "I mellanrummen: dialogmöte om platser som förändras",
        "slug": "dialogmote-i-mellanrummen",
        "days": 120,
        "author": "Arena Huddinge",
        "summary": "Dialogmötet handlade om platserna mellan husen, där nya idéer kan växa.",
        "tags": ["Dialogmöte", "Samhällsbyggnad"],
        "image": ("paths", "Stigar som möts mellan gröna kullar."),
        "body": [
            (
                "paragraph",
                "<p>När Huddinge bygger uppstår nya mellanrum: mellan gamla och nya kvarter, mellan "
                "arbetsplatser och bostäder. På dialogmötet pratade vi om hur kommun och näringsliv "
                "tillsammans kan göra de platserna levande.</p>",
            ),
        ],
    },
]


def seed(command, home_page):
    plan_index = command.ensure_child_page(home_page, ActivityPlanIndexPage, PLAN_INDEX)
    for plan in (PLAN_2023, current_plan()):
        ensure_activity_plan(command, plan_index, plan)
    news_index = command.ensure_child_page(home_page, NewsIndexPage, NEWS_INDEX)
    for news_data in NEWS:
        ensure_news(command, news_index, news_data)


def ensure_activity_plan(command, plan_index, data):
    year = data["year"]
    if ActivityPlanPage.objects.child_of(plan_index).filter(year=year).exists():
        return
    title = f"Verksamhetsplan {year}"
    plan = ActivityPlanPage(
        title=title,
        slug=str(year),
        year=year,
        summary=data["summary"],
        focus_areas=[("goal", area) for area in data["focus_areas"]],
        plan_document=ensure_plan_document(command, title, data),
        live=True,
    )
    plan_index.add_child(instance=plan)
    command.created.append(f"sidan {plan.title}")


def ensure_plan_document(command, title, data):
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        document = Document(title=title, collection=ensure_collection(command))
        document.file.save(f"verksamhetsplan-{data['year']}.pdf", ContentFile(plan_pdf(title, data)), save=False)
        document.save()
        command.created.append(f"dokumentet {title} (PDF)")
    return document


def ensure_collection(command):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PLAN_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=PLAN_COLLECTION)
        command.created.append(f"samlingen {PLAN_COLLECTION}")
    return collection


def plan_pdf(title, data):
    blocks = [("title", f"Arena Huddinge – {title}"), ("text", data["summary"])]
    blocks.extend(("text", paragraph) for paragraph in data["text"])
    blocks.append(("heading", "Fokusområden"))
    for area in data["focus_areas"]:
        blocks.extend([("heading", area["title"]), ("text", area["description"])])
    blocks.append(("text", "Har du frågor om planen eller idéer om vad vi borde göra? Hör av dig till styrelsen."))
    return build_pdf(f"{title} – Arena Huddinge", blocks)


def ensure_news(command, news_index, data):
    if news_index.get_children().filter(slug=data["slug"]).exists():
        return
    data = dict(data)
    tags = data.pop("tags")
    motif, alt_text = data.pop("image")
    data["date"] = timezone.localdate() - datetime.timedelta(days=data.pop("days"))
    data["image"] = ensure_image(command, data["title"], alt_text, motif)
    news = NewsPage(live=True, **data)
    news.tags.add(*tags)
    news_index.add_child(instance=news)
    command.created.append(f"nyheten {news.title}")
