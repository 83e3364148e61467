"""Production settings for the two app servers of tests/quality/test_scale_out.py.

The cache keys differ: the servers share the test run's Redis, so their keys get a prefix of
their own (from SCALE_OUT_CACHE_PREFIX) that neither the test process nor other tests ever read.
And no worker runs beside them, so background work (search and reference indexes, e-mail) runs at
once, as the development settings do.
"""

import os

from arena.settings.production import *  # noqa: F403
from arena.settings.production import CACHES

CACHES = {
    alias: {**cache, "KEY_PREFIX": f"{os.environ['SCALE_OUT_CACHE_PREFIX']}-{cache.get('KEY_PREFIX', '')}"}
    for alias, cache in CACHES.items()
}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
