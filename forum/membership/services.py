"""The rules of membership: approving and rejecting applications, registering and approving
members, and the e-mails that tell people about it. Views only call these functions."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from arena.links import absolute_url
from arena.tasks import mail_task
from forum.models import MemberProfile, MembershipApplication, NotificationSettings, Organisation
from forum.permissions import members_group


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Tokens for the link that proves a person reads mail at the address they registered with. A
    link stops working once it has been used, because the hash includes the verified address."""

    key_salt = "forum.membership.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{user.member_profile.verified_email}{timestamp}"


email_confirmation_tokens = EmailConfirmationTokenGenerator()


class ApplicationAlreadyDecided(Exception):
    """The application has already been approved or rejected (perhaps by someone else)."""


def account_with_email(email):
    """The account whose username or e-mail address is ``email``, or None."""
    return get_user_model().objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).first()


def set_password_url(user):
    """An absolute link to the page where the user chooses a (new) password."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


@mail_task
def send_member_email(subject, body, recipients):
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def send_after_commit(to, template, context):
    """Renders a plain-text e-mail (the template's first line is the subject) and hands it to the
    background tasks once the transaction is saved. A mail server that is down is logged and does
    not undo the decision; a member can always ask for a new link with "Glömt lösenordet"."""
    subject, _, body = render_to_string(template, context).strip().partition("\n")
    transaction.on_commit(
        lambda: send_member_email.enqueue(subject.strip(), body.strip() + "\n", list(to)), robust=True
    )


def reviewers_of(permission):
    """E-mail addresses of the people (communicators) allowed to decide, not every superuser."""
    reviewers = (
        get_user_model()
        .objects.with_perm(permission, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend")
        .exclude(email="")
    )
    return sorted({user.email for user in reviewers})


def receive_application(application):
    """Confirms a new application to the contact person and tells the reviewers about it."""
    send_after_commit(
        [application.contact_email], "membership/email/application_received.txt", {"application": application}
    )
    reviewers = reviewers_of("arena_forum.change_membershipapplication")
    if reviewers:
        admin_url = absolute_url(reverse("membershipapplication:inspect", args=[application.pk]))
        send_after_commit(
            reviewers,
            "membership/email/application_to_review.txt",
            {"application": application, "admin_url": admin_url},
        )


def available_display_name(name, organisation):
    """The name, or the name with the organisation when another member already goes by it."""
    if not MemberProfile.display_name_taken(name):
        return name
    max_length = MemberProfile._meta.get_field("display_name").max_length
    return f"{name} ({organisation.name})"[:max_length]


def _lock_pending(application):
    locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if not locked.is_pending:
        raise ApplicationAlreadyDecided
    return locked


def contact_person_account(application):
    """The account the approved application's contact person gets: a new one, or the one someone
    already registered with the address but never confirmed. Such an account belongs to nobody yet
    (anyone can type an address, also before the approval), so the application takes it over: its
    password goes, and only the link in the approval mail sets a new one. An account whose owner
    has proved the address, or an editor's, is never taken over: a communicator sorts that out."""
    email = application.contact_email.lower()
    user = account_with_email(email)
    if user is None:
        user = get_user_model()(username=email, email=email)
    else:
        profile = MemberProfile.objects.filter(user=user).first()
        if user.is_staff or user.is_superuser or (profile is not None and profile.email_verified):
            raise ValidationError(
                "Kontaktpersonens e-postadress hör redan till ett bekräftat konto. Be kontaktpersonen "
                "ange en annan adress, eller ändra kontot först."
            )
    first_name, _, last_name = application.contact_name.partition(" ")
    user.first_name, user.last_name = first_name, last_name
    user.set_unusable_password()
    user.full_clean(exclude=["password"], validate_unique=user._state.adding)
    user.save()
    return user


def approve_application(application, decided_by):
    """Creates the organisation, the contact person's account and approved member profile, and
    e-mails the contact person a link to choose a password once everything is saved."""
    with transaction.atomic():
        application = _lock_pending(application)
        organisation = Organisation(
            name=application.organisation_name,
            organisation_number=application.organisation_number,
            sector=application.sector,
            website=application.website,
            description=application.description,
            listed_in_directory=application.listed_in_directory,
        )
        organisation.full_clean()
        organisation.save()
        user = contact_person_account(application)
        user.groups.add(members_group())
        MemberProfile.objects.filter(user=user).delete()
        MemberProfile.objects.create(
            user=user,
            organisation=organisation,
            title=application.contact_title,
            display_name=available_display_name(application.contact_name, organisation),
            is_approved=True,
        )
        application.status = MembershipApplication.Status.APPROVED
        application.organisation = organisation
        application.decided_by = decided_by
        application.decided_at = timezone.now()
        application.save()
        context = {"application": application, "set_password_url": set_password_url(user)}
        send_after_commit([user.email], "membership/email/application_approved.txt", context)
    return application


def reject_application(application, decided_by, reason):
    """Rejects the application and e-mails the contact person the reason."""
    with transaction.atomic():
        application = _lock_pending(application)
        application.status = MembershipApplication.Status.REJECTED
        application.rejection_reason = reason
        application.decided_by = decided_by
        application.decided_at = timezone.now()
        application.save()
        send_after_commit(
            [application.contact_email],
            "membership/email/application_rejected.txt",
            {"application": application},
        )
    return application


def register_member(
    *,
    email,
    password,
    first_name,
    last_name,
    organisation,
    title,
    display_name,
    email_notices=False,
    weekly_digest=False,
):
    """Creates an account and a member profile that waits for the person to confirm the address
    with the link mailed to it; nothing is theirs until then (``confirm_membership``). E-mail from
    the forum only if they ticked the boxes for it (``email_notices``, ``weekly_digest``).

    The answer must not tell whether the address already has an account: then nothing is created,
    and the address's owner is told by e-mail instead. The password is hashed all the same, so
    that both take as long."""
    email = email.lower()
    with transaction.atomic():
        if account_with_email(email) is not None:
            make_password(password)
            send_after_commit(
                [email],
                "membership/email/registration_email_in_use.txt",
                {
                    "login_url": absolute_url(reverse("accounts:login")),
                    "reset_url": absolute_url(reverse("accounts:password_reset")),
                },
            )
            return None
        user = get_user_model().objects.create_user(
            username=email, email=email, password=password, first_name=first_name, last_name=last_name
        )
        profile = MemberProfile.objects.create(
            user=user, organisation=organisation, title=title, display_name=display_name, is_approved=False
        )
        email_choice = NotificationSettings.Email.IMMEDIATELY if email_notices else NotificationSettings.Email.NEVER
        NotificationSettings.objects.create(
            user=user,
            reply_email=email_choice,
            mention_email=email_choice,
            digest_frequency=NotificationSettings.Frequency.WEEKLY
            if weekly_digest
            else NotificationSettings.Frequency.NEVER,
        )
        path = reverse(
            "accounts:confirm_email",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": email_confirmation_tokens.make_token(user),
            },
        )
        send_after_commit(
            [user.email],
            "membership/email/confirm_email.txt",
            {
                "profile": profile,
                "confirm_url": absolute_url(path),
                "verified_domain": organisation.has_verified_domain(email),
            },
        )
    return profile


