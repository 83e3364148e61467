"""Local development for ``make run``: debug on, e-mail to the console, loopback only."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, env_list

DEBUG = True
# Only for a developer's own machine; production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-used-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
# `make run` serves on 127.0.0.1:$PORT, and the absolute links point there too.
SITE_URL = (os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# No collectstatic needed while developing.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Edited templates show at once while developing.
ANONYMOUS_PAGE_CACHE_SECONDS = 0
CONTENT_CACHE_SECONDS = 0
