from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    """The staff groups of the whole site (`staff.groups`); no models."""

    name = "staff"
    verbose_name = _("Staff groups")

    def ready(self):
        from .groups import connect_page_hooks

        connect_page_hooks()
