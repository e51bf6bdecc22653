from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package as an app, for its admin screen (login lock-outs); no models."""

    name = "config"
    verbose_name = _("Site protections")
