"""System checks for how the site is deployed.

`manage.py check` reports them; `config.wsgi` and `config.asgi` also refuse to start on
them, since gunicorn runs no system checks of its own.
"""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

# Backends every worker and every app server reads and writes alike.
SHARED_CACHE_BACKENDS = (
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "django.core.cache.backends.db.DatabaseCache",
)


@register(Tags.caches)
def cache_is_shared(app_configs, **kwargs):
    """Production needs a cache all workers share: a per-process one cannot be invalidated.

    Product cards, page fragments and rate-limit counters live in the cache. A withdrawal
    handled by one worker clears that worker's cache only, and the others go on showing the
    person's name until their entries expire. `ALLOW_PER_PROCESS_CACHE` is the way out for
    an install that really runs a single process.
    """
    if not settings.SHARED_CACHE_REQUIRED:
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    # Subclasses count too: `config.cache.FailSoftRedisCache` is Django's RedisCache.
    shared = tuple(import_string(path) for path in SHARED_CACHE_BACKENDS)
    if issubclass(import_string(backend), shared):
        return []
    return [
        Error(
            f"The cache ({backend}) is kept in each process: when one worker records a "
            "consent withdrawal, the other workers keep serving the person's name.",
            hint="Set REDIS_URL to a Redis every worker reaches (e.g. redis://127.0.0.1:6379/0),"
            " or ALLOW_PER_PROCESS_CACHE=true if the site runs as one single process.",
            id="config.E001",
        )
    ]


def refuse_to_start_on_errors():
    """Raise `ImproperlyConfigured` if the deployment checks find an error (for WSGI/ASGI)."""
    errors = cache_is_shared(None)
    if errors:
        raise ImproperlyConfigured(" ".join(f"{error.id}: {error.msg}" for error in errors))
