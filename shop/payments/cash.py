"""Cash on delivery or at pickup: no provider, no page, no callback.

Staff mark the order paid when the money is in hand; a refund is money handed back,
recorded by hand in the order admin (it always succeeds: the shop did it itself).
"""

from .base import REFUND_SUCCEEDED, PaymentUnavailable, RefundResult

NAME = "cash"
PARTIAL_REFUNDS = True


def is_configured():
    return True


def supports_currency(currency):
    return True


def refund(order, amount, *, idempotency_key):
    return RefundResult(refund_id="", status=REFUND_SUCCEEDED)


def create_payment(order, *, return_url, cancel_url):
    raise PaymentUnavailable("Cash is paid in hand, not on a page.")
