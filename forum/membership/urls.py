"""The account pages under /konto/: register, log in and out, passwords, profile,
downloading one's personal data and deleting the account."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views as membership_views
from .forms import EmailAuthenticationForm, MemberPasswordChangeForm

app_name = "accounts"

urlpatterns = [
    path("", membership_views.AccountOverviewView.as_view(), name="overview"),
    path("registrera/", membership_views.RegistrationView.as_view(), name="register"),
    path("registrera/skickat/", membership_views.RegisteredView.as_view(), name="registered"),
    path("bekrafta/<uidb64>/<token>/", membership_views.ConfirmEmailView.as_view(), name="confirm_email"),
    path(
        "logga-in/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=EmailAuthenticationForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("mina-uppgifter/", membership_views.PersonalDataExportView.as_view(), name="personal_data"),
    path("radera-konto/", membership_views.AccountDeletionView.as_view(), name="delete"),
    path("radera-konto/klart/", membership_views.AccountDeletedView.as_view(), name="deleted"),
    path("profil/", membership_views.MemberProfileUpdateView.as_view(), name="profile"),
    path(
        "byt-losenord/",
        auth_views.PasswordChangeView.as_view(
            form_class=MemberPasswordChangeForm,
            template_name="accounts/password_change_form.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "byt-losenord/klart/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path("aterstall-losenord/", membership_views.MemberPasswordResetView.as_view(), name="password_reset"),
    path(
        "aterstall-losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "aterstall-losenord/<uidb64>/<token>/",
        membership_views.MemberPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "aterstall-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
