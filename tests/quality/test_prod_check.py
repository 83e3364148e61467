"""deploy/Procfile starts: honcho runs its web and worker processes with the production settings
against a PostgreSQL database of their own (created, migrated, seeded and dropped here) and the
test run's Redis on loopback; /readyz must say ready with the worker's check "ok", the start page
must answer, and an e-mail task stored in the database must be run by the worker, which delivers it
to an SMTP server on loopback. `make prod-check` runs
this test alone and prints the processes' output.

Runs when DATABASE_URL names PostgreSQL and REDIS_URL is set (CI's second run); skipped otherwise.
"""

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
from aiosmtpd.controller import Controller

from tests.quality.test_worker import Inbox, free_port
from tests.tools import BASE_DIR, run_python, subprocess_env

HOST = "arenahuddinge.se"


def stop(process):
    """Stops honcho, which stops both processes (gunicorn finishes its requests first)."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture
def smtp_inbox():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    yield inbox
    controller.stop()


@pytest.fixture
def production(tmp_path, smtp_inbox):
    database_url = os.environ.get("DATABASE_URL", "")
    redis_url = os.environ.get("REDIS_URL", "")
    if urlsplit(database_url).scheme not in {"postgres", "postgresql"} or not redis_url:
        pytest.skip(
            "Produktionskontrollen behöver PostgreSQL och Redis: sätt DATABASE_URL och REDIS_URL (som .ci/run)."
        )
    name = f"arena_prod_check_{os.getpid()}"
    env = {
        "DJANGO_SETTINGS_MODULE": "arena.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SITE_URL": f"https://{HOST}",
        "DATABASE_URL": urlsplit(database_url)._replace(path=f"/{name}").geturl(),
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private-media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "PATH": f"{BASE_DIR / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHONUNBUFFERED": "1",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_inbox.port),
    }
    with ExitStack() as cleanup:
        with psycopg.connect(database_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')

        def drop_database():
            with psycopg.connect(database_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        cleanup.callback(drop_database)
        for command in (("migrate", "--noinput"), ("collectstatic", "--noinput"), ("seed_demo",)):
            # Slow on a busy machine: more time than tests.tools gives a command.
            result = subprocess.run(
                [sys.executable, "manage.py", *command, "--verbosity", "0"],
                cwd=BASE_DIR,
                env=subprocess_env(env),
                capture_output=True,
                text=True,
                timeout=600,
            )
            assert result.returncode == 0, result.stderr
        yield env


def test_the_procfile_starts_web_and_worker_and_they_serve(production, smtp_inbox, capsys):
    port = free_port()
    log_path = BASE_DIR / "deploy" / f".prod-check-{os.getpid()}.log"
    with log_path.open("w") as log:
        honcho = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "honcho",
                "-f",
                "deploy/Procfile",
                "-d",
                ".",
                "--no-prefix",
                "start",
                "--port",
                str(port),
            ],
            cwd=BASE_DIR,
            env=subprocess_env(production),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        started = time.monotonic()
        ready = wait_until_ready(honcho, port, log_path)
        ready_after = time.monotonic() - started
        headers = {"Host": HOST, "X-Forwarded-Proto": "https"}
        start_page = requests.get(f"http://127.0.0.1:{port}/", headers=headers, timeout=30)
        queued = run_python(
            "import django; django.setup()\n"
            "from forum.membership.services import send_member_email\n"
            "print(send_member_email.enqueue('Prov', 'Hej!\\n', ['drift@example.se']).id)\n",
            production,
        )
        assert queued.returncode == 0, queued.stderr
        task_status = wait_for_task(production["DATABASE_URL"], queued.stdout.strip())
    finally:
        stop(honcho)
        output = log_path.read_text()
        log_path.unlink()
        # What `make prod-check` shows the operator: both processes' log lines, and the figures.
        with capsys.disabled():
            sys.stdout.write(output)

    with capsys.disabled():
        sys.stdout.write(f"prod-check: /readyz {json.dumps(ready)} efter {ready_after:.1f} s; ")
        sys.stdout.write(f"startsidan {start_page.status_code}\n")
    assert ready == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "worker": "ok", "cache": "ok"}}
    assert start_page.status_code == 200
    assert "Arena Huddinge" in start_page.text
    assert task_status == "SUCCESSFUL"
    assert [message.rcpt_tos for message in smtp_inbox.messages] == [["drift@example.se"]]
    assert "remote=" in output and "status=200" in output


def wait_until_ready(process, port, log_path):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"honcho avslutades:\n{log_path.read_text()}")
        try:
            response = requests.get(f"http://127.0.0.1:{port}/readyz", headers={"Host": HOST}, timeout=5)
            if response.status_code == 200:
                return response.json()
        except requests.ConnectionError:
            pass
        time.sleep(0.5)
    pytest.fail(f"/readyz svarade inte redo:\n{log_path.read_text()}")


def wait_for_task(database_url, task_id):
    deadline = time.monotonic() + 30
    with psycopg.connect(database_url, autocommit=True) as database:
        while time.monotonic() < deadline:
            (status,) = database.execute(
                "SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s", [task_id]
            ).fetchone()
            if status not in {"READY", "RUNNING"}:
                return status
            time.sleep(0.5)
    return status
