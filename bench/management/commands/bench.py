"""`make bench`: seeds the large data set, serves it with gunicorn beside plain machina and a bare
Django view, and prints what each page costs and the issue's targets."""

import contextlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.urls import reverse
from machina.core.db.models import get_model

from bench import report, seed
from bench.bare import BARE_PATH
from bench.database_time import HEADER, QUERIES_HEADER, REQUEST_HEADER
from bench.load import PROXY_HEADERS, fetch, run_load
from bench.server import BARE, REFERENCE, SITE, WORKERS, gunicorn, wait_until_idle, workers_cpu_seconds
from bench.urls import CEILING_PATH
from forum.machina.links import forum_url, topic_url
from forum.permissions import members_group
from home.models import NewsIndexPage, NewsPage

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")

# The five servers listen on BENCH_PORT and the four ports after it: what each serves, with the page
# cache on or off and the content cache on or off.
FIRST_PORT = int(os.environ.get("BENCH_PORT", "8161"))
SERVERS = {
    report.COLD: (SITE, False, True),
    report.WARM: (SITE, True, True),
    report.RAW: (SITE, False, False),
    report.MACHINA: (REFERENCE, False, True),
    report.BARE_MODE: (BARE, False, True),
}
# Before each measurement both workers serve the page for a while (and fill the cache when it is on).
WARM_UP_SECONDS = 2
MIN_REQUESTS = 10
SLOW_PAGE_FACTOR = 3
# CPU per request is counted over at least this many answers fetched one after another, for at
# least CPU_SECONDS (so that a cheap page's few ticks of CPU rest on hundreds of answers), and for
# at most the run's length (fewer answers for a slow page).
CPU_REQUESTS = 50
CPU_SECONDS = 1.5
# Database time and queries per request come from this many answers more, asked for with the
# timing header once the CPU is counted (bench/database_time.py): the timing is not the site's cost.
TIMED_REQUESTS = 20
# The member whose pages are measured follows this many topics (the subscriptions page lists them).
SUBSCRIPTIONS = 200
# The pages whose figures are compared with the bare view's (report.compared_with_bare) are measured
# in this many interleaved rounds, the bare view and each of them in turn, and their medians
# reported: a machine whose speed drifts during the run (a shared host) then moves them alike.
ROUNDS = 5


@dataclass(frozen=True)
class Page:
    name: str
    mode: str
    path: str
    cookie: str | None = None
    connections: int | None = None

    @property
    def server(self):
        return {report.MEMBER: report.COLD, report.MACHINA_MEMBER: report.MACHINA}.get(self.mode, self.mode)


