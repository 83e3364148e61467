"""Work done outside the request: e-mail (django-tasks: the worker in production, arena/tasks.py).

The pages that enqueue these tasks are models, so this module imports none: a task takes ids and
looks its model up in the app registry when it runs."""

from django.apps import apps
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from arena.tasks import mail_task
from home.calendar import build_calendar


@mail_task
def send_registration_confirmation(registration_id):
    """E-mails a confirmation of a registration, with the event attached as an .ics file."""
    registrations = apps.get_model("home", "EventRegistration").objects
    registration = registrations.select_related("event").get(pk=registration_id)
    event = registration.event
    context = {"registration": registration, "event": event, "event_url": event.get_full_url()}
    message = EmailMessage(
        subject=f"Du är anmäld till {event.title}",
        body=render_to_string("home/email/event_registration_confirmation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[registration.email],
    )
    message.attach(f"{event.slug}.ics", build_calendar([event], None), "text/calendar")
    message.send()
