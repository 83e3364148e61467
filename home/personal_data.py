"""The personal data ``home`` keeps about a member (event registrations made with the account's
e-mail address), registered with the forum's export and account deletion."""

from django.utils import timezone

from .models import EventRegistration


def _registrations(user):
    return EventRegistration.objects.filter(email__iexact=user.email)


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
