"""What tests need outside the test process: external tools (chromium, Java, npm packages) and
fresh interpreters for settings that must be imported from scratch."""

import os
import subprocess
import sys
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
        timeout=120,
    )


def run_manage(*args, env):
    return run_python(
        f"import sys; from django.core.management import execute_from_command_line; "
        f"execute_from_command_line(['manage.py', *{list(args)!r}])",
        env,
    )
