"""Cache versions: one cache entry whose value is part of the keys of a family of entries.

Renewing the version forgets the whole family at once, on every app server sharing the
cache. A version is a random string, never a counter: if the cache drops the version
entry, the new one cannot match keys written under an old one.
"""

import uuid

from django.core.cache import cache


def current_version(key):
    """The version stored under `key`, made on first use (every process agrees on it)."""
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def renew_version(key):
    """A new version under `key`: every entry keyed with the old one is forgotten."""
    cache.set(key, uuid.uuid4().hex, timeout=None)
