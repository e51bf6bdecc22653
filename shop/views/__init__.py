"""The shop's plain Django views: cart, checkout, order pages and the providers' callbacks."""

from .alerts import alert_sign_up, alert_unsubscribe
from .cart import cart_add, cart_detail, cart_empty, cart_empty_confirm, cart_remove, cart_update
from .checkout import checkout
from .orders import order_cancel, order_detail
from .receipts import receipt_detail, receipt_pdf
from .webhooks import stripe_webhook, wave_webhook

__all__ = [
    "alert_sign_up",
    "alert_unsubscribe",
    "cart_add",
    "cart_detail",
    "cart_empty",
    "cart_empty_confirm",
    "cart_remove",
    "cart_update",
    "checkout",
    "order_cancel",
    "order_detail",
    "receipt_detail",
    "receipt_pdf",
    "stripe_webhook",
    "wave_webhook",
]