def profile_for_confirmation(uidb64, token):
    """The member profile a confirmation link is for, or None if the link is not valid (or used)."""
    try:
        user = get_user_model().objects.select_related("member_profile").get(pk=urlsafe_base64_decode(uidb64).decode())
        profile = user.member_profile
    except (ValueError, OverflowError, ObjectDoesNotExist):
        return None
    if profile.email_verified or not email_confirmation_tokens.check_token(user, token):
        return None
    return profile


def confirm_membership(profile):
    """The person proved to read mail at the address. At one of the organisation's verified
    domains that makes them a member; otherwise a communicator decides, and is told by e-mail."""
    with transaction.atomic():
        profile.verified_email = profile.user.email.lower()
        profile.save(update_fields=["verified_email"])
        if profile.is_approved:
            return profile
        if profile.organisation.has_verified_domain(profile.user.email):
            profile.is_approved = True
            profile.save(update_fields=["is_approved"])
            profile.user.groups.add(members_group())
        elif reviewers := reviewers_of("arena_forum.change_memberprofile"):
            admin_url = absolute_url(reverse("memberprofile:inspect", args=[profile.pk]))
            send_after_commit(
                reviewers, "membership/email/member_to_review.txt", {"profile": profile, "admin_url": admin_url}
            )
    return profile


def confirm_address(user):
    """A password chosen through the link mailed to the address proves it as the confirmation
    link does, also for someone who lost the confirmation mail."""
    profile = MemberProfile.objects.filter(user=user).select_related("organisation").first()
    if profile is not None and not profile.email_verified:
        confirm_membership(profile)


def approve_member(profile):
    """Makes a waiting member a member and tells them by e-mail."""
    with transaction.atomic():
        profile.is_approved = True
        profile.save(update_fields=["is_approved"])
        profile.user.groups.add(members_group())
        context = {"profile": profile, "forum_url": absolute_url(reverse("forum:index"))}
        send_after_commit([profile.user.email], "membership/email/member_approved.txt", context)
    return profile
