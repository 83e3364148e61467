"""A value in the shared cache that each process knows without asking Redis, because every change to
it is announced.

The page cache's generation is read on every request for a cached page; with Redis that read is a
round trip, and under load the round trips (and Redis's own share of the CPU) halve the pages served
per second. An ``AnnouncedValue`` is set in the shared cache and then announced over Redis pub/sub;
each process subscribes once and, before it trusts the value it last read, takes whatever has
arrived on its subscription without waiting. Any message at all, an announcement or a
(re)subscription, makes it read the value again. An announcement reaches every subscriber's socket
before ``set`` returns, so a change committed by one process is seen by the next request any other
process answers. Whether anything has arrived is one ``poll`` of that socket: redis-py's own
non-blocking read (a timeout set and reset around a ``recv``) was, under load, most of what a page
served from the process's copy cost beyond a bare Django view.

When the process cannot be sure (no Redis, no subscription yet, the connection lost, or another
thread is using it), ``known()`` returns None and the caller reads the shared cache as before. As a
safety net for announcements that never left (a publish failing while the set went through, a key
evicted from Redis), the value is also read again every ``REREAD_SECONDS``.
"""

import contextlib
import logging
import os
import select
import threading
import time

from django.core.cache import cache
from django.core.signals import setting_changed
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

REREAD_SECONDS = 10
# A new subscription's confirmation is waited for this long: announcements count only after it.
CONFIRMATION_SECONDS = 0.5
# After a lost connection, a new subscription is tried this long after, not on every request.
RETRY_SECONDS = 5


class AnnouncedValue:
    def __init__(self, key):
        self.key = key
        self._start_afresh()
        # A subscription belongs to the cache it was made with (tests swap caches).
        setting_changed.connect(self._close_on_cache_change, weak=False)
        # A forked worker must not read from its parent's connection, nor wait on a lock that a
        # thread of its parent held when it forked.
        os.register_at_fork(after_in_child=self._start_afresh)

    def set(self, value):
        cache.set(self.key, value, timeout=None)
        if hasattr(cache, "publish"):
            cache.publish(self.key, "")

    def known(self):
        """The value as this process knows it, None when it cannot be sure of it."""
        if not hasattr(cache, "subscribe") or not self._lock.acquire(blocking=False):
            return None
        try:
            return self._current()
        finally:
            self._lock.release()

    def _current(self):
        now = time.monotonic()
        if self._subscription is None:
            if now < self._retry_at:
                return None
            self._retry_at = now + RETRY_SECONDS
        try:
            wait = 0
            if self._subscription is None:
                self._subscription = cache.subscribe(self.key)
                wait = CONFIRMATION_SECONDS
            # The loop below reads until nothing is left, in redis-py's buffer or on the socket, so
            # a socket with nothing to read means nothing has arrived (a lost connection reads as
            # ready, and get_message then raises).
            if wait or self._arrived():
                while message := self._subscription.get_message(timeout=wait):
                    wait = 0
                    self._subscribed |= message["type"] == "subscribe"
                    self._value = None
            if self._subscribed and (self._value is None or now - self._read_at >= REREAD_SECONDS):
                self._value = cache.get(self.key)
                self._read_at = now
        except (RedisError, OSError) as error:
            logger.info("Prenumerationen på %s bröts (%s): värdet läses ur cachen tills vidare.", self.key, error)
            self._close()
            return None
        return self._value

    def _arrived(self):
        """Whether anything waits on the subscription's socket."""
        # redis-py offers no public handle on the socket of the subscription's own connection.
        sock = self._subscription.connection._sock
        if sock is None:
            # Not connected: redis-py's read connects it.
            return True
        if sock is not self._polled_socket:
            # The first poll, or redis-py reconnected on a socket of its own.
            self._poller = select.poll()
            self._poller.register(sock, select.POLLIN)
            self._polled_socket = sock
        return bool(self._poller.poll(0))

    def _close_on_cache_change(self, setting, **kwargs):
        if setting == "CACHES":
            with self._lock:
                self._close()
                self._retry_at = 0.0

    def _close(self):
        if self._subscription is not None:
            with contextlib.suppress(RedisError, OSError):
                self._subscription.close()
        self._forget()

    def _start_afresh(self):
        self._lock = threading.Lock()
        self._retry_at = 0.0
        self._forget()

    def _forget(self):
        self._subscription = None
        self._poller = self._polled_socket = None
        self._subscribed = False
        self._value = None
        self._read_at = 0.0
