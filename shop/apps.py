from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = _("Shop")

    def ready(self):
        from wagtail.signals import page_published

        from . import (
            alerts,
            cards,
            emails,
            signals,
            stock,  # noqa: F401 (connects the guard that keeps live stock on page saves)
        )

        cards.connect_signals()
        signals.order_changed.connect(emails.on_order_changed, dispatch_uid="shop.receipts")
        page_published.connect(alerts.on_page_published, dispatch_uid="shop.similar_piece_alerts")
