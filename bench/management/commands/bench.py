"""`make bench`: seeds the large data set, serves it with gunicorn and prints what each page costs."""

import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from machina.core.db.models import get_model

from bench import report, seed
from bench.load import PROXY_HEADERS, fetch, run_load
from bench.server import gunicorn, wait_until_idle, workers_cpu_seconds
from bench.urls import CEILING_PATH
from home.models import NewsIndexPage, NewsPage

Topic = get_model("forum_conversation", "Topic")

# Ports of the two servers (page cache off, then on).
PORTS = {report.COLD: 8161, report.WARM: 8162}
# Before each measurement both workers serve the page for a while (and fill the cache when it is on).
WARM_UP_SECONDS = 2
MIN_REQUESTS = 10
SLOW_PAGE_FACTOR = 3
# CPU per request is counted over this many answers fetched one after another (fewer for a page
# slower than the run's length allows).
CPU_REQUESTS = 50


class Command(BaseCommand):
    help = "Prestandamätning: stor datamängd, gunicorn med produktionsinställningar, tabell per sida."

    def handle(self, *args, **options):
        if os.environ.get("DJANGO_SETTINGS_MODULE") != "bench.settings":
            raise CommandError("Kör med --settings=bench.settings (make bench gör det).")
        seconds = int(os.environ.get("BENCH_SECONDS", "10"))
        connections = int(os.environ.get("BENCH_CONNECTIONS", "4"))
        started = time.monotonic()
        self.prepare_database()
        call_command("collectstatic", interactive=False, verbosity=0)
        pages = self.pages()
        queries = {name: self.count_queries(path) for name, path in pages}
        rows = []
        for mode, port in PORTS.items():
            self.stdout.write(f"Mäter läget {mode} på port {port}, {seconds} s per sida ...")
            with gunicorn(port, page_cache=mode == report.WARM) as master_pid:
                mode_rows = [
                    self.measure(name, mode, f"http://127.0.0.1:{port}{path}", master_pid, seconds, connections)
                    for name, path in pages
                ]
            ceiling = mode_rows[-1].load.per_second
            for row in mode_rows:
                row.ceiling_per_second = ceiling
                row.queries = queries[row.page] if mode == report.COLD else None
            rows += mode_rows
        self.stdout.write("")
        self.stdout.write(f"Databas: {connection.vendor}; {seconds} s per sida och läge, {connections} samtidiga.")
        self.stdout.write("SQL/req räknas en gång i processen, utan sidcache. Varm = ARENA_PAGE_CACHE=1.")
        self.stdout.write(report.format_table(rows))
        self.stdout.write("")
        for line in report.target_lines(rows, connection.vendor):
            self.stdout.write(line)
        self.stdout.write(f"Total tid: {time.monotonic() - started:.0f} s.")

    def prepare_database(self):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=self.stdout)
        counts = seed.scaled_counts()
        if seed.has_data_set(counts):
            self.stdout.write(f"Datamängden finns redan i databasen och återanvänds ({connection.vendor}).")
            return
        if seed.has_part_of_data_set():
            raise CommandError(
                "Databasen har redan en mindre (eller avbruten) datamängd. Ta bort bench/bench.sqlite3 eller "
                "PostgreSQL-databasen och kör igen."
            )
        self.stdout.write(f"Skapar datamängden i {connection.vendor}: {counts} ...")
        started = time.monotonic()
        seed.seed_data_set(counts)
        # Fresh planner statistics, as autovacuum would gather them on a live site in a while:
        # without them PostgreSQL guesses row counts of the bulk-loaded tables.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"Datamängden skapades på {time.monotonic() - started:.0f} s.")

    def pages(self):
        """(name, path) of each measured page; the ceiling comes last."""
        long_topic = Topic.objects.select_related("forum").get(subject=seed.LONG_TOPIC_SUBJECT)
        topic_path = reverse(
            "forum_conversation:topic",
            kwargs={
                "forum_slug": long_topic.forum.slug,
                "forum_pk": long_topic.forum_id,
                "slug": long_topic.slug,
                "pk": long_topic.pk,
            },
        )
        return [
            (report.HOME, "/"),
            ("Nyheter", NewsIndexPage.objects.get().url),
            ("Nyhet", NewsPage.objects.get(slug=f"{seed.SLUG_PREFIX}nyhet-1").url),
            ("Forum", reverse("forum:index")),
            (report.TOPIC, topic_path),
            (report.SEARCH, f"{reverse('search')}?q={seed.SEARCH_WORD}"),
            (report.CEILING, CEILING_PATH),
        ]

    def count_queries(self, path):
        """SQL queries of one anonymous request, after a first one has filled the usual caches."""
        client = Client(headers=PROXY_HEADERS)
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise CommandError(f"{path} svarade {response.status_code}, inte 200.")
        return len(captured)

    def measure(self, name, mode, url, master_pid, seconds, connections):
        """Load for req/s and latency, then CPU per request from answers fetched one at a time: a
        load run ends with requests still in flight, which would blur the CPU count."""
        status, _took = fetch(url)
        if status != 200:
            raise CommandError(f"{url} svarade {status}, inte 200.")
        run_load(url, WARM_UP_SECONDS, connections)
        wait_until_idle(master_pid)
        load = run_load(url, seconds, connections)
        if load.requests < MIN_REQUESTS:
            # A page this slow gets one longer run, so that its latency rests on a few answers.
            wait_until_idle(master_pid)
            load = run_load(url, seconds * SLOW_PAGE_FACTOR, connections)
        wait_until_idle(master_pid)
        cpu_before = workers_cpu_seconds(master_pid)
        deadline = time.monotonic() + seconds
        cpu_requests = 0
        while cpu_requests < CPU_REQUESTS and (cpu_requests == 0 or time.monotonic() < deadline):
            fetch(url)
            cpu_requests += 1
        wait_until_idle(master_pid)
        cpu = workers_cpu_seconds(master_pid) - cpu_before
        row = report.Row(name, mode, load, cpu, cpu_requests, None)
        cost = row.cpu_ms_per_request
        self.stdout.write(f"  {name}: {load.per_second:.1f} req/s, {cost:.1f} ms CPU/req ({cpu_requests} i följd)")
        return row
