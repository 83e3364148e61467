"""Production behind a TLS-terminating proxy (deploy/, README.md "Drift i produktion")."""

import os

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import LOGGING, env_list

# Production cannot start without these; base.py has already read them.
for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "SITE_URL"):
    if not os.environ.get(name, "").strip():
        raise ImproperlyConfigured(f"Miljövariabeln {name} saknas: produktion startar inte utan den.")

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DEBUG = False

# Each process's local-memory cache would keep its own copy of a page and its own generation key,
# so a change seen by one worker would leave the others stale: pages and content are cached only
# in Redis.
if not REDIS_URL:  # noqa: F405
    ANONYMOUS_PAGE_CACHE_SECONDS = 0
    CONTENT_CACHE_SECONDS = 0
# With Redis, every change of content is announced, and each process keeps its own copies of pages.
ANONYMOUS_PAGE_CACHE_IN_PROCESS = bool(REDIS_URL)  # noqa: F405

# The proxy terminates TLS and says so in this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# A load balancer or systemd may ask the app server itself, over plain HTTP (arena/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp) and Permissions-Policy on every response. Scripts and
# styles come only from our own origin: templates carry no inline script.
_AFTER_SECURITY = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1  # noqa: F405
MIDDLEWARE = [
    *MIDDLEWARE[:_AFTER_SECURITY],  # noqa: F405
    "arena.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    *MIDDLEWARE[_AFTER_SECURITY:],  # noqa: F405
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Video embeds in pages (EmbedBlock) come from these providers only.
        "frame-src": [SELF, "https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}


# E-mail and other background work are stored in the database and sent by `manage.py db_worker`
# (deploy/Procfile), so a slow or dead mail server never slows or fails a request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Server errors are mailed to these addresses (comma-separated) by the worker (arena/log.py, arena/tasks.py).
ADMINS = [("", address) for address in env_list("ADMINS")]

# One line per record (arena/log.py); Django's own error mail replaced by one the worker sends.
LOGGING = {
    **LOGGING,
    "formatters": {"line": {"()": "arena.log.OneLineFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "line"},
        "admins": {"class": "arena.log.AdminEmailTaskHandler", "level": "ERROR"},
    },
    "loggers": {**LOGGING["loggers"], "django": {"handlers": ["admins"], "level": "INFO"}},
}

# Errors to Sentry as well when a DSN is given, without personal data.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    import sentry_sdk

    from arena.log import scrub_personal_data

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        before_send=scrub_personal_data,
        traces_sample_rate=0,
    )
