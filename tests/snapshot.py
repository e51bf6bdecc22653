"""The demo as loaded, kept once per test database so transactional tests can reload it.

Django's serialized rollback reads the snapshot off the connection object; a thread that
runs an event loop (Playwright's) is given other connection objects, so the snapshot is
kept here and handed to whichever connections are current (`attach`).
"""

from django.core.cache import caches
from django.db import connections

_snapshots = {}


def take():
    for connection in connections.all():
        _snapshots[connection.alias] = connection.creation.serialize_db_to_string()
    attach()


def attach():
    """Give this context's connections the snapshot, for Django's serialized rollback."""
    for connection in connections.all():
        if connection.alias in _snapshots:
            connection._test_serialized_contents = _snapshots[connection.alias]


def reload():
    """Put the demo back after a transactional test's flush, and forget what was cached."""
    for connection in connections.all():
        connection.creation.deserialize_db_from_string(_snapshots[connection.alias])
    # Figures and renditions cached during that test describe rows now gone.
    for cache in caches.all():
        cache.clear()