class Command(BaseCommand):
    help = "Prestandamätning: stor datamängd, gunicorn med produktionsinställningar, ren machina som jämförelse."

    def handle(self, *args, **options):
        if os.environ.get("DJANGO_SETTINGS_MODULE") != "bench.settings":
            raise CommandError("Kör med --settings=bench.settings (make bench gör det).")
        seconds = int(os.environ.get("BENCH_SECONDS", "10"))
        connections = int(os.environ.get("BENCH_CONNECTIONS", "4"))
        started = time.monotonic()
        self.prepare_database()
        call_command("collectstatic", interactive=False, verbosity=0)
        pages = self.pages(self.seed_reference())
        ports = {mode: FIRST_PORT + index for index, mode in enumerate(SERVERS)}
        with contextlib.ExitStack() as servers:
            self.stdout.write(f"Startar servrarna på portarna {FIRST_PORT}–{FIRST_PORT + len(SERVERS) - 1} ...")
            masters = {
                mode: servers.enter_context(gunicorn(ports[mode], served, page_cache, content_cache))
                for mode, (served, page_cache, content_cache) in SERVERS.items()
            }
            self.stdout.write(f"Mäter {len(pages)} sidor, {seconds} s per sida ...")

            def measure(page):
                url = f"http://127.0.0.1:{ports[page.server]}{page.path}"
                return self.measure(page, url, masters[page.server], seconds, page.connections or connections)

            compared = [page for page in pages if report.compared_with_bare(page.name, page.mode)]
            measured = {page: measure(page) for page in pages if page not in compared}
            self.stdout.write(f"Jämförs med den bara vyn, i {ROUNDS} omgångar om vartannat: {len(compared)} sidor ...")
            rounds = [[measure(page) for page in compared] for _ in range(ROUNDS)]
            for page, page_rounds in zip(compared, zip(*rounds, strict=True), strict=True):
                measured[page] = report.median_row(page_rounds)
            rows = [measured[page] for page in pages]
        self.stdout.write("")
        self.stdout.write(
            f"Databas: {connection.vendor}; {seconds} s per sida, {connections} samtidiga om inget annat anges; "
            f"{WORKERS} gunicorn-arbetare per server."
        )
        self.stdout.write(
            "kall = utan sidcache (innehållscachen på, som i produktion), varm = ARENA_PAGE_CACHE=1, "
            "rå = varken sid- eller innehållscache, medlem = inloggad, machina = ren django-machina "
            "med samma storlekar, bar = Django utan middleware. DB ms/req: satsernas väntetid mätt i appen."
        )
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

    def seed_reference(self):
        """Plain machina's database, seeded by its own process (bench/reference/seed.py) with as many
        forums as the site's index shows; its paths and a member's session cookie."""
        forums = Forum.objects.filter(type=Forum.FORUM_POST, topics__isnull=False).distinct().count()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": REFERENCE[1]}
        command = [sys.executable, "-m", "bench.reference.seed", str(forums)]
        # Our own module and a number from the database, never outside input.
        run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
        if run.returncode:
            raise CommandError(f"Ren machina gick inte att förbereda:\n{run.stderr}")
        return json.loads(run.stdout.splitlines()[-1])

    def member_cookie(self):
        """A session of a member who follows SUBSCRIPTIONS topics and has read none of them."""
        member = get_user_model().objects.get(username="bench1@example.org")
        # Data sets seeded before the seeder put its members in the group.
        member.groups.add(members_group())
        member.topic_subscriptions.add(*Topic.objects.order_by("-last_post_on")[:SUBSCRIPTIONS])
        # Statistics that count these rows, as autovacuum would gather them on a live site: after the
        # data set's ANALYZE the planner believes the member follows one topic.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(Topic.subscribers.through._meta.db_table)}")
        client = Client(headers=PROXY_HEADERS)
        client.force_login(member)
        name = settings.SESSION_COOKIE_NAME
        return f"{name}={client.cookies[name].value}"

    def pages(self, reference):
        """Every measured page, each forum page beside its plain-machina counterpart."""
        long_topic = Topic.objects.select_related("forum").get(subject=seed.LONG_TOPIC_SUBJECT)
        short_topic = Topic.objects.select_related("forum").get(slug="samtal-1")
        forum = long_topic.forum
        search = f"{reverse('search')}?q={seed.SEARCH_WORD}"
        cookie = self.member_cookie()
        machina = reference["cookie"]
        pages = [
            Page(report.BARE, report.BARE_MODE, BARE_PATH),
            Page(report.CEILING, report.COLD, CEILING_PATH),
            Page(report.CEILING, report.WARM, CEILING_PATH),
        ]
        for name, path in [
            (report.HOME, "/"),
            (report.NEWS_INDEX, NewsIndexPage.objects.get().url),
            ("Nyhet", NewsPage.objects.get(slug=f"{seed.SLUG_PREFIX}nyhet-1").url),
        ]:
            pages += [Page(name, report.COLD, path), Page(name, report.RAW, path), Page(name, report.WARM, path)]
        for name, path, reference_path in [
            (report.FORUM_INDEX, reverse("forum:index"), reference["index"]),
            (report.FORUM_PAGE, forum_url(forum), reference["forum"]),
            (report.TOPIC, topic_url(long_topic), reference["topic"]),
        ]:
            pages += [
                Page(name, report.COLD, path),
                Page(name, report.RAW, path),
                Page(name, report.MACHINA, reference_path),
                Page(name, report.MEMBER, path, cookie),
                Page(name, report.MACHINA_MEMBER, reference_path, machina),
                Page(name, report.WARM, path),
            ]
        pages += [
            Page(report.SHORT_TOPIC, report.MEMBER, topic_url(short_topic), cookie),
            Page("Bevakningar", report.MEMBER, reverse("forum_member:user_subscriptions"), cookie),
            Page("Olästa trådar", report.MEMBER, reverse("forum_tracking:unread_topics"), cookie),
            Page(report.SEARCH, report.COLD, search, connections=4),
            Page(report.SEARCH, report.COLD, search, connections=16),
            Page(report.SEARCH, report.WARM, search, connections=4),
            Page(report.SEARCH, report.WARM, search, connections=16),
        ]
        return pages

    def measure(self, page, url, master_pid, seconds, connections):
        """Load for req/s and latency, then CPU per request from answers fetched one at a time (a load
        run ends with requests still in flight, which would blur the CPU count), then database time
        and queries per request from timed answers."""
        answer = fetch(url, page.cookie)
        if answer.status != 200:
            raise CommandError(f"{url} svarade {answer.status}, inte 200.")
        run_load(url, WARM_UP_SECONDS, connections, page.cookie)
        wait_until_idle(master_pid)
        load = run_load(url, seconds, connections, page.cookie)
        if load.requests < MIN_REQUESTS:
            # A page this slow gets one longer run, so that its latency rests on a few answers.
            wait_until_idle(master_pid)
            load = run_load(url, seconds * SLOW_PAGE_FACTOR, connections, page.cookie)
        wait_until_idle(master_pid)
        cpu_before = workers_cpu_seconds(master_pid)
        fetching_since = time.monotonic()
        answers = []
        while True:
            answers.append(fetch(url, page.cookie))
            fetching = time.monotonic() - fetching_since
            if fetching >= seconds or (len(answers) >= CPU_REQUESTS and fetching >= CPU_SECONDS):
                break
        wait_until_idle(master_pid)
        cpu = workers_cpu_seconds(master_pid) - cpu_before
        timed_answers = [
            fetch(url, page.cookie, {REQUEST_HEADER: "1"}) for _ in range(min(len(answers), TIMED_REQUESTS))
        ]
        timed = [float(answer.headers[HEADER]) for answer in timed_answers if HEADER in answer.headers]
        queries = timed_answers[-1].headers.get(QUERIES_HEADER)
        row = report.Row(
            page.name,
            page.mode,
            connections,
            load,
            cpu,
            len(answers),
            None if queries is None else int(queries),
            sum(timed) / len(timed) if timed else None,
        )
        self.stdout.write(
            f"  {page.name} ({page.mode}, {connections}): {load.per_second:.1f} req/s, "
            f"{row.cpu_ms_per_request:.2f} ms CPU/req ({len(answers)} i följd)"
        )
        return row
