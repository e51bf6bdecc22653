"""The Redis cache fails soft: a stopped or frozen Redis gives misses, never errors or hangs.

Against a real `redis-server` of the test's own, stopped (connections refused) or frozen
with SIGSTOP (connections accepted, never answered).
"""

import logging
import time

import pytest

from config.cache import FailSoftRedisCache
from shop import cache_versions
from tests.servers import RedisServer, needs_redis_server

TIMEOUT = 0.25
RETRY_AFTER = 1

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    needs_redis_server()
    redis_server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    yield redis_server
    redis_server.stop()


@pytest.fixture
def redis_server(server):
    """Each test may stop or freeze Redis: it runs again, empty, for the next test."""
    yield server
    server.stop()
    server.start()


@pytest.fixture
def cache(redis_server):
    FailSoftRedisCache._breakers.clear()  # no test inherits another's open breaker
    return FailSoftRedisCache(
        redis_server.url,
        {
            "OPTIONS": {
                "socket_connect_timeout": TIMEOUT,
                "socket_timeout": TIMEOUT,
                "RETRY_AFTER": RETRY_AFTER,
            }
        },
    )


def test_values_are_cached_while_redis_runs(cache):
    cache.set("card", "<article>")
    assert cache.get("card") == "<article>"


def test_get_is_a_miss_while_redis_is_stopped(cache, redis_server):
    cache.set("card", "<article>")
    redis_server.stop()
    assert cache.get("card", "missing") == "missing"


def test_get_many_is_empty_while_redis_is_stopped(cache, redis_server):
    cache.set("card", "<article>")
    redis_server.stop()
    assert cache.get_many(["card"]) == {}


def test_set_stores_nothing_and_raises_nothing_while_redis_is_stopped(cache, redis_server):
    redis_server.stop()
    cache.set("card", "<article>")
    redis_server.start()
    time.sleep(RETRY_AFTER)
    assert cache.get("card") is None


def test_get_or_set_computes_the_value_while_redis_is_stopped(cache, redis_server):
    redis_server.stop()
    assert cache.get_or_set("figures", lambda: 42) == 42


def test_incr_counts_from_delta_while_redis_is_stopped(cache, redis_server):
    """Counters restart during an outage: a rate limit lets the request through."""
    cache.set("ratelimit", 59)
    redis_server.stop()
    assert cache.incr("ratelimit") == 1


def test_incr_of_a_missing_counter_still_raises_value_error(cache):
    """As Django's backends do: the rate limiter relies on it to start a new window."""
    with pytest.raises(ValueError, match="not found"):
        cache.incr("never-set")


def test_a_frozen_redis_costs_one_timeout_then_nothing(cache, redis_server):
    cache.set("card", "<article>")
    redis_server.freeze()
    started = time.monotonic()
    assert cache.get("card") is None
    first_call = time.monotonic() - started
    started = time.monotonic()
    for _call in range(50):
        cache.get("card")
    next_calls = time.monotonic() - started
    assert first_call < TIMEOUT * 3
    assert next_calls < 0.05


def test_redis_is_tried_again_after_retry_after(cache, redis_server):
    redis_server.stop()
    cache.get("card")
    redis_server.start()
    time.sleep(RETRY_AFTER)
    cache.set("card", "<article>")
    assert cache.get("card") == "<article>"


def test_an_outage_is_logged_once_per_interval(cache, redis_server, caplog):
    redis_server.stop()
    with caplog.at_level(logging.WARNING, logger="config.cache"):
        for _call in range(50):
            cache.get("card")
    warnings = [record for record in caplog.records if record.name == "config.cache"]
    assert len(warnings) == 1
    assert "unreachable" in warnings[0].getMessage()


def test_cache_versions_lost_during_an_outage_are_renewed_before_redis_is_read_again(
    cache, monkeypatch
):
    # A withdrawal while Redis hangs cannot renew the pages' version: once Redis answers
    # again, the first read must not find the pages cached under the old version.
    monkeypatch.setattr(cache_versions, "cache", cache)
    before = cache_versions.current_version(cache_versions.PUBLIC_PAGES_KEY)
    # A call failed (Redis unreachable for a moment; its data stays): for RETRY_AFTER
    # seconds every call is skipped, this renewal with them.
    cache.breaker.trip(cache.location, OSError("unreachable for the test"))
    cache_versions.renew_version(cache_versions.PUBLIC_PAGES_KEY)
    assert cache.get(cache_versions.PUBLIC_PAGES_KEY) is None  # skipped, as during an outage
    time.sleep(RETRY_AFTER)
    assert cache_versions.current_version(cache_versions.PUBLIC_PAGES_KEY) != before
