"""Production settings for `make bench`: the site as gunicorn serves it in production, on loopback.

The benchmark gets its own database (an SQLite file beside this module unless DATABASE_URL names
a PostgreSQL database), so the large data set never lands in the developer's db.sqlite3. The load
generator sends ``X-Forwarded-Proto: https`` as the TLS proxy would, so the production redirect to
https, HSTS and secure cookies stay on.
"""

import os
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent

# production.py refuses to start without these; here they have loopback defaults.
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-on-loopback")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("SITE_URL", "https://127.0.0.1")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{BENCH_DIR / 'bench.sqlite3'}")
os.environ.setdefault("STATIC_ROOT", str(BENCH_DIR / "staticfiles"))
os.environ.setdefault("MEDIA_ROOT", str(BENCH_DIR / "media"))

from arena.settings.base import env_bool  # noqa: E402
from arena.settings.production import *  # noqa: E402, F403
from arena.settings.production import INSTALLED_APPS  # noqa: E402

# The anonymous page cache (arena/page_cache.py) is off unless ARENA_PAGE_CACHE is on: the
# process that counts queries sees uncached pages; the load runs set the switch per server.
# Production keeps both caches off without Redis, because a change would leave the other
# processes' local copies stale; nothing changes while the load runs, so a run without Redis
# (SQLite) measures them as production has them with Redis.
ANONYMOUS_PAGE_CACHE_SECONDS = 120 if env_bool("ARENA_PAGE_CACHE") else 0
# The content cache (arena/content_cache.py) is on as in production with Redis, except on the
# server that shows what a page costs with no cache at all (ARENA_CONTENT_CACHE=0).
CONTENT_CACHE_SECONDS = 60 * 60 if env_bool("ARENA_CONTENT_CACHE", default=True) else 0

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
# Outermost: sums the time of every SQL statement of a request into a response header.
MIDDLEWARE = ["bench.database_time.DatabaseTimeMiddleware", *MIDDLEWARE]  # noqa: F405
ROOT_URLCONF = "bench.urls"
# The in-process query count uses Django's test client, whose host is "testserver".
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]  # noqa: F405
# Forum e-mail is never sent by reading pages; keep any stray message off the network anyway.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": os.environ.get("LOG_LEVEL", "WARNING")}}  # noqa: F405
