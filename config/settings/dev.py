"""Local development: DEBUG on, e-mails on the console, a per-checkout secret key."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import BASE_DIR, EMAIL_HOST
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)


def _local_secret_key():
    """A key made once per checkout and kept out of git, so sessions survive restarts."""
    path = BASE_DIR / "var" / "dev-secret-key"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(get_random_secret_key())
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _local_secret_key()

if not EMAIL_HOST:
    MAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# runserver serves static files itself; no manifest needed while editing CSS.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
