"""The personal data ``home`` keeps about a member (event registrations and contact-form messages
sent with the account's verified e-mail address), registered with the forum's export and account deletion."""

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from forum.membership.personal_data import verified_email

from .models import ContactPage, EventRegistration


def _registrations(user):
    email = verified_email(user)
    if email is None:
        return EventRegistration.objects.none()
    return EventRegistration.objects.filter(email__iexact=email)


def event_registrations_data(user):
    registrations = _registrations(user).select_related("event").order_by("created_at")
    return [
        {
            "evenemang": registration.event.title,
            "börjar": timezone.localtime(registration.event.start).isoformat(),
            "namn": registration.name,
            "e-postadress": registration.email,
            "organisation": registration.organisation,
            "anmäld": timezone.localtime(registration.created_at).isoformat(),
        }
        for registration in registrations
    ]


def erase_event_registrations(user):
    _registrations(user).delete()


def _contact_messages(user):
    """Contact-form messages in which one of the answers is the account's verified e-mail address."""
    email = verified_email(user)
    if email is None:
        return []
    candidates = (
        FormSubmission.objects.filter(page__in=ContactPage.objects.all())
        .annotate(text=Cast("form_data", TextField()))
        .filter(text__icontains=email)
    )
    return [
        submission
        for submission in candidates
        if any(str(value).strip().lower() == email for value in submission.form_data.values())
    ]


def contact_messages_data(user):
    return [
        {"skickat": timezone.localtime(submission.submit_time).isoformat(), "uppgifter": submission.form_data}
        for submission in _contact_messages(user)
    ]


def erase_contact_messages(user):
    FormSubmission.objects.filter(pk__in=[submission.pk for submission in _contact_messages(user)]).delete()
