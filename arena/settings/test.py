"""Settings for the test suite: fast password hashing, e-mail kept in memory."""

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-secret-key"  # noqa: S105 - tests only
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
