from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package as an app: its deployment checks and its admin screen (login
    lock-outs); no models."""

    name = "config"
    verbose_name = _("Site protections")

    def ready(self):
        from shop import page_lookups

        from . import (
            checks,  # noqa: F401 - registers the deployment checks
            locales,
            pagecache,
        )

        locales.install()
        page_lookups.install()
        pagecache.connect_signals()
