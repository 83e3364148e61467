"""Activities: the events index (/aktiviteter/), one page per event, and the registrations
visitors and members make for an event."""

from functools import partial
from http import HTTPMethod

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.db.models.functions import Lower
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import dateformat, timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from arena.forms import SingleLineCharField
from arena.ratelimit import RATE_LIMITED_MESSAGE, client_address, take_slots
from home.blocks import BodyBlock
from home.calendar import STOCKHOLM, build_calendar
from home.discussions import discussion_summaries
from home.tasks import send_registration_confirmation

from .base import BasePage
from .mixins import DiscussionMixin, IntroductionMixin, PictureMixin, with_pictures

EVENT_CANCELLED = "Evenemanget är inställt och tar inte emot anmälningar."
EVENT_PASSED = "Evenemanget har redan ägt rum, så det går inte längre att anmäla sig."
EVENT_FULL = "Evenemanget är fullbokat."
ALREADY_REGISTERED = "Den här e-postadressen är redan anmäld."
# Registrations one client may make for one event (a colleague may register a few others), per hour.
REGISTRATION_LIMIT = (3, 60 * 60)


def format_event_time(start, end):
    """Swedish date and time of an event in Stockholm time: weekday, date and the hours joined by
    an en dash, as in "tisdag 12 maj 2026 kl. 08.00" followed by the end time "09.30"."""
    start, end = start.astimezone(STOCKHOLM), end.astimezone(STOCKHOLM)
    first_day = dateformat.format(start, "l j F Y")
    if start.date() == end.date():
        return f"{first_day} kl. {start:%H.%M}–{end:%H.%M}"
    return f"{first_day} kl. {start:%H.%M} – {dateformat.format(end, 'l j F Y')} kl. {end:%H.%M}"


