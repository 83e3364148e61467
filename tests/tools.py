"""What tests need outside the test process: external tools (chromium, Java, npm packages) and
fresh interpreters for settings that must be imported from scratch."""

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest


def missing_tool(message):
    """Skip on a developer's machine without the tool; fail in CI, which installs every tool."""
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "arena.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "arenahuddinge.se",
    "DATABASE_URL": "sqlite:///:memory:",
    "SITE_URL": "https://arenahuddinge.se",
}


def subprocess_env(env):
    """This process's environment without what production reads, with env in its place."""
    # The browser tests allow async-unsafe calls in this process; a deployment never does.
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**{key: value for key, value in os.environ.items() if key not in ignored}, **env}


def run_python(code, env):
    """Runs code in a fresh interpreter, so that each settings module is imported from scratch."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=subprocess_env(env),
        capture_output=True,
        text=True,
        # A migrate of a fresh database takes ~45 s of CPU; on a busy machine far longer.
        timeout=600,
    )


def run_manage(*args, env):
    return run_python(
        f"import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])",
        env,
    )


def free_port():
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A Redis of the test's own on a loopback port, without persistence, to stop and start again."""

    def __init__(self):
        if not shutil.which("redis-server"):
            missing_tool("redis-server saknas: installera Debians paket redis-server.")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        pytest.fail(f"redis-server på port {self.port} startade inte.")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
