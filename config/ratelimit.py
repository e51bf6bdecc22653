"""Sliding-window counters in Django's cache (Redis when deployed, shared by every app server).

A fixed window (one counter per clock minute) lets a client send a whole limit just before
the minute turns and another just after: 112 of 130 posts got through across a boundary.
Here a window is cut into `BUCKETS` buckets; the count is the sum of the buckets inside
the window, the oldest one weighted by the share of it still inside. A client can never
send much more than its limit in any window-long stretch of time, and it learns exactly
when enough of its old requests will have left the window (`Retry-After`).
"""

import contextlib
import hashlib
import math
import time
from dataclasses import dataclass

from django.core.cache import cache

BUCKETS = 6


def now():
    """The clock the windows follow (a function, so tests can move time)."""
    return time.time()


def _key(scope, ident, window, bucket):
    # Hashed: the identity may hold user input (a username) and any character.
    digest = hashlib.blake2b(ident.encode(), digest_size=16).hexdigest()
    return f"ratelimit:{scope}:{window}:{digest}:{bucket}"


@dataclass(frozen=True)
class Window:
    """The buckets of one counter at one moment, oldest first (the current one last)."""

    counts: tuple
    bucket_seconds: float
    current: int
    moment: float

    @property
    def total(self):
        """Events in the last window-long stretch of time."""
        elapsed = self.moment - self.current * self.bucket_seconds
        oldest_share = 1 - elapsed / self.bucket_seconds
        return self.counts[0] * oldest_share + sum(self.counts[1:])

    def seconds_until_below(self, limit):
        """Seconds until fewer than `limit` events are counted, if none come (0: already).

        Buckets leave oldest first: each one's weight falls from 1 to 0 over the bucket's
        length once it is the oldest, so the answer is the moment that weight is small enough.
        """
        if self.total < limit:
            return 0
        for offset, oldest in enumerate(self.counts):
            rest = sum(self.counts[offset + 1 :])
            if rest >= limit or oldest == 0:
                continue
            bucket = self.current - BUCKETS + offset
            oldest_from = (bucket + BUCKETS) * self.bucket_seconds
            share_left = (limit - rest) / oldest  # of the oldest bucket that may still count
            below_at = oldest_from + self.bucket_seconds * (1 - share_left)
            return max(1, math.ceil(below_at - self.moment + 1e-6))
        return math.ceil(self.bucket_seconds * (BUCKETS + 1))


def _buckets(window, moment):
    bucket_seconds = window / BUCKETS
    current = int(moment // bucket_seconds)
    return bucket_seconds, current, range(current - BUCKETS, current + 1)


def read(scope, ident, window):
    """The counter's window as it stands now."""
    moment = now()
    bucket_seconds, current, buckets = _buckets(window, moment)
    keys = [_key(scope, ident, window, bucket) for bucket in buckets]
    found = cache.get_many(keys)
    counts = tuple(int(found.get(key, 0)) for key in keys)
    return Window(counts, bucket_seconds, current, moment)


def hit(scope, ident, window):
    """Count one event now."""
    bucket_seconds, current, _buckets_in_window = _buckets(window, now())
    key = _key(scope, ident, window, current)
    # The bucket must outlive the window it belongs to.
    timeout = math.ceil(window + 2 * bucket_seconds)
    cache.add(key, 0, timeout=timeout)
    try:
        cache.incr(key)
    except ValueError:  # the key was evicted between add and incr
        cache.set(key, 1, timeout=timeout)
    return key


def take(scope, ident, limit, window):
    """Count one event if it fits in the limit; return 0, or the seconds to wait if not.

    The event is counted first and taken back if it went over, so that two app servers
    answering at the same moment cannot both let the last one through.
    """
    key = hit(scope, ident, window)
    state = read(scope, ident, window)
    if state.total - 1 < limit:  # fewer than `limit` before this one
        return 0
    with contextlib.suppress(ValueError):  # the key expired meanwhile: nothing to take back
        cache.decr(key)
    return read(scope, ident, window).seconds_until_below(limit) or 1


def forget(scope, ident, window):
    """Drop a counter (a successful login, or staff unlocking)."""
    _bucket_seconds, _current, buckets = _buckets(window, now())
    cache.delete_many([_key(scope, ident, window, bucket) for bucket in buckets])
