"""Settings of the app servers that fault tests start (`tests.servers`): production's,
served over plain HTTP on loopback, with the static files and media of the test run."""

import os
from pathlib import Path

from config.settings.production import *  # noqa: F403
from config.settings.production import STORAGES

# Cookies over plain HTTP: the tests' client is not behind TLS.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Templates name static files that no collectstatic wrote a manifest for.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The pictures the test run drew for the demo, so pages find their renditions' files.
MEDIA_ROOT = Path(os.environ["SERVER_MEDIA_ROOT"])
STORAGES["default"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