def calendar_response(ical, filename):
    response = HttpResponse(ical, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class RegistrationRefused(Exception):
    """A registration the event cannot take; ``message`` says why in Swedish, ``field`` is the
    form field it belongs to (None for the form as a whole)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class EventIndexPage(RoutablePageMixin, IntroductionMixin, BasePage):
    """The association's activities: upcoming events first, then an archive of past ones."""

    content_panels = [*BasePage.content_panels, *IntroductionMixin.panels]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count = 1
    template = "home/event_index_page.html"
    past_events_per_page = 10

    class Meta:
        verbose_name = "aktivitetssida"
        verbose_name_plural = "aktivitetssidor"

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def upcoming_events(self):
        """Events that have not ended yet, the soonest first."""
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    def past_events(self):
        """Events that have ended, the most recent first."""
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = with_pictures(self.upcoming_events())
        paginator = Paginator(with_pictures(self.past_events()), self.past_events_per_page)
        context["past_events"] = paginator.get_page(request.GET.get("sida"))
        return context

    @property
    def calendar_url(self):
        # Wagtail's page URLs end in a slash; the feed keeps the ".ics" that calendar apps expect
        # (arena/urls.py routes such paths to the page).
        return self.url + self.reverse_subpage("calendar").rstrip("/")

    @path("kalender.ics/", name="calendar")
    def calendar(self, request):
        ical = build_calendar(self.upcoming_events(), request, name=f"{self.title} – Arena Huddinge")
        return calendar_response(ical, "arena-huddinge-aktiviteter.ics")


class EventRegistrationsPanel(Panel):
    """Shows communicators how many have registered for the event and links to the list."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/event_registrations_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            if self.instance.pk:
                context["registration_count"] = self.instance.registrations.count()
                context["registrations_url"] = f"{reverse('event_registrations:index')}?event={self.instance.pk}"
            return context


class EventPage(RoutablePageMixin, PictureMixin, DiscussionMixin, BasePage):
    """One activity: when and where it is, what it is about, and a registration form."""

    class Status(models.TextChoices):
        PLANNED = "planned", "Planerad"
        CANCELLED = "cancelled", "Inställd"

    start = models.DateTimeField("börjar")
    end = models.DateTimeField("slutar")
    place = models.CharField("plats", max_length=200)
    organiser = models.CharField("arrangör", max_length=200, default="Arena Huddinge")
    description = StreamField(BodyBlock(), verbose_name="beskrivning", blank=True)
    capacity = models.PositiveIntegerField(
        "antal platser",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Lämna tomt om antalet deltagare inte är begränsat.",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
        help_text="Ett inställt evenemang visas som inställt och tar inte emot anmälningar.",
    )
    documentation = StreamField(
        BodyBlock(),
        verbose_name="dokumentation",
        blank=True,
        help_text=(
            "Vad som sades och beslutades, presentationer och andra dokument. Visas under rubriken "
            "Dokumentation när evenemanget har ägt rum."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("place"), FieldPanel("organiser")],
            heading="Tid och plats",
        ),
        *PictureMixin.panels,
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("capacity"), FieldPanel("status")], heading="Anmälan"),
        EventRegistrationsPanel(heading="Anmälningar"),
        *DiscussionMixin.panels,
        FieldPanel("documentation", heading="Efter mötet: dokumentation"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("place"),
        index.SearchField("organiser"),
        index.SearchField("description"),
        index.SearchField("documentation"),
        index.FilterField("start"),
    ]

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []
    template = "home/event_page.html"
    # The registration form posts to the page's "anmalan/" route.
    allowed_http_methods = [*BasePage.allowed_http_methods, HTTPMethod.POST]

    class Meta:
        verbose_name = "evenemang"
        verbose_name_plural = "evenemang"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "Evenemanget måste sluta efter att det har börjat."})

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def has_started(self):
        return self.start <= timezone.now()

    @property
    def has_ended(self):
        return self.end < timezone.now()

    @property
    def shows_documentation(self):
        """The documentation is shown once the event has taken place, if there is any."""
        return self.has_ended and bool(self.documentation)

    @property
    def time_display(self):
        return format_event_time(self.start, self.end)

    def seats_taken(self):
        return self.registrations.count()

    def seats_left(self):
        """How many can still register, or None when the number of seats is not limited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken(), 0)

    def registration_closed_reason(self):
        """Why no one can register right now, in Swedish, or an empty string if they can."""
        if self.is_cancelled:
            return EVENT_CANCELLED
        if self.has_started:
            return EVENT_PASSED
        if self.seats_left() == 0:
            return EVENT_FULL
        return ""

    def register(self, *, name, email, organisation=""):
        """Registers a person for this event and e-mails a confirmation once the registration is
        committed, or raises RegistrationRefused.

        The event's row is locked while the seats are counted, so that two people cannot both
        take the last seat; the database's unique constraint stops a second registration with
        the same e-mail address.
        """
        try:
            with transaction.atomic():
                event = EventPage.objects.select_for_update().get(pk=self.pk)
                closed_reason = event.registration_closed_reason()
                if closed_reason == EVENT_FULL and event.registrations.filter(email__iexact=email).exists():
                    raise RegistrationRefused(ALREADY_REGISTERED, field="email")
                if closed_reason:
                    raise RegistrationRefused(closed_reason)
                registration = EventRegistration.objects.create(
                    event=event, name=name, email=email, organisation=organisation
                )
                transaction.on_commit(partial(send_registration_confirmation.enqueue, registration.pk))
                return registration
        except IntegrityError as error:
            raise RegistrationRefused(ALREADY_REGISTERED, field="email") from error

    def registration_form(self, request, data=None):
        initial = {}
        if request.user.is_authenticated:
            initial = {"name": request.user.get_full_name(), "email": request.user.email}
        return EventRegistrationForm(data, initial=initial)

    @property
    def registration_url(self):
        return self.url + self.reverse_subpage("register")

    @property
    def ical_url(self):
        return self.url + self.reverse_subpage("ical")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["seats_left"] = self.seats_left()
        context["registration_closed_reason"] = self.registration_closed_reason()
        context["discussion"] = discussion_summaries(self, request).get("")
        return context

    @path("", name="detail")
    def detail(self, request):
        return self.render(request, context_overrides={"form": self.registration_form(request)})

    @path("anmalan/", name="register")
    def register_view(self, request):
        if request.method != "POST":
            return redirect(self.get_url(request))
        form = self.registration_form(request, data=request.POST)
        if form.is_valid():
            # Counted per event and client, so that one client cannot fill an event's seats.
            if not take_slots(("event-registration", f"{self.pk}:{client_address(request)}", *REGISTRATION_LIMIT)):
                form.add_error(None, RATE_LIMITED_MESSAGE)
                response = self.render(request, context_overrides={"form": form})
                response.status_code = 429
                return response
            try:
                registration = self.register(**form.cleaned_data)
            except RegistrationRefused as refusal:
                form.add_error(refusal.field, refusal.message)
            else:
                return self.render(request, context_overrides={"registration": registration})
        return self.render(request, context_overrides={"form": form})

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response(build_calendar([self], request), f"{self.slug}.ics")


class EventRegistration(models.Model):
    """One person's registration for an event."""

    event = models.ForeignKey(
        EventPage, verbose_name="evenemang", on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField("namn", max_length=120)
    email = models.EmailField("e-postadress", max_length=254)
    organisation = models.CharField("organisation", max_length=150, blank=True)
    created_at = models.DateTimeField("anmäld", auto_now_add=True)

    class Meta:
        verbose_name = "anmälan"
        verbose_name_plural = "anmälningar"
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                name="one_registration_per_event_and_email",
                violation_error_message=ALREADY_REGISTERED,
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"


class EventRegistrationForm(forms.ModelForm):
    """Name, e-mail address and organisation of a person registering for an event."""

    class Meta:
        model = EventRegistration
        fields = ["name", "email", "organisation"]
        field_classes = {"name": SingleLineCharField, "organisation": SingleLineCharField}
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def clean_email(self):
        return self.cleaned_data["email"].strip()
