"""WSGI entry point for gunicorn: ``gunicorn arena.wsgi``."""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arena.settings.production")

application = get_wsgi_application()

# What start-up loaded (~200,000 objects: modules, models, URL patterns, templates) lives as long
# as the process, yet every full collection walked all of it: ~100 ms in which that request
# waited. Frozen, the collector leaves it alone (as Python's gc docs advise before a fork, which
# also keeps the memory of gunicorn's preloaded workers shared with the master).
gc.freeze()
