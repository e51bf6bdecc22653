"""Cache versions: one cache entry whose value is part of the keys of a family of entries.

Renewing the version forgets the whole family at once, on every app server sharing the
cache. A version is a random string, never a counter: if the cache drops the version
entry, the new one cannot match keys written under an old one.
"""

import uuid

from django.core.cache import cache
from django.db import transaction

# Every version key this process has read or renewed (`renew_known_versions`).
_known_keys = set()


def current_version(key):
    """The version stored under `key`, made on first use (every process agrees on it)."""
    _known_keys.add(key)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def renew_version(key):
    """A new version under `key`: every entry keyed with the old one is forgotten."""
    _known_keys.add(key)
    cache.set(key, uuid.uuid4().hex, timeout=None)


def renew_known_versions():
    """Renew every version this process has used.

    Called when the shared cache answers again after an outage (`config.cache`): a
    renewal attempted meanwhile (a consent withdrawn, a piece sold) was lost, and the
    entries keyed with the old version are still in the cache.
    """
    for key in sorted(_known_keys):
        renew_version(key)


# The public pages' generation: part of the key of every cached public page and of what
# those pages share (menus, page addresses, view restrictions). Renewed when anything a
# public page shows may have changed (`forget_public_pages`).
PUBLIC_PAGES_KEY = "pages:generation"


def forget_public_pages(**kwargs):
    """Renew the public pages' generation: every cached page is rendered afresh.

    Renewed now, and again once the transaction commits: a page rendered in between,
    from data the transaction had not yet committed, is never read. Takes the keyword
    arguments of any signal, so it can be connected as a receiver.
    """
    renew_version(PUBLIC_PAGES_KEY)
    transaction.on_commit(lambda: renew_version(PUBLIC_PAGES_KEY))


def public_pages_version(request=None):
    """The public pages' generation, read from the cache once per request."""
    if request is None:
        return current_version(PUBLIC_PAGES_KEY)
    if not hasattr(request, "_public_pages_version"):
        request._public_pages_version = current_version(PUBLIC_PAGES_KEY)
    return request._public_pages_version


def public_pages_key(request, parts):
    """A cache key valid until the public pages' generation is renewed."""
    return "pages:data:" + ":".join(str(part) for part in (public_pages_version(request), *parts))


def cached_with_public_pages(request, parts, compute, timeout=24 * 60 * 60):
    """What `compute()` returns, cached until the public pages' generation is renewed.

    For what many pages share and only a page change can change (menus, addresses of a
    page's translations, view restrictions): `parts` name it (site, page, language...).
    The value must be picklable, and hold nothing per visitor.
    """
    key = public_pages_key(request, parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value
