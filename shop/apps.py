from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self):
        from . import (
            cards,
            emails,
            signals,
            stock,  # noqa: F401 (connects the guard that keeps live stock on page saves)
        )

        cards.connect_signals()
        signals.order_changed.connect(emails.on_order_changed, dispatch_uid="shop.receipts")
