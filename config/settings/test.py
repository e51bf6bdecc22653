"""Tests: fast hashing, in-memory mail and cache, plain static storage, no real Stripe."""

import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = get_random_secret_key()
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail goes through the queue as deployed, but the queue runs each task at once; tests of
# retries switch "background" to the database backend and drain it themselves.
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10_000},  # as in base.py: query counts must not depend on culls
    }
}
# Tests change rows and read pages in the same transaction, often with queryset updates
# that no page cache could notice; the page cache's own tests turn it on.
PAGE_CACHE_SECONDS = 0
# One folder per test process (xdist workers each load the demo), removed when it ends.
MEDIA_ROOT = BASE_DIR / "var" / "test-media" / str(os.getpid())  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private-media" / str(os.getpid())  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "stories.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STRIPE_SECRET_KEY = ""
STRIPE_PUBLISHABLE_KEY = ""
# A test-only signing secret: tests sign webhook payloads with it as Stripe would.
STRIPE_WEBHOOK_SECRET = "whsec_test_only"  # noqa: S105
WAVE_API_KEY = ""
# SMS are kept in shop.sms.locmem.outbox; Orange's keys are set only by the tests that fake it.
SMS_BACKEND = "locmem"
ORANGE_SMS_CLIENT_ID = ""
ORANGE_SMS_CLIENT_SECRET = ""
ORANGE_SMS_SENDER = ""
# Tests sign Wave's callbacks with this, as Wave signs them with the shop's webhook secret.
WAVE_WEBHOOK_SECRET = "wave_sn_whsec_test_only"  # noqa: S105
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Tests post far more often than a shopper; the rate-limit tests set their own limits.
RATE_LIMITS = {"shop": (10_000, 60), "enquiries": (10_000, 60)}
