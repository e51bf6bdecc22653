"""Payment providers behind one interface: Stripe for cards, Wave for mobile money, cash.

Each provider is a module with the same functions: `is_configured()`,
`supports_currency(code)`, `create_payment(order, return_url=, cancel_url=)` ->
`HostedPayment`, `retrieve(reference)` -> `PaymentState`, `close(reference)` ->
`PaymentState` (the page closed, or what the provider says when it refuses: paid),
`expire(reference)` -> bool (False when the page was paid: do not cancel),
`verify(body, headers)` -> event dict, `parse(event)` -> `Callback`, and
`refund(order, amount, idempotency_key=)` -> `RefundResult` (`PARTIAL_REFUNDS` says
whether a part may be refunded). Cash has only the last two: nothing to call.

A provider is offered at checkout when its keys are in the environment, the site's
Shop settings enable it and it can collect the site's currency.
"""

from ..models import PaymentMethod
from . import cash, stripe, wave
from .base import (
    EXPIRED,
    FAILED,
    OPEN,
    PAID,
    PROCESSING,
    BadCallback,
    Callback,
    HostedPayment,
    PaymentState,
    PaymentUnavailable,
    RefundNotice,
    RefundResult,
)

# Hosted-page providers by name (the name is in the callback URL and on the order).
PROVIDERS = {stripe.NAME: stripe, wave.NAME: wave}
# Which provider takes which payment method, and the Shop settings switch for it.
PROVIDER_OF_METHOD = {PaymentMethod.CARD: stripe, PaymentMethod.MOBILE_MONEY: wave}
SETTING_OF_METHOD = {
    PaymentMethod.CARD: "card_payments",
    PaymentMethod.MOBILE_MONEY: "mobile_money_payments",
}


def provider_named(name):
    """The hosted-page provider called `name`, or None."""
    return PROVIDERS.get(name)


def provider_for(order):
    """The provider that holds the order's money: its own, or cash."""
    return PROVIDERS.get(order.payment_provider) or PROVIDER_OF_METHOD.get(
        order.payment_method, cash
    )


def method_offered(method, shop_settings):
    """Whether shoppers of this site may choose `method` now."""
    if method == PaymentMethod.CASH:
        return True
    provider = PROVIDER_OF_METHOD[method]
    return (
        getattr(shop_settings, SETTING_OF_METHOD[method])
        and provider.is_configured()
        and provider.supports_currency(shop_settings.currency)
    )


def offered_methods(shop_settings):
    """The payment methods of this site's checkout, in the order shown."""
    return [method for method in PaymentMethod if method_offered(method, shop_settings)]


__all__ = [
    "EXPIRED",
    "FAILED",
    "OPEN",
    "PAID",
    "PROCESSING",
    "BadCallback",
    "Callback",
    "HostedPayment",
    "PaymentState",
    "PaymentUnavailable",
    "RefundNotice",
    "RefundResult",
    "offered_methods",
    "provider_for",
    "provider_named",
]
