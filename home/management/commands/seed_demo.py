"""Demo content in Swedish, written from the association's own description.

Idempotent: pages are looked up by slug and only what is missing is created, so a second run
changes nothing and says so.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Page, Site

from home.demo import about, conclusions, contact, directory, discussions, members, news
from home.demo import events as demo_events
from home.demo import forum as forum_demo
from home.demo.images import ensure_image
from home.models import HomePage, SiteSettings, StandardPage

HOME = {
    "title": "Startsida",
    "slug": "start",
    "hero_heading": "Där kommun och näringsliv möts – i mellanrummen",
    "introduction": (
        "Arena Huddinge är en medlemsförening där Huddinge kommun och företagen i Huddinge möts "
        "för samtal, kunskapsutbyte och nya sätt att samarbeta."
    ),
    "summary": "Medlemsföreningen där Huddinge kommun och det lokala näringslivet möts för dialog.",
    "body": [
        ("heading", {"text": "En växande kommun behöver mötesplatser", "level": "h2"}),
        (
            "paragraph",
            "<p>Huddinge växer snabbt. Det byggs bostäder, nya arbetsplatser kommer till och "
            "företagsklimatet ska bli ännu bättre. Då behövs platser där kommunen och näringslivet "
            "kan pröva idéer tillsammans innan besluten är fattade.</p>",
        ),
        (
            "quote",
            {
                "text": "Mellanrummen finns överallt – och när vi ser dem öppnas möjligheter.",
                "attribution": "Ur Arena Huddinges verksamhetsbeskrivning",
            },
        ),
    ],
}

# (title, description): the start page's picture.
HOME_IMAGE = ("Huddinge i mellanrummen", "Hus i olika höjd och färg i Huddinge, med ljus i mellanrummen mellan dem.")

PAGES = [
    {
        "title": "Vår verksamhet",
        "slug": "var-verksamhet",
        "show_in_menus": True,
        "introduction": (
            "Vi bygger ett långsiktigt samarbete mellan Huddinge kommun och näringslivet, med "
            "engagemang och nyfikenhet som drivkraft."
        ),
        "summary": "Hur Arena Huddinge arbetar för dialog och samverkan mellan kommun och näringsliv.",
        "body": [
            ("heading", {"text": "I skärningspunkten mellan affärsnytta och samhällsnytta", "level": "h2"}),
            (
                "paragraph",
                "<p>Arena Huddinge är ett forum för samtal och möten där människor från kommunen och "
                "från företagen är beredda att pröva varandras ståndpunkter och testa nya former för "
                "samverkan. Vårt arbete hänger ihop med kommunens vision om att vara en av de tre "
                "populäraste kommunerna i Stockholms län att bo, besöka och verka i.</p>",
            ),
            ("heading", {"text": "Olikheterna är vår styrka", "level": "h2"}),
            (
                "paragraph",
                "<p>Våra medlemmar har olika intressen, och det är både det som gör föreningen unik "
                "och det som gör arbetet utmanande. Det som förenar oss är Huddinges utveckling. Vi "
                "tror att alla blir klokare av att förstå helheten bättre – hur den egna "
                "verksamheten och samhället runt omkring utvecklas.</p>",
            ),
            (
                "paragraph",
                "<p>Samarbetet bygger på att ge och ta: kommun och näringsliv deltar på lika villkor "
                "och möter framtiden tillsammans. Har du frågor om verksamheten eller idéer om vad vi "
                "borde göra? Hör gärna av dig.</p>",
            ),
        ],
    },
    {
        "title": "Vision",
        "slug": "vision",
        "show_in_menus": False,
        "introduction": "Tillsammans möter vi framtiden – i mellanrummen.",
        "summary": "Arena Huddinges vision: nya idéer växer i mellanrummen mellan sektorer, platser och människor.",
        "body": [
            (
                "paragraph",
                "<p>Mellan det vi redan har gjort och det vi ska göra uppstår mellanrum. De finns "
                "också mellan perspektiv, mellan människor, mellan hus och mellan platser. Där, i "
                "mellanrummen, hittar vi nya idéer och nya sätt att samarbeta.</p>",
            ),
            (
                "paragraph",
                "<p>Vi vill att Huddinge ska fortsätta vara en utvecklingskommun med ett rikt och "
                "hållbart liv och ett starkt näringsliv – och att dialogen mellan kommunen och "
                "företagen ska vara en självklar del av den utvecklingen.</p>",
            ),
        ],
    },
]

# The menu in the order of visitors' tasks: what we do, what is on, what happened, (the forum,
# which navigation_tags puts after the news), who the members are, and how to reach us.
MENU_ORDER = ["var-verksamhet", "aktiviteter", "nyheter", "medlemmar", "kontakt"]

SITE_SETTINGS = {
    "organisation_name": "Arena Huddinge",
    "street_address": "Arena Huddinge\nc/o Huddinge kommun\n141 85 Huddinge",
    "email": "info@arenahuddinge.se",
    "linkedin_url": "https://www.linkedin.com/company/arena-huddinge",
}


class Command(BaseCommand):
    help = "Skapar demoinnehåll på svenska. Kan köras flera gånger; bara det som saknas skapas."

    def add_arguments(self, parser):
        parser.add_argument(
            "--superuser",
            metavar="EPOST",
            help="Skapa en lokal administratör med denna e-postadress och ett slumpat lösenord.",
        )

    def handle(self, *args, **options):
        self.created = []
        with transaction.atomic():
            home = self.ensure_home_page()
            for page_data in PAGES:
                self.ensure_child_page(home, StandardPage, page_data)
            self.ensure_site_settings(home)
            about.seed(self, home)
            contact.seed(self, home)
            members.seed(self, home)
            directory.seed(self, home)
            forum_demo.seed(self, home)
            demo_events.seed(self, home)
            news.seed(self, home)
            discussions.seed(self, home)
            conclusions.seed(self, home)
            self.order_menu(home)
        self.render_start_page(home)
        if options["superuser"]:
            self.ensure_superuser(options["superuser"])
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Skapade: {', '.join(self.created)}."))
        else:
            self.stdout.write("Demoinnehållet finns redan; inget ändrades.")

    @staticmethod
    def render_start_page(home):
        """Encoding the start page's pictures (AVIF, WebP and JPEG in every size it asks for) takes
        seconds: a rendering now does it, so the first visitor does not wait for it. Only the
        pictures matter here, and a deployment may seed before collectstatic has written the
        static files' manifest: the rendering links static files without it."""
        unhashed_static = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(STORAGES=unhashed_static):
            home.make_preview_request()

    def ensure_home_page(self):
        home = HomePage.objects.first()
        if home is None:
            root = Page.get_first_root_node()
            image = ensure_image(self, *HOME_IMAGE, motif="town", size=(1600, 1200))
            home = root.add_child(instance=build_page(HomePage, {**HOME, "image": image}))
            self.created.append(f"sidan {home.title}")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Arena Huddinge"
            )
            self.created.append("webbplatsen")
        elif site.root_page_id != home.pk:
            previous_root = site.root_page
            site.root_page = home
            site.site_name = "Arena Huddinge"
            site.save()
            # Wagtail's own "Welcome" page is replaced by ours, not left lying around.
            if previous_root.specific_class is Page and not previous_root.get_children().exists():
                previous_root.delete()
            self.created.append("webbplatsens startsida")
        return home

    def ensure_child_page(self, parent, page_class, data):
        page = parent.get_children().filter(slug=data["slug"]).first()
        if page is None:
            page = parent.add_child(instance=build_page(page_class, data))
            self.created.append(f"sidan {page.title}")
        return page

    def order_menu(self, home):
        """Puts the menu's pages in MENU_ORDER, after the pages outside it (the menu follows the
        order of the pages in the tree, which editors change in the admin)."""
        order = [page.slug for page in home.get_children().filter(slug__in=MENU_ORDER)]
        wanted = [slug for slug in MENU_ORDER if slug in order]
        if order == wanted:
            return
        for slug in wanted:
            home.get_children().get(slug=slug).move(home, pos="last-child")
        self.created.append("menyns ordning")

    def ensure_site_settings(self, home):
        site = Site.objects.get(root_page=home)
        _, created = SiteSettings.objects.get_or_create(site=site, defaults=SITE_SETTINGS)
        if created:
            self.created.append("webbplatsinställningar")

    def ensure_superuser(self, email):
        try:
            validate_email(email)
        except Exception as error:
            raise CommandError(f"{email!r} är ingen giltig e-postadress.") from error
        User = get_user_model()
        if User.objects.filter(username=email).exists():
            self.stdout.write(f"Administratören {email} finns redan; lösenordet ändrades inte.")
            return
        password = secrets.token_urlsafe(16)
        User.objects.create_superuser(username=email, email=email, password=password)
        self.created.append(f"administratören {email}")
        self.stdout.write(f"Administratör: {email}\nLösenord (visas bara nu): {password}")


def build_page(page_class, data):
    """An unsaved page of page_class from one of the dictionaries above."""
    return page_class(live=True, **data)
