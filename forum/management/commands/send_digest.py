from django.core.management.base import BaseCommand

from forum.models import NotificationSettings
from forum.notifications.digest import send_digests


class Command(BaseCommand):
    help = "Skickar sammanfattningen för den senaste hela perioden till medlemmar som valt den (säkert att köra igen)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            required=True,
            choices=[NotificationSettings.Frequency.DAILY, NotificationSettings.Frequency.WEEKLY],
        )

    def handle(self, *args, frequency, **options):
        sent = send_digests(frequency)
        self.stdout.write(f"{sent} sammanfattningar köade för utskick.")
