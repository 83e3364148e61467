"""Demo member organisations and one approved demo member from each.

The three municipal organisations are real; their organisation numbers, except Huddinge
kommun's, are made-up numbers with a valid check digit. The five businesses are fictional. Each
organisation gets a logo drawn from its initials.
Demo members have addresses on the reserved ``.example`` domain and no usable password.
"""

from django.contrib.auth import get_user_model

from forum.models import MemberProfile, Organisation, Sector
from forum.permissions import members_group

from .images import BRAND, NARINGSLIV, ensure_logo

ORGANISATIONS = [
    {
        "name": "Huddinge kommun",
        "organisation_number": "212000-0142",
        "sector": Sector.KOMMUN,
        "website": "https://www.huddinge.se",
        "email_domains": "huddinge.se",
        "description": (
            "Kommunen med drygt 110 000 invånare söder om Stockholm. Här finns näringslivsarbetet, "
            "samhällsplaneringen och den kommunala servicen som företagen möter varje dag."
        ),
        "member": ("Lena Holm", "Näringslivsstrateg", "lena.holm@huddinge-kommun.example"),
    },
    {
        "name": "Huddinge Samhällsfastigheter AB",
        "organisation_number": "556611-2230",
        "sector": Sector.KOMMUN,
        "description": (
            "Kommunens bolag som äger och förvaltar skolor, förskolor, idrottshallar och andra "
            "lokaler för samhällsservice i Huddinge."
        ),
        "member": ("Omar Said", "Fastighetsutvecklare", "omar.said@huddinge-samhallsfastigheter.example"),
    },
    {
        "name": "Huddingehem AB",
        "organisation_number": "556677-8899",
        "sector": Sector.KOMMUN,
        "website": "https://www.huddingehem.se",
        "email_domains": "huddingehem.se",
        "description": (
            "Det kommunala bostadsbolaget med hyresbostäder i hela Huddinge, från Flemingsberg till Vårby och Stuvsta."
        ),
        "member": ("Maria Ek", "Kommunikationsansvarig", "maria.ek@huddingehem.example"),
    },
    {
        "name": "Sjödalens Cykelverkstad AB",
        "organisation_number": "559123-4561",
        "sector": Sector.NARINGSLIV,
        "description": (
            "En liten verkstad vid Sjödalstorget som lagar, säljer och hyr ut cyklar – och gärna "
            "pratar om bättre cykelvägar till pendeltåget."
        ),
        "member": ("Alva Lindqvist", "Vd", "alva.lindqvist@sjodalens-cykelverkstad.example"),
    },
    {
        "name": "Flemingsbergs Byggkonsult AB",
        "organisation_number": "559234-5671",
        "sector": Sector.NARINGSLIV,
        "description": (
            "Projektledning och byggkonsulting för bostäder och lokaler i södra Stockholm, med "
            "kontor nära stationen i Flemingsberg."
        ),
        "member": ("Jonas Berg", "Projektledare", "jonas.berg@flemingsbergs-byggkonsult.example"),
    },
    {
        "name": "Trångsunds Trädgård & Café AB",
        "organisation_number": "559345-6782",
        "sector": Sector.NARINGSLIV,
        "description": (
            "Handelsträdgård med café där grannar, skolklasser och föreningar möts bland plantorna från vår till höst."
        ),
        "member": ("Sara Nyström", "Grundare", "sara.nystrom@trangsunds-tradgard.example"),
    },
    {
        "name": "Stuvsta Redovisningsbyrå AB",
        "organisation_number": "559456-7892",
        "sector": Sector.NARINGSLIV,
        "description": (
            "Redovisning, löner och rådgivning för småföretagare i Huddinge, från enmansföretag "
            "till familjeföretag med tjugo anställda."
        ),
        "member": ("Erik Wallin", "Auktoriserad redovisningskonsult", "erik.wallin@stuvsta-redovisning.example"),
    },
    {
        "name": "Kvarnbergets Möten & Event AB",
        "organisation_number": "559567-8904",
        "sector": Sector.NARINGSLIV,
        "description": (
            "Arrangerar konferenser, frukostmöten och mässor i Huddinge centrum och hjälper lokala företag att synas."
        ),
        "member": ("Fatima Karim", "Vd", "fatima.karim@kvarnbergets-event.example"),
    },
]


def seed(command, home_page):
    """Creates the organisations and demo members that are missing."""
    User = get_user_model()
    group = members_group()
    for data in ORGANISATIONS:
        fields = {key: value for key, value in data.items() if key != "member"}
        organisation, created = Organisation.objects.get_or_create(
            organisation_number=fields.pop("organisation_number"), defaults={**fields, "listed_in_directory": True}
        )
        if created:
            command.created.append(f"medlemsorganisationen {organisation.name}")
        if organisation.logo_id is None:
            colour = BRAND if organisation.sector == Sector.KOMMUN else NARINGSLIV
            organisation.logo = ensure_logo(command, organisation.name, colour)
            organisation.save(update_fields=["logo"])
        name, title, email = data["member"]
        if User.objects.filter(username=email).exists():
            continue
        first_name, _, last_name = name.partition(" ")
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        MemberProfile.objects.create(
            user=user, organisation=organisation, title=title, display_name=name, is_approved=True
        )
        command.created.append(f"demomedlemmen {name} ({organisation.name})")
