"""Production refuses to start without its secrets, or with a cache each worker keeps alone."""

import os
import subprocess
import sys

from django.conf import settings

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
# What gunicorn does first: import the WSGI application.
GUNICORN_IMPORT = "import config.wsgi"
KEY = {"SECRET_KEY": "a-long-random-value-for-this-test-only"}


def run_with(env, code=SETUP):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**base, "DJANGO_SETTINGS_MODULE": "config.settings.production", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_without_secret_key_refuses_to_start():
    result = run_with({})
    assert result.returncode != 0
    assert "SECRET_KEY environment variable is required" in result.stderr


def test_production_with_secret_key_starts_with_debug_off():
    result = run_with({"SECRET_KEY": "a-long-random-value-for-this-test-only"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_without_a_shared_cache_fails_its_system_check():
    result = run_with(
        KEY,
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check'])",
    )
    assert result.returncode != 0
    assert "config.E001" in result.stderr
    assert "REDIS_URL" in result.stderr


def test_gunicorn_refuses_to_load_the_site_without_a_shared_cache():
    result = run_with(KEY, GUNICORN_IMPORT)
    assert result.returncode != 0
    assert "config.E001" in result.stderr


def test_gunicorn_loads_the_site_with_redis_as_the_cache():
    result = run_with({**KEY, "REDIS_URL": "redis://127.0.0.1:6379/2"}, GUNICORN_IMPORT)
    assert result.returncode == 0, result.stderr


def test_a_single_process_install_may_opt_out_of_the_shared_cache():
    result = run_with({**KEY, "ALLOW_PER_PROCESS_CACHE": "true"}, GUNICORN_IMPORT)
    assert result.returncode == 0, result.stderr
def test_production_refuses_a_trusted_proxy_network_that_is_not_one():
    result = run_with(
        {
            "SECRET_KEY": "a-long-random-value-for-this-test-only",
            "TRUSTED_PROXY_NETWORKS": "10.0.0/x",
        }
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_NETWORKS: '10.0.0/x' is not a network" in result.stderr
