"""The shared cache, failing open: when Redis cannot be reached the site keeps answering from the
database, slower but whole.

A cache backend rather than a wrapper around each use: besides our page cache, content cache and
the contact form's rate limit, machina's attachment cache and Wagtail's site lookup read the
default cache directly, and a backend configured in settings covers them all, and whatever starts
using the cache later, in one place.

An unreachable cache answers as an empty one: a read is a miss, a write is skipped, ``incr()``
raises the ValueError it raises for a missing key. Each cache logs one warning per
``WARNING_INTERVAL_SECONDS`` while it stays unreachable, not one per request.

Django's Redis backend makes a new ``redis.Redis`` client for every command, and each new client
copies redis-py's table of some 170 response callbacks: a fifth of the CPU of a page served from
the page cache. A client is safe to share between threads (its connections come from the pool),
so each pool's client is made once.

Besides the cache, Redis carries announcements (``publish``, ``subscribe``): a process that changes
a key tells every process listening that it changed (arena/announcements.py).
"""

import logging
import time
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import Redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

WARNING_INTERVAL_SECONDS = 60
# When each cache (by its key prefix: its location may hold a password) last warned, per process.
_last_warnings = {}


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._failing_open():
            return super().add(key, value, timeout, version)
        return False

    def get(self, key, default=None, version=None):
        with self._failing_open():
            return super().get(key, default, version)
        return default

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._failing_open():
            super().set(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with self._failing_open():
            return super().touch(key, timeout, version)
        return False

    def delete(self, key, version=None):
        with self._failing_open():
            return super().delete(key, version)
        return False

    def get_many(self, keys, version=None):
        with self._failing_open():
            return super().get_many(keys, version)
        return {}

    def has_key(self, key, version=None):
        with self._failing_open():
            return super().has_key(key, version)
        return False

    def incr(self, key, delta=1, version=None):
        with self._failing_open():
            return super().incr(key, delta, version)
        raise ValueError(f"Nyckeln '{key}' finns inte: cachen svarar inte.")

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        with self._failing_open():
            return super().set_many(data, timeout, version)
        return list(data)

    def delete_many(self, keys, version=None):
        with self._failing_open():
            super().delete_many(keys, version)

    def clear(self):
        with self._failing_open():
            return super().clear()
        return False

    def publish(self, key, message):
        """Announces ``message`` to the processes subscribed to ``key``; skipped while Redis is down."""
        with self._failing_open():
            self._cache.get_client(key, write=True).publish(self.make_and_validate_key(key), message)

    def subscribe(self, key):
        """A subscription to the announcements for ``key``, on a connection of its own that is never
        reconnected behind the subscriber's back: announcements sent while it was down would be
        lost unnoticed. A lost connection raises RedisError to the subscriber instead."""
        client = Redis.from_url(self._servers[0], retry=Retry(NoBackoff(), 0), **self._options)
        subscription = client.pubsub()
        subscription.subscribe(self.make_and_validate_key(key))
        return subscription

    @contextmanager
    def _failing_open(self):
        try:
            yield
        except RedisError as error:
            name = self.key_prefix
            now = time.monotonic()
            if now - _last_warnings.get(name, -WARNING_INTERVAL_SECONDS) >= WARNING_INTERVAL_SECONDS:
                _last_warnings[name] = now
                logger.warning("Cachen %r svarar inte (%s): sidorna byggs från databasen.", name, error)
