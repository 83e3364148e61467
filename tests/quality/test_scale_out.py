"""Two app servers behind one proxy: gunicorn instances on their own ports that share one PostgreSQL
database, one Redis and one media directory. Whatever a visitor does through one server, the
other shows at once: forum posts (and the search finds them), published pages, the login session
and uploaded documents.

The servers run the production settings (tests/quality/scale_out_settings.py: only their cache keys'
prefix differs) against a database of their own that this module creates, migrates, seeds and
drops: they cannot see pytest-django's test database inside its transaction.
Runs when DATABASE_URL names PostgreSQL and REDIS_URL is set (CI's second run); skipped otherwise
on a developer's machine, and fails in CI.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
from contextlib import ExitStack
from http.cookies import SimpleCookie
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import psycopg
import pytest
import redis
import requests
from bs4 import BeautifulSoup

from tests.forum.helpers import form_data
from tests.tools import BASE_DIR, missing_tool, run_manage, run_python, subprocess_env

HOST = "arenahuddinge.se"
ORIGIN = f"https://{HOST}"
PORTS = range(8171, 8180)
MEMBER = "lena.holm@huddinge-kommun.example"
EDITOR = "redaktor@arenahuddinge.example"
PASSWORD = secrets.token_urlsafe(16)


class Visitor:
    """A browser behind the TLS proxy: it keeps its cookies whichever app server answers.

    The proxy's X-Forwarded-Proto header is sent as the proxy would. Cookies are kept by hand
    because production marks them Secure and the servers themselves speak plain HTTP.
    """

    def __init__(self, timeout=30):
        self.cookies = {}
        self.timeout = timeout

    def request(self, server, method, path, **kwargs):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Origin": ORIGIN, "Referer": ORIGIN + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method, server + path, headers=headers, allow_redirects=False, timeout=self.timeout, **kwargs
        )
        for header in response.raw.headers.getlist("Set-Cookie"):
            for morsel in SimpleCookie(header).values():
                if morsel["max-age"] == "0":
                    self.cookies.pop(morsel.key, None)
                else:
                    self.cookies[morsel.key] = morsel.value
        return response

    def get(self, server, path):
        return self.request(server, "GET", path)

    def submit(self, server, path, form_selector, files=None, **values):
        """Loads the page at path from server and posts its form back there with values filled in."""
        page = self.get(server, path)
        assert page.status_code == 200, f"{path}: {page.status_code}"
        action = BeautifulSoup(page.text, "html.parser").select_one(form_selector).get("action") or path
        return self.request(
            server, "POST", urljoin(path, action), data=form_data(page.text, form_selector, **values), files=files
        )

    def log_in(self, server, username):
        response = self.submit(server, "/konto/logga-in/", "form.form", username=username, password=PASSWORD)
        assert response.status_code == 302, "inloggningen misslyckades"


def free_ports(count):
    free = []
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                free.append(port)
        if len(free) == count:
            return free
    pytest.fail(f"Inga {count} lediga portar i {PORTS.start}–{PORTS.stop - 1}.")


def start_server(port, env, log_path):
    # Without --no-control-socket every gunicorn on the machine would claim ~/.gunicorn/gunicorn.ctl.
    with log_path.open("w") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "arena.wsgi", "--bind", f"127.0.0.1:{port}", "--no-control-socket"],
            cwd=BASE_DIR,
            env=subprocess_env(env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def wait_until_serving(process, url, log_path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn på {url} avslutades:\n{log_path.read_text()}")
        try:
            if Visitor().get(url, "/").status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.3)
    pytest.fail(f"gunicorn på {url} svarade inte:\n{log_path.read_text()}")


def stop(*processes):
    """Stops the processes together: gunicorn takes a few seconds to shut down."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def seed(env):
    """The demo content, a password for one of its members and an editor (a superuser)."""
    result = run_python(
        "import django; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.core.management import call_command\n"
        "call_command('seed_demo')\n"
        "User = get_user_model()\n"
        f"member = User.objects.get(username={MEMBER!r})\n"
        f"member.set_password({PASSWORD!r})\n"
        "member.save()\n"
        f"User.objects.create_superuser(username={EDITOR!r}, email={EDITOR!r}, password={PASSWORD!r})\n",
        env,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if urlsplit(database_url).scheme not in {"postgres", "postgresql"} or not redis_url:
        missing_tool("Skalningstestet behöver PostgreSQL och Redis: sätt DATABASE_URL och REDIS_URL (som .ci/run).")
    folder = tmp_path_factory.mktemp("scale-out")
    name = f"arena_scale_out_{os.getpid()}"
    cache_prefix = f"scale-out-{os.getpid()}"
    env = {
        "DJANGO_SETTINGS_MODULE": "tests.quality.scale_out_settings",
        "SCALE_OUT_CACHE_PREFIX": cache_prefix,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"https://{HOST}",
        "DATABASE_URL": urlsplit(database_url)._replace(path=f"/{name}").geturl(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
        "STATIC_ROOT": str(folder / "static"),
    }
    with ExitStack() as cleanup:
        with psycopg.connect(database_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')

        def drop_database():
            with psycopg.connect(database_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        def delete_cache_keys():
            cache = redis.Redis.from_url(redis_url)
            for key in cache.scan_iter(match=f"{cache_prefix}-*"):
                cache.delete(key)

        cleanup.callback(drop_database)
        cleanup.callback(delete_cache_keys)
        # Static files are collected while the database is migrated and seeded.
        collectstatic = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=BASE_DIR,
            env=subprocess_env(env),
            stderr=subprocess.PIPE,
            text=True,
        )
        cleanup.callback(stop, collectstatic)
        migrate = run_manage("migrate", "--noinput", env=env)
        assert migrate.returncode == 0, migrate.stderr
        seed(env)
        assert collectstatic.wait(timeout=120) == 0, collectstatic.stderr.read()
        servers = {}
        for port in free_ports(2):
            log_path = folder / f"gunicorn-{port}.log"
            servers[f"http://127.0.0.1:{port}"] = (start_server(port, env, log_path), log_path)
        cleanup.callback(stop, *(process for process, _ in servers.values()))
        for url, (process, log_path) in servers.items():
            wait_until_serving(process, url, log_path)
        urls = list(servers)
        with psycopg.connect(env["DATABASE_URL"], autocommit=True) as database:
            yield SimpleNamespace(a=urls[0], b=urls[1], database=database)


def test_a_login_on_one_server_is_a_login_on_the_other(servers):
    member = Visitor()
    assert member.get(servers.b, "/konto/").status_code == 302

    member.log_in(servers.a, MEMBER)

    account = member.get(servers.b, "/konto/")
    assert account.status_code == 200
    assert "Lena Holm" in account.text


def test_a_forum_post_made_through_one_server_is_shown_and_found_at_once_by_the_other(servers):
    forum_id, forum_slug = servers.database.execute(
        "SELECT id, slug FROM forum_forum WHERE name = 'Företagsklimat'"
    ).fetchone()
    forum_path = f"/forum/forum/{forum_slug}-{forum_id}/"
    visitor = Visitor()
    assert "Cykelparkering" not in visitor.get(servers.b, forum_path).text
    member = Visitor()
    member.log_in(servers.a, MEMBER)

    created = member.submit(
        servers.a,
        f"{forum_path}topic/create/",
        "form.forum-form",
        subject="Cykelparkering vid pendeltågsstationen",
        content="Kan kommunen och fastighetsägarna dela på kostnaden för ett cykelgarage i Flemingsberg?",
    )

    assert created.status_code == 302
    assert "Cykelparkering vid pendeltågsstationen" in visitor.get(servers.b, forum_path).text
    topic = visitor.get(servers.b, urlsplit(created.headers["Location"]).path)
    assert "ett cykelgarage i Flemingsberg" in topic.text
    search = visitor.get(servers.b, "/sok/?q=cykelgarage")
    assert "Cykelparkering vid pendeltågsstationen" in search.text


def test_a_page_published_through_one_server_is_current_on_the_other(servers):
    (page_id,) = servers.database.execute("SELECT id FROM wagtailcore_page WHERE slug = 'nyheter'").fetchone()
    visitor = Visitor()
    assert "<h1>Nyheter</h1>" in visitor.get(servers.b, "/nyheter/").text
    editor = Visitor()
    editor.log_in(servers.a, EDITOR)

    published = editor.submit(
        servers.a,
        f"/admin/pages/{page_id}/edit/",
        "form#page-edit-form",
        title="Nytt från Arena Huddinge",
        **{"action-publish": "action-publish"},
    )

    assert published.status_code == 302
    news = visitor.get(servers.b, "/nyheter/")
    assert "<h1>Nytt från Arena Huddinge</h1>" in news.text


def test_a_document_uploaded_through_one_server_is_served_by_the_other(servers):
    content = "Dagordning för dialogmötet om samhällsbyggnad.\n".encode()
    editor = Visitor()
    editor.log_in(servers.a, EDITOR)

    uploaded = editor.submit(
        servers.a,
        "/admin/documents/add/",
        "form[enctype='multipart/form-data']",
        files={"file": ("dagordning.txt", content, "text/plain")},
        title="Dagordning",
    )

    assert uploaded.status_code == 302
    document_id, file_name = servers.database.execute(
        "SELECT id, file FROM wagtaildocs_document WHERE title = 'Dagordning'"
    ).fetchone()
    download = Visitor().get(servers.b, f"/dokument/{document_id}/{os.path.basename(file_name)}")
    assert download.status_code == 200
    assert download.content == content
