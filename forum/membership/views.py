"""Public membership pages: the "Bli medlem" application and the account pages under /konto/."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import PasswordResetConfirmView, PasswordResetView, redirect_to_login
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.generic import CreateView, FormView, TemplateView, UpdateView

from arena.ratelimit import client_address, rate_limited, take_slots

from .forms import (
    AccountDeletionForm,
    MemberPasswordResetForm,
    MemberProfileForm,
    MembershipApplicationForm,
    RegistrationForm,
)
from .onboarding import FORUM_WELCOME_SESSION_KEY
from .personal_data import collect_personal_data, erase_member
from .services import (
    confirm_address,
    confirm_membership,
    profile_for_confirmation,
    receive_application,
    register_member,
)

# Valid forms one client may send per hour, and password-reset mails one address may get per hour.
APPLICATION_LIMIT = (3, 60 * 60)
REGISTRATION_LIMIT = (5, 60 * 60)
PASSWORD_RESET_CLIENT_LIMIT = (5, 60 * 60)
PASSWORD_RESET_ADDRESS_LIMIT = (3, 60 * 60)


class MembershipApplicationView(CreateView):
    form_class = MembershipApplicationForm
    template_name = "membership/application_form.html"
    success_url = reverse_lazy("membership_application_received")

    def form_valid(self, form):
        if not take_slots(("membership-application", client_address(self.request), *APPLICATION_LIMIT)):
            return rate_limited(self, form)
        with transaction.atomic():
            response = super().form_valid(form)
            receive_application(self.object)
        return response


class MembershipApplicationReceivedView(TemplateView):
    template_name = "membership/application_received.html"


class RegistrationView(FormView):
    """Creates an account that waits for its address to be confirmed. Nobody is logged in here:
    until the link mailed to the address is followed, anyone could have typed it."""

    form_class = RegistrationForm
    template_name = "accounts/register.html"
    success_url = reverse_lazy("accounts:registered")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect("accounts:overview")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        if not take_slots(("registration", client_address(self.request), *REGISTRATION_LIMIT)):
            return rate_limited(self, form)
        data = form.cleaned_data
        register_member(
            email=data["email"],
            password=data["password1"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            organisation=data["organisation"],
            title=data["title"],
            display_name=data["display_name"],
            email_notices=data["email_notices"],
            weekly_digest=data["weekly_digest"],
        )
        return super().form_valid(form)


class RegisteredView(TemplateView):
    """The same answer whether or not the address already had an account."""

    template_name = "accounts/registered.html"


class ConfirmEmailView(TemplateView):
    """The link in the confirmation e-mail shows a button; only pressing it (POST) confirms, so
    that mail scanners that open links do not."""

    template_name = "accounts/confirm_email.html"

    def dispatch(self, request, *args, **kwargs):
        self.profile = profile_for_confirmation(kwargs["uidb64"], kwargs["token"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.profile is None:
            return self.get(request, *args, **kwargs)
        profile = confirm_membership(self.profile)
        if profile.is_approved:
            messages.success(request, "Tack! Din adress är bekräftad och du är nu medlem i forumet.")
            # The forum's start page welcomes the new member once (templates/forum/welcome.html).
            request.session[FORUM_WELCOME_SESSION_KEY] = True
            if request.user.is_authenticated:
                return redirect("forum:index")
            return redirect_to_login(reverse("forum:index"))
        else:
            messages.success(
                request,
                "Tack! Din adress är bekräftad. Innan du kan skriva i forumet behöver Arena Huddinge bekräfta "
                "att du hör till organisationen. Du får e-post när det är klart.",
            )
        return redirect("accounts:overview" if request.user.is_authenticated else "accounts:login")


class MemberPasswordResetView(PasswordResetView):
    form_class = MemberPasswordResetForm
    template_name = "accounts/password_reset_form.html"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if not take_slots(
            ("password-reset", client_address(self.request), *PASSWORD_RESET_CLIENT_LIMIT),
            ("password-reset-address", form.cleaned_data["email"].lower(), *PASSWORD_RESET_ADDRESS_LIMIT),
        ):
            return rate_limited(self, form)
        return super().form_valid(form)


class MemberPasswordResetConfirmView(PasswordResetConfirmView):
    """Choosing a password through the link mailed to the address confirms the address."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            confirm_address(self.user)
        return response


class AccountOverviewView(LoginRequiredMixin, TemplateView):
    template_name = "accounts/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            context["profile"] = self.request.user.member_profile
        except ObjectDoesNotExist:
            context["profile"] = None
        return context


class MemberProfileUpdateView(LoginRequiredMixin, SuccessMessageMixin, UpdateView):
    form_class = MemberProfileForm
    template_name = "accounts/profile_form.html"
    success_url = reverse_lazy("accounts:overview")
    success_message = "Dina uppgifter är sparade."

    def get_object(self, queryset=None):
        try:
            return self.request.user.member_profile
        except ObjectDoesNotExist:
            return None

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and self.get_object() is None:
            messages.info(request, "Ditt konto har ingen medlemsprofil att ändra.")
            return redirect("accounts:overview")
        return super().dispatch(request, *args, **kwargs)


class PersonalDataExportView(LoginRequiredMixin, TemplateView):
    """GET explains what the file holds; POST returns it (a download is not a side-effect-free
    link a crawler or a prefetching browser should trigger)."""

    template_name = "accounts/personal_data.html"

    def post(self, request, *args, **kwargs):
        data = collect_personal_data(request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        filename = f"arena-huddinge-mina-uppgifter-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store"
        return response


class AccountDeletionView(LoginRequiredMixin, FormView):
    form_class = AccountDeletionForm
    template_name = "accounts/delete_account.html"
    success_url = reverse_lazy("accounts:deleted")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and (request.user.is_staff or request.user.is_superuser):
            messages.info(
                request,
                "Konton för redaktörer och administratörer kan inte raderas här. Be en administratör om hjälp.",
            )
            return redirect("accounts:overview")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {"user": self.request.user, **super().get_form_kwargs()}

    def form_valid(self, form):
        erase_member(self.request.user, keep_posts=form.keep_posts)
        logout(self.request)
        return super().form_valid(form)


class AccountDeletedView(TemplateView):
    template_name = "accounts/account_deleted.html"
