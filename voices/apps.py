from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoicesConfig(AppConfig):
    """Buyers' voices: reviews and « in its new home » photos, moderated before they show."""

    name = "voices"
    verbose_name = _("Buyers' voices")
