from django.core.management.base import BaseCommand

from forum.machina.view_counts import flush_topic_views


class Command(BaseCommand):
    help = "Skriver ämnenas visningar från cachen till databasen (körs varje minut från cron)."

    def handle(self, *args, **options):
        added = flush_topic_views()
        if options["verbosity"] > 1:
            self.stdout.write(f"{added} visningar skrevs till databasen.")
