from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnquiriesConfig(AppConfig):
    """Partnership enquiries and commission requests: Wagtail form pages editors compose."""

    name = "enquiries"
    verbose_name = _("Enquiries")
