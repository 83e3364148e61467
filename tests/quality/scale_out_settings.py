"""Production settings for the two app servers of tests/quality/test_scale_out.py.

Only the cache keys differ: the servers share the test run's Redis, so their keys get a prefix of
their own (from SCALE_OUT_CACHE_PREFIX) that neither the test process nor other tests ever read.
"""

import os

from arena.settings.production import *  # noqa: F403
from arena.settings.production import CACHES

CACHES = {
    alias: {**cache, "KEY_PREFIX": f"{os.environ['SCALE_OUT_CACHE_PREFIX']}-{cache.get('KEY_PREFIX', '')}"}
    for alias, cache in CACHES.items()
}
