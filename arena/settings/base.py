"""Settings shared by every environment, safe for production as they stand.

Everything secret or host-specific comes from the environment (see README.md). DEBUG is off
unless the environment turns it on; ``dev.py`` loosens these settings for ``make run``.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from machina import MACHINA_MAIN_STATIC_DIR, MACHINA_MAIN_TEMPLATE_DIR

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # django-machina and what it needs. Machina's apps come before our own ``forum`` app:
    # machina's class loader takes the first INSTALLED_APPS entry named like one of its apps as
    # the override of that app (docs/architecture.md, "Settings notes").
    "mptt",
    "haystack",
    "widget_tweaks",
    "machina",
    "machina.apps.forum",
    "machina.apps.forum_conversation",
    # Our versions of two machina apps (forum/machina/apps/): attachments in private storage with
    # size and type limits, and a topic-move form that works on Django 5.
    "forum.machina.apps.forum_conversation.forum_attachments",
    "machina.apps.forum_conversation.forum_polls",
    "machina.apps.forum_feeds",
    "forum.machina.apps.forum_moderation",
    "machina.apps.forum_search",
    "machina.apps.forum_tracking",
    "machina.apps.forum_member",
    "machina.apps.forum_permission",
    "forum.apps.ArenaForumConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    # The database task backend's tables and its `db_worker`; only production uses the backend.
    "django_tasks_db",
]

MIDDLEWARE = [
    # First: answers visitors without cookies from the shared cache before anything else runs,
    # and stores what it may share with the headers every middleware below has set, the security
    # headers included (arena/page_cache.py); everything below runs only for pages rendered now.
    "arena.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, as WhiteNoise asks: static files get the security headers.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Django's, with the message storage made on first use (arena/middleware.py).
    "arena.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # The request's Wagtail Site from the content cache, when something asks for it (home/middleware.py).
    "home.middleware.SiteMiddleware",
    "forum.machina.middleware.ForumPermissionMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "arena.urls"
WSGI_APPLICATION = "arena.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our templates first, so that they override machina's at the same relative names.
        "DIRS": [BASE_DIR / "templates", MACHINA_MAIN_TEMPLATE_DIR],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "machina.core.context_processors.metadata",
            ],
        },
    },
]


# Database: an SQLite file in the project unless DATABASE_URL names another (PostgreSQL in
# production and CI).
try:
    DATABASES = {
        "default": dj_database_url.config(
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    }
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL går inte att tolka: {error}") from None

# Machina's apps set no default_auto_field; AutoField keeps makemigrations out of site-packages.
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"


# Cache: local memory, or Redis when REDIS_URL is set so that several app servers share it.
# Machina keeps uploaded attachments in its own cache between a preview and the final post.
# Redis fails open (arena/cache.py): while it is down, or slower than the timeouts below, pages
# are built from the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 1}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "arena.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "arena",
            "OPTIONS": REDIS_OPTIONS,
        },
        "machina_attachments": {
            "BACKEND": "arena.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "arena-attachments",
            "TIMEOUT": 60 * 60,
            "OPTIONS": REDIS_OPTIONS,
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "machina_attachments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "machina-attachments",
            "TIMEOUT": 60 * 60,
        },
    }


# Public pages are kept this long in the shared cache for visitors without cookies, and browsers
# and proxies may keep them as long (arena/page_cache.py). 0 turns the page cache off.
ANONYMOUS_PAGE_CACHE_SECONDS = 120
# With Redis, production turns this on: each process also keeps copies of the pages it served last
# (in the "process-pages" cache) and serves them without a round trip to Redis while Redis announces
# no change (arena/announcements.py). Off here: tests reset the shared cache without announcing it.
ANONYMOUS_PAGE_CACHE_IN_PROCESS = False
CACHES["process-pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "process-pages",
    "OPTIONS": {"MAX_ENTRIES": 300},
}
# What every page shows (menu, footer) and the start page's lists, kept under the same generation
# until content changes (arena/content_cache.py). 0 turns it off.
CONTENT_CACHE_SECONDS = 60 * 60


# How many proxies of our own stand in front of the site (a TLS proxy: 1). The client's address is
# then taken from X-Forwarded-For (arena/ratelimit.py); 0 ignores the header, which anyone can send.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Login throttling (django-axes) on every login form, the site's and the admin's: after five
# failures for one account from one client, that pair is locked for an hour; after 30 failures from
# one client, whatever the accounts, the client is (arena/login_throttle.py). Unlock earlier with
# `manage.py axes_reset_username <e-post>` or `axes_reset_ip <adress>` (README.md).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "arena.login_throttle.AccountAndClientHandler"
AXES_CLIENT_IP_CALLABLE = "arena.ratelimit.client_address"
AXES_FAILURE_LIMIT = 5
AXES_CLIENT_FAILURE_LIMIT = 30
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/account_locked.html"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]


# Swedish everywhere a person reads.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Our own catalogue first; machina ships no Swedish, so its strings have a catalogue of their own,
# and so do the strings of Wagtail's admin that Wagtail's Swedish catalogue leaves in English.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "machina", BASE_DIR / "locale" / "wagtail"]


# Static files are served by whitenoise, hashed and compressed. Media live outside the code.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [PROJECT_DIR / "static", MACHINA_MAIN_STATIC_DIR]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that are never served from /media/ (forum attachments), only through views that check
# permissions (forum/machina/storage.py). Keep it outside MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Wagtail's page editor can post many fields for a long StreamField.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# E-mail through SMTP; the addresses the association sends from.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Arena Huddinge <info@arenahuddinge.se>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)


# Accounts: members log in with their e-mail address as username (forum/membership/urls.py).
LOGIN_URL = "/konto/logga-in/"
LOGIN_REDIRECT_URL = "/konto/"
LOGOUT_REDIRECT_URL = "/"
# Private pages send visitors to the same login page as the forum, not Wagtail's own.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL


# Wagtail
WAGTAIL_SITE_NAME = "Arena Huddinge"
# The site's public address (scheme, host and, if not the usual one, port; no path). Every absolute
# link (canonical, Open Graph, sitemap, feeds, calendar files, e-mail) is built from it by
# arena/links.py; links inside the site are relative. Production requires it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_I18N_ENABLED = False
# Page URLs in ASCII: the admin's slug field spells å, ä, ö as a, a, o (home/models/base.py does
# the same on the server).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska")]
WAGTAILSEARCH_BACKENDS = {
    "default": {
        # Wagtail's database backend, matching each word of a query as a prefix (home/search.py).
        "BACKEND": "home.search",
        "SEARCH_CONFIG": "swedish",
    }
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Tag slugs in plain ASCII, so filter links read ?tagg=bostader rather than ?tagg=bost%C3%A4der.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Messages from the contact form are kept this many days, then deleted by
# `manage.py delete_old_contact_submissions` (run daily from cron, see README.md).
CONTACT_SUBMISSION_RETENTION_DAYS = 365


# django-machina
MACHINA_FORUM_NAME = "Arena Huddinges forum"
# Posts and signatures are rendered from Markdown and then sanitised (forum/machina/markup.py). machina reads
# this setting when its models are imported, so it lives here and not in a later settings module.
MACHINA_MARKUP_LANGUAGE = ("forum.machina.markup.render_markdown", {})
# Members are shown by their display name, never by username or e-mail (forum/apps.py adds the
# method to the user model).
MACHINA_USER_DISPLAY_NAME_METHOD = "get_member_display_name"
# Files attached to forum posts: at most this size, and only the types in forum/machina/attachments.py.
FORUM_ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
# machina's search app imports django-haystack, which needs a connection. Nothing is indexed:
# /forum/search/ redirects to the site search, which searches posts in the database (forum/machina/search.py).
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}


# Background work (e-mail) through django-tasks. The immediate backend runs a task at once in the
# same process, which is right for `make run` and tests; production uses the database backend and
# its worker (production.py, deploy/Procfile).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Background tasks and page events log every step at INFO; only problems are worth a line.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# The admin shows avatars uploaded here only: no requests to Gravatar with editors' e-mail hashes.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
