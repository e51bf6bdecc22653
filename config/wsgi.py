"""WSGI entry point for gunicorn; production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve with a configuration known to be wrong.
from config.checks import refuse_to_start_on_errors  # noqa: E402 - needs the apps loaded

refuse_to_start_on_errors()
