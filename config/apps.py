from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The project package as an app, so that its system checks are registered."""

    name = "config"
    verbose_name = "Mains Libres"

    def ready(self):
        from . import checks  # noqa: F401 - registers the deployment checks
