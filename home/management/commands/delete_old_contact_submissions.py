"""Deletes contact-form messages older than the retention period. Run daily from cron."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage


class Command(BaseCommand):
    help = "Raderar meddelanden från kontaktformuläret som är äldre än CONTACT_SUBMISSION_RETENTION_DAYS dagar."

    def handle(self, *args, **options):
        days = settings.CONTACT_SUBMISSION_RETENTION_DAYS
        cutoff = timezone.now() - timedelta(days=days)
        old_submissions = FormSubmission.objects.filter(
            page__in=ContactPage.objects.values("pk"), submit_time__lt=cutoff
        )
        deleted, _ = old_submissions.delete()
        self.stdout.write(f"Raderade {deleted} meddelanden från kontaktformuläret som var äldre än {days} dagar.")
