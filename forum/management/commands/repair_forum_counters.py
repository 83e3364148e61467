"""Recounts the topics' and forums' counters that earlier failures left wrong (forum/machina/counters.py).

Before posting ran in one transaction, a worker killed halfway could leave a topic without posts
(shown with "-1" replies) or counters one off until the next post. Safe to run at any time: only
what differs from a recount is written."""

from django.core.management.base import BaseCommand

from forum.machina.counters import repair_counters


class Command(BaseCommand):
    help = "Räknar om ämnens och forums räknare (antal inlägg och ämnen, första och senaste inlägget) som inte stämmer."

    def handle(self, *args, **options):
        done = repair_counters()
        for line in done:
            self.stdout.write(line)
        if done:
            self.stdout.write(self.style.SUCCESS(f"Rättade {len(done)} ämnen och forum."))
        else:
            self.stdout.write(self.style.SUCCESS("Alla räknare stämde: inget att rätta."))
