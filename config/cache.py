"""A Redis cache that fails soft: with Redis stopped or frozen, the site runs uncached.

Everything the site keeps in the cache (product cards, impact figures, cache versions,
rate-limit and login counters) can be rebuilt or forgotten, so a cache outage must cost
speed, never a page. Each call waits at most the socket timeouts (`OPTIONS`
`socket_connect_timeout` and `socket_timeout`, set in settings); a failed call opens a
circuit breaker, and for `RETRY_AFTER` seconds every call in this process answers at once
as a miss without touching Redis. The first call after that tries Redis again.

What each call answers while Redis is unreachable:

- `get`, `get_many`, `has_key`: a miss (the default, `{}`, False): pages are computed;
- `set`, `set_many`, `delete`, `delete_many`, `clear`, `touch`: nothing is stored or
  removed (`add`, `delete` and `touch` answer False, `set_many` reports every key failed);
- `incr`: `delta`, as if the counter started afresh, so counters built on it (the shop's
  POST limit, the admin login throttle) count each request as the first and allow it.
  An outage therefore lifts the limits; it is logged, once per `RETRY_AFTER` seconds.

When Redis answers again, the process renews every cache version it has used
(`shop.cache_versions.renew_known_versions`): a renewal it tried during the outage
(a consent withdrawn, a piece sold) was lost, and pages cached under the old version
must not be served again.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from shop.cache_versions import renew_known_versions

logger = logging.getLogger(__name__)

# What a Redis call can raise when the server is down, frozen or unreachable.
REDIS_FAULTS = (RedisError, OSError)


class CircuitBreaker:
    """Remembers, for every thread of a process, that Redis failed and until when to skip it."""

    def __init__(self, retry_after):
        self.retry_after = retry_after
        self.open_until = 0.0
        self.failed = False
        self._lock = threading.Lock()

    def allows_call(self):
        return time.monotonic() >= self.open_until

    def trip(self, location, error):
        """Skip Redis for `retry_after` seconds; log once per opening, so once per interval."""
        with self._lock:
            self.open_until = time.monotonic() + self.retry_after
            self.failed = True
        logger.warning(
            "Cache %s unreachable (%s: %s): serving uncached, retrying in %s s",
            location,
            type(error).__name__,
            error,
            self.retry_after,
        )

    def succeeded(self, location):
        """Note a call that worked; True when it ends an outage."""
        if not self.failed:
            return False
        with self._lock:
            if not self.failed:
                return False
            self.failed = False
        logger.warning("Cache %s reachable again", location)
        return True


class FailSoftRedisCache(RedisCache):
    """Django's RedisCache whose calls never raise a Redis error nor wait past the timeouts.

    Django makes one backend object per thread; the breaker is shared by every thread of
    the process for the same location, so a dead Redis is noticed once, not per thread.
    """

    _breakers = {}
    _breakers_lock = threading.Lock()

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        retry_after = options.pop("RETRY_AFTER", 5)
        super().__init__(server, {**params, "OPTIONS": options})
        self.location = ",".join(self._servers)
        with self._breakers_lock:
            self.breaker = self._breakers.setdefault(
                (self.location, retry_after), CircuitBreaker(retry_after)
            )

    def _attempt(self, call, fallback, *args):
        """`call(*args)`, or `fallback` when Redis is known down or fails now."""
        if not self.breaker.allows_call():
            return fallback
        try:
            if self.breaker.failed:
                # Back after an outage? Then, before any answer is read, renew the cache
                # versions: renewals tried during the outage were lost, and entries of
                # the old versions (pages naming a withdrawn person...) must not be read.
                self._cache.get_client(write=True).ping()
                if self.breaker.succeeded(self.location):
                    renew_known_versions()
            result = call(*args)
        except REDIS_FAULTS as error:
            self.breaker.trip(self.location, error)
            return fallback
        self.breaker.succeeded(self.location)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        return self._attempt(super().incr, delta, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._attempt(super().delete_many, None, keys, version)

    def clear(self):
        return self._attempt(super().clear, False)
