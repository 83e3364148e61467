"""Wagtail admin views for communicators."""

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from arena.admin_ui import SwedishIndexMixin
from arena.exports import SafeCsvExportMixin
from home.models import EventRegistration


class EventRegistrationIndexView(SafeCsvExportMixin, SwedishIndexMixin, IndexView):
    pass


class EventRegistrationViewSet(ModelViewSet):
    """Registrations for events: filter by event, search by name or e-mail, export as CSV/XLSX."""

    model = EventRegistration
    index_view_class = EventRegistrationIndexView
    name = "event_registrations"
    url_prefix = "anmalningar"
    icon = "group"
    menu_label = "Anmälningar"
    # The communicators' own menus sit between Wagtail's Sidor (100) and Bilder (300): the
    # registrations for the events under Sidor first, then Medlemskap (forum, 250).
    menu_order = 200
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["name", "email", "organisation", "event", "created_at"]
    list_filter = ["event"]
    search_fields = ["name", "email"]
    search_backend_name = None
    list_export = ["event", "name", "email", "organisation", "created_at"]
    export_headings = {
        "event": "Evenemang",
        "name": "Namn",
        "email": "E-postadress",
        "organisation": "Organisation",
        "created_at": "Anmäld",
    }
    export_filename = "anmalningar"
    form_fields = ["event", "name", "email", "organisation"]
