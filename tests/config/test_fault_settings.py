"""Deployed settings bound how long a request waits on Redis and on PostgreSQL's locks."""

import json

from .test_settings import run_with

SECRET = {"SECRET_KEY": "a-long-random-value-for-this-test-only"}
SHOW = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({'cache': settings.CACHES['default'], "
    "'options': settings.DATABASES['default'].get('OPTIONS', {})}))"
)


def deployed_settings(env):
    result = run_with({**SECRET, **env}, code=SHOW)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_redis_url_gives_the_fail_soft_cache():
    cache = deployed_settings({"REDIS_URL": "redis://127.0.0.1:6399/0"})["cache"]
    assert cache["BACKEND"] == "config.cache.FailSoftRedisCache"


def test_the_redis_timeouts_come_from_the_environment():
    env = {"REDIS_URL": "redis://127.0.0.1:6399/0", "REDIS_TIMEOUT_MS": "400"}
    options = deployed_settings(env)["cache"]["OPTIONS"]
    assert options["socket_timeout"] == 0.4
    assert options["socket_connect_timeout"] == 0.4


def test_postgresql_connections_get_a_lock_and_a_statement_timeout():
    env = {"DATABASE_URL": "postgres://shop@127.0.0.1:5432/shop", "DB_LOCK_TIMEOUT_MS": "1500"}
    options = deployed_settings(env)["options"]["options"]
    assert "-c lock_timeout=1500" in options
    assert "-c statement_timeout=20000" in options


def test_postgresql_options_given_in_the_url_are_kept():
    env = {"DATABASE_URL": "postgres://shop@127.0.0.1:5432/shop?options=-c%20work_mem%3D8MB"}
    options = deployed_settings(env)["options"]["options"]
    assert options.startswith("-c work_mem=8MB -c lock_timeout=")
