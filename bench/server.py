"""gunicorn as production runs it (two sync workers), on loopback, and its workers' CPU time."""

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

from .bare import BARE_PATH
from .load import fetch
from .urls import CEILING_PATH

BASE_DIR = Path(__file__).resolve().parent.parent
WORKERS = 2
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# What each server runs: the site (bench.settings), the plain-machina reference and the bare view.
SITE = ("arena.wsgi", "bench.settings", CEILING_PATH)
REFERENCE = ("bench.reference.wsgi", "bench.reference.settings", "/forum/")
BARE = ("bench.bare", "bench.bare", BARE_PATH)


@contextlib.contextmanager
def gunicorn(port, served=SITE, page_cache=False, content_cache=True):
    """A running gunicorn serving ``served`` (SITE, REFERENCE or BARE), the site's page cache and
    content cache on or off; yields its pid. Every server has the same workers, so that their CPU
    compares."""
    application, settings_module, probe = served
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "ARENA_PAGE_CACHE": "1" if page_cache else "0",
        "ARENA_CONTENT_CACHE": "1" if content_cache else "0",
    }
    command = [sys.executable, "-m", "gunicorn", application, "--workers", str(WORKERS)]
    command += ["--worker-class", "sync", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, cwd=BASE_DIR)  # noqa: S603 - our own fixed command
    try:
        wait_until_serving(f"http://127.0.0.1:{port}{probe}", process)
        yield process.pid
    finally:
        process.terminate()
        process.wait(timeout=60)


def wait_until_serving(url, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn avslutades med kod {process.returncode} innan den svarade.")
        with contextlib.suppress(OSError):
            if fetch(url).status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn svarade inte på {url} inom {timeout} sekunder.")


def wait_until_idle(master_pid, timeout=120):
    """Waits until the workers have finished what is in flight (a load run leaves requests behind)."""
    deadline = time.monotonic() + timeout
    used = workers_cpu_seconds(master_pid)
    while time.monotonic() < deadline:
        time.sleep(0.3)
        used, before = workers_cpu_seconds(master_pid), used
        if used == before:
            return


def workers_cpu_seconds(master_pid):
    """User plus system CPU seconds used so far by the master's worker processes (from /proc)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name in parentheses may hold spaces; the fields after it are fixed.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == master_pid:
            total += int(fields[11]) + int(fields[12])
    return total / CLOCK_TICKS
