"""Bounded load against one URL: wrk when it is installed, else a small threaded client."""

import http.client
import math
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

# The TLS proxy in front of gunicorn says the request came over https (arena/settings/production.py).
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
WRK_REPORT = Path(__file__).resolve().parent / "wrk_report.lua"


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failures: int

    @property
    def per_second(self):
        return self.requests / self.seconds if self.seconds else 0.0


def percentile(values, fraction):
    """The nearest-rank percentile of values (fraction 0.5 for the median)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def request_headers(cookie=None):
    """The proxy's headers, plus a member's session cookie for the member pages."""
    return {**PROXY_HEADERS, "Cookie": cookie} if cookie else PROXY_HEADERS


def run_load(url, seconds, connections, cookie=None):
    if shutil.which("wrk"):
        return run_wrk(url, seconds, connections, cookie)
    return run_threads(url, seconds, connections, cookie)


def run_wrk(url, seconds, connections, cookie=None):
    sent = request_headers(cookie)
    headers = [argument for name, value in sent.items() for argument in ("-H", f"{name}: {value}")]
    # wrk gives up on an answer after 2 s by default; a slow page must be measured, not dropped.
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "-s", str(WRK_REPORT)]
    command += [*headers, url]
    # The arguments are our own constants and a loopback URL, never outside input.
    run = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 120)  # noqa: S603
    output = run.stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, duration_us, p50_us, p99_us, failures = (int(value) for value in line.split()[1:])
    return LoadResult(requests, duration_us / 1e6, p50_us / 1e3, p99_us / 1e3, failures)


@dataclass
class Answer:
    status: int
    seconds: float
    headers: dict


def fetch(url, cookie=None, extra_headers=None):
    """One GET as the proxy would send it (with a member's cookie and extra headers if given)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    started = time.perf_counter()
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", path, headers={**request_headers(cookie), **(extra_headers or {})})
        response = connection.getresponse()
        response.read()
        return Answer(response.status, time.perf_counter() - started, dict(response.getheaders()))
    finally:
        connection.close()


def run_threads(url, seconds, connections, cookie=None):
    """`connections` threads sending one request after another until `seconds` have passed."""
    deadline = time.monotonic() + seconds
    latencies = []
    failures = []
    lock = threading.Lock()

    def client():
        while time.monotonic() < deadline:
            try:
                answer = fetch(url, cookie)
                status, took = answer.status, answer.seconds
            except OSError:
                status, took = 0, 0.0
            with lock:
                if status >= 400 or status == 0:
                    failures.append(status)
                else:
                    latencies.append(took)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    p50_ms, p99_ms = (percentile(latencies, fraction) * 1e3 for fraction in (0.5, 0.99))
    return LoadResult(len(latencies) + len(failures), elapsed, p50_ms, p99_ms, len(failures))
