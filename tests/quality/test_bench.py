"""The pieces of `make bench`, each small and quick: the full run (large data set, gunicorn, minutes
of load) is never started from the test suite."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from machina.core.db.models import get_model

from bench import report, seed
from bench.load import LoadResult, percentile, run_threads
from bench.server import workers_cpu_seconds
from forum.machina.links import topic_url
from forum.models import Organisation
from home.models import NewsPage, StandardPage
from tests.tools import run_python

Forum = get_model("forum", "Forum")
Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")
ForumProfile = get_model("forum_member", "ForumProfile")


def test_percentile_is_the_nearest_rank():
    values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10]

    assert percentile(values, 0.5) == 5
    assert percentile(values, 0.99) == 10
    assert percentile([7], 0.5) == 7
    assert percentile([], 0.5) == 0.0


def test_table_shows_cost_per_request_and_share_of_the_ceiling_and_targets_say_by_how_much():
    rows = [
        report.Row(report.HOME, report.COLD, LoadResult(200, 10.0, 30.0, 80.0, 0), 1.0, 50, queries=18),
        report.Row(report.HOME, report.WARM, LoadResult(6_000, 10.0, 1.5, 4.0, 0), 0.025, 50, queries=None),
        report.Row(report.SEARCH, report.COLD, LoadResult(0, 30.0, 0.0, 0.0, 0), 0.0, 0, queries=12),
        report.Row(report.CEILING, report.COLD, LoadResult(10_000, 10.0, 1.0, 3.0, 0), 0.02, 50, queries=0),
    ]
    for row in rows:
        row.ceiling_per_second = 1_000.0

    lines = report.format_table(rows).splitlines()
    targets = report.target_lines(rows, "sqlite")

    assert [column.strip() for column in lines[0].split("  ") if column] == report.COLUMNS
    # 200 requests in 10 s: 20 req/s, 2 % of 1,000 req/s; 1 CPU second over 50 answers: 20 ms each.
    assert lines[2].split() == ["Startsida", "kall", "20.0", "30.0", "80.0", "20.0", "18", "2%", "0"]
    assert lines[3].split()[5:8] == ["0.5", "–", "60%"]
    # No answer within the run: nothing to show rather than a zero that would look fast.
    assert lines[4].split()[2:6] == ["0.0", "–", "–", "–"]
    assert targets == [
        "Startsida utan cache, CPU per förfrågan: 20.0ms (mål ≤ 16ms): missat med 4.0ms",
        "Startsida utan cache, SQL-frågor: 18.0 (mål ≤ 15): missat med 3.0",
        "Sökningen, CPU per förfrågan (målet gäller PostgreSQL; detta är sqlite): inte mätt",
        "Cachad anonym startsida, andel av takets req/s: 60.0% (mål ≥ 50%): uppfyllt",
    ]


# Like every test on a live server: the flush after it must not re-run post_migrate (machina would
# re-create its forum permissions, and the next serialized-rollback test would insert them twice).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_threaded_client_counts_answers_and_failures(live_server):
    served = run_threads(f"{live_server.url}/robots.txt", seconds=0.3, connections=2)
    missing = run_threads(f"{live_server.url}/finns-inte/", seconds=0.3, connections=2)

    assert served.requests > 0
    assert served.failures == 0
    assert served.p50_ms <= served.p99_ms
    assert missing.requests == missing.failures > 0


def test_worker_cpu_is_read_from_proc_for_the_children_of_a_process():
    # The child burns a fixed amount of CPU, says so, then waits for its standard input to close.
    child = subprocess.Popen(
        [sys.executable, "-c", "sum(i * i for i in range(3_000_000)); print('klar', flush=True); input()"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "klar"
        assert workers_cpu_seconds(child.pid) == 0
        assert workers_cpu_seconds(os.getpid()) > 0
    finally:
        child.communicate("\n", timeout=30)


def test_bench_settings_are_production_with_the_page_cache_switched_off_by_default():
    result = run_python(
        "import django; django.setup(); from django.conf import settings\n"
        "print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.ROOT_URLCONF, "
        "settings.ANONYMOUS_PAGE_CACHE_SECONDS, settings.DATABASES['default']['NAME'].endswith('bench.sqlite3'))",
        {"DJANGO_SETTINGS_MODULE": "bench.settings"},
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "bench.urls", "0", "True"]


@pytest.mark.usefixtures("media_root")
def test_a_scaled_down_data_set_is_seeded_with_machinas_counters_right(client, db):
    call_command("seed_demo", stdout=StringIO())
    demo_posts = Post.objects.count()
    counts = seed.scaled_counts(0.001)
    assert counts == {"pages": 1, "news": 5, "organisations": 1, "topics": 10, "posts": 200}
    assert not seed.has_data_set(counts)

    seed.seed_data_set(counts)

    assert seed.has_data_set(counts)
    assert StandardPage.objects.filter(slug__startswith=seed.SLUG_PREFIX).count() == 1
    assert NewsPage.objects.filter(slug__startswith=seed.SLUG_PREFIX).count() == 5
    assert Organisation.objects.filter(name__startswith="Bench").count() == 1
    assert Post.objects.count() == demo_posts + 200
    for topic in Topic.objects.filter(slug__startswith="samtal-") | Topic.objects.filter(slug="den-langa-traden"):
        posts = list(topic.posts.order_by("created", "pk"))
        assert topic.posts_count == len(posts) > 0
        assert (topic.first_post, topic.last_post, topic.last_post_on) == (posts[0], posts[-1], posts[-1].created)
    for forum in Forum.objects.filter(type=Forum.FORUM_POST):
        assert forum.direct_posts_count == Post.objects.filter(topic__forum=forum).count()
        assert forum.direct_topics_count == forum.topics.count()
    bench_profiles = ForumProfile.objects.filter(user__username__startswith="bench")
    assert sum(bench_profiles.values_list("posts_count", flat=True)) == 200

    news = NewsPage.objects.get(slug=f"{seed.SLUG_PREFIX}nyhet-1")
    assert client.get(news.url).status_code == 200
    long_topic = Topic.objects.get(subject=seed.LONG_TOPIC_SUBJECT)
    topic_page = client.get(topic_url(long_topic))
    assert topic_page.status_code == 200
    assert long_topic.first_post.content.rendered in topic_page.content.decode()
    search = client.get(reverse("search"), {"q": "Arkivsida"})
    assert "Arkivsida 1" in search.content.decode()
