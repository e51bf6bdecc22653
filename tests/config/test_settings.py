"""Production refuses to start without its secrets."""

import os
import subprocess
import sys

from django.conf import settings

SETUP = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"


def run_with(env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", SETUP],
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


def test_production_refuses_a_trusted_proxy_network_that_is_not_one():
    result = run_with(
        {
            "SECRET_KEY": "a-long-random-value-for-this-test-only",
            "TRUSTED_PROXY_NETWORKS": "10.0.0/x",
        }
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXY_NETWORKS: '10.0.0/x' is not a network" in result.stderr
