"""Membership in the Wagtail admin: communicators review applications (approve or reject),
look after member organisations and approve members who registered without a verified domain."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from arena.admin_ui import SwedishIndexMixin, SwedishInspectMixin
from forum.models import MemberProfile, MembershipApplication, Organisation

from .forms import RejectApplicationForm
from .services import ApplicationAlreadyDecided, approve_application, approve_member, reject_application


class ActionButtonsMixin:
    """Adds the viewset's extra actions (``action_url_names``: label -> URL name) for objects
    ``show_actions`` accepts, to the listing's "more" menu and the inspect view's header."""

    action_url_names = None

    def show_actions(self, instance):
        return True

    def action_items(self, instance):
        if not self.action_url_names or not self.show_actions(instance):
            return []
        return [(label, reverse(url_name, args=[instance.pk])) for label, url_name in self.action_url_names.items()]


class ArenaIndexView(SwedishIndexMixin, IndexView):
    pass


class ActionIndexView(ActionButtonsMixin, ArenaIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.user_has_permission("change"):
            buttons += [MenuItem(label, url=url, priority=5) for label, url in self.action_items(instance)]
        return buttons


class ActionInspectView(ActionButtonsMixin, SwedishInspectMixin, InspectView):
    """The object's own page, with its decision buttons (approve, reject) under the details: each
    leads to a page that shows what is decided and asks for confirmation."""

    template_name = "membership/admin/inspect.html"

    def get_context_data(self, **kwargs):
        actions = self.action_items(self.object) if self.user_has_permission("change") else []
        return super().get_context_data(actions=actions, **kwargs)


class PendingApplicationMixin:
    def show_actions(self, instance):
        return instance.is_pending


class ApplicationIndexView(PendingApplicationMixin, ActionIndexView):
    pass


class ApplicationInspectView(PendingApplicationMixin, ActionInspectView):
    pass


class PendingMemberMixin:
    def show_actions(self, instance):
        return not instance.is_approved


class MemberIndexView(PendingMemberMixin, ActionIndexView):
    pass


class MemberInspectView(PendingMemberMixin, ActionInspectView):
    pass


class OrganisationDeleteView(DeleteView):
    """Organisations with members are kept (their member profiles protect them)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_protected"] = context.get("is_protected") or self.object.members.exists()
        return context

    def form_valid(self, form):
        if self.object.members.exists():
            messages.error(
                self.request,
                f"{self.object.name} har medlemmar och kan inte tas bort. Flytta eller ta bort medlemmarna först.",
            )
            return redirect(self.index_url_name)
        return super().form_valid(form)


class DecisionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Confirms a decision about one object; ``decide`` does the work and returns a message."""

    permission_required = "change"
    model = None
    index_url_name = None
    header_icon = ""
    template_name = "membership/admin/decision.html"
    form_class = forms.Form
    submit_label = ""
    is_serious = False
    detail_fields = []

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(self.model, pk=kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not self.is_open():
            messages.warning(request, "Det här är redan beslutat.")
            return redirect(self.index_url_name)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(details=self.get_details(), **kwargs)

    def get_details(self):
        """(label, value) for the fields the person deciding needs to see."""
        details = []
        for name in self.detail_fields:
            field = self.model._meta.get_field(name)
            display = getattr(self.object, f"get_{name}_display", None)
            value = display() if display else getattr(self.object, name)
            details.append((field.verbose_name.capitalize(), value if value not in (None, "") else "–"))
        return details

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural.capitalize()},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def form_valid(self, form):
        try:
            message = self.decide(form)
        except ApplicationAlreadyDecided:
            messages.warning(self.request, "Det här är redan beslutat.")
        except ValidationError as error:
            messages.error(self.request, "Det gick inte: " + " ".join(error.messages))
            return self.form_invalid(form)
        else:
            messages.success(self.request, message)
        return redirect(self.index_url_name)

    def is_open(self):
        raise NotImplementedError

    def decide(self, form):
        raise NotImplementedError


class ApplicationDecisionView(DecisionView):
    model = MembershipApplication
    detail_fields = [
        "organisation_name",
        "organisation_number",
        "sector",
        "website",
        "description",
        "contact_name",
        "contact_title",
        "contact_email",
        "contact_phone",
        "created_at",
    ]

    def is_open(self):
        return self.object.is_pending


class ApproveApplicationView(ApplicationDecisionView):
    page_title = "Godkänn ansökan"
    submit_label = "Ja, godkänn"
    explanation = (
        "När du godkänner skapas organisationen och ett konto för kontaktpersonen, som får e-post "
        "med en länk för att välja lösenord."
    )

    def decide(self, form):
        approve_application(self.object, self.request.user)
        return f"{self.object.organisation_name} är nu medlem. Kontaktpersonen har fått e-post."


class RejectApplicationView(ApplicationDecisionView):
    page_title = "Avslå ansökan"
    form_class = RejectApplicationForm
    submit_label = "Avslå"
    is_serious = True
    explanation = "Kontaktpersonen får e-post med skälet till avslaget."

    def decide(self, form):
        reject_application(self.object, self.request.user, form.cleaned_data["reason"])
        return f"Ansökan från {self.object.organisation_name} är avslagen. Kontaktpersonen har fått e-post."


class ApproveMemberView(DecisionView):
    model = MemberProfile
    detail_fields = ["display_name", "user", "title", "organisation", "created_at"]
    page_title = "Godkänn medlem"
    submit_label = "Ja, godkänn"
    explanation = (
        "Godkänn bara om du vet att personen hör till organisationen. Personen kan då skriva i "
        "forumet och får e-post om det."
    )

    def is_open(self):
        return not self.object.is_approved

    def decide(self, form):
        approve_member(self.object)
        return f"{self.object.display_name} är nu godkänd medlem och har fått e-post."


class ActionViewSetMixin:
    """A ModelViewSet with extra decision views: ``decision_views`` maps URL name to
    (button label, view class)."""

    decision_views = {}

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            action_url_names={
                label: self.get_url_name(name) for name, (label, _view_class) in self.decision_views.items()
            },
            **kwargs,
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{name}/<int:pk>/", self.construct_view(view_class), name=name)
            for name, (_label, view_class) in self.decision_views.items()
        ]


class MembershipApplicationViewSet(ActionViewSetMixin, ModelViewSet):
    model = MembershipApplication
    icon = "form"
    menu_label = "Ansökningar"
    url_prefix = "medlemskap/ansokningar"
    add_to_admin_menu = False
    inspect_view_enabled = True
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    list_display = ["organisation_name", "organisation_number", "contact_name", "status", "created_at"]
    list_filter = ["status", "sector"]
    search_fields = ["organisation_name", "organisation_number", "contact_name"]
    decision_views = {
        "approve": ("Godkänn", ApproveApplicationView),
        "reject": ("Avslå", RejectApplicationView),
    }


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisationer"
    url_prefix = "medlemskap/organisationer"
    index_view_class = ArenaIndexView
    delete_view_class = OrganisationDeleteView
    add_to_admin_menu = False
    list_display = ["name", "organisation_number", "sector", "listed_in_directory"]
    list_filter = ["sector", "listed_in_directory"]
    search_fields = ["name", "organisation_number"]


class MemberProfileViewSet(ActionViewSetMixin, ModelViewSet):
    model = MemberProfile
    icon = "user"
    menu_label = "Medlemmar"
    url_prefix = "medlemskap/medlemmar"
    add_to_admin_menu = False
    inspect_view_enabled = True
    index_view_class = MemberIndexView
    inspect_view_class = MemberInspectView
    list_display = ["display_name", "organisation", "title", "is_approved"]
    list_filter = ["is_approved", "organisation"]
    search_fields = ["display_name", "title"]
    decision_views = {"approve": ("Godkänn", ApproveMemberView)}
    # The skeleton is the display name reduced for comparing look-alikes: nothing to read.
    inspect_view_fields_exclude = ["display_name_skeleton"]


class MembershipViewSetGroup(ModelViewSetGroup):
    menu_label = "Medlemskap"
    menu_icon = "group"
    menu_order = 250
    items = [MembershipApplicationViewSet, OrganisationViewSet, MemberProfileViewSet]
