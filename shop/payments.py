"""Card payments through Stripe Checkout (Stripe's hosted payment page).

The shop talks to Stripe through `stripe.StripeClient`. `http_client()` returns
None in production (Stripe's default HTTP client); tests replace it with a fake
that records requests and answers canned JSON, so Stripe is never called.
"""

import logging

import stripe
from django.conf import settings
from django.utils import translation

from . import pricing

logger = logging.getLogger(__name__)

# Stripe's own locales for the hosted page; anything else lets Stripe choose.
STRIPE_LOCALES = {"fr", "en"}


class PaymentUnavailable(Exception):
    """Stripe could not be reached or refused the request; the shopper may retry or pay cash."""


def card_payments_enabled():
    """Card payments are offered only when a Stripe secret key is configured."""
    return bool(settings.STRIPE_SECRET_KEY)


def http_client():
    """The HTTP client Stripe uses; None means Stripe's default. Tests swap this function."""
    return None


def client():
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY, http_client=http_client(), max_network_retries=2
    )


def stripe_amount(amount, currency):
    """An amount as Stripe wants it, from our minor units.

    Our minor units follow Stripe's conventions (`pricing.currency_exponent`): XOF
    and the other zero-decimal currencies go as they are (49 500 francs is 49500),
    EUR in cents. Three-decimal currencies must end in 0 for Stripe.
    """
    if pricing.currency_exponent(currency) == 3 and amount % 10:
        raise PaymentUnavailable(f"Stripe cannot charge {amount} {currency}: it must end in 0.")
    return amount


def _line_item(name, unit_amount, quantity, currency):
    return {
        "quantity": quantity,
        "price_data": {
            "currency": currency.lower(),
            "unit_amount": stripe_amount(unit_amount, currency),
            "product_data": {"name": name[:250]},
        },
    }


def checkout_session_params(order, *, success_url, cancel_url):
    """What Stripe needs to show the payment page of an order, built from its snapshots."""
    currency = order.currency
    items = [
        _line_item(line.product_title, line.unit_price, line.quantity, currency)
        for line in order.lines.all()
    ]
    if order.delivery_fee:
        with translation.override(order.language):
            items.append(
                _line_item(translation.gettext("Delivery"), order.delivery_fee, 1, currency)
            )
    metadata = {"order_id": str(order.pk), "order_reference": order.reference}
    params = {
        "mode": "payment",
        "line_items": items,
        "client_reference_id": order.reference,
        "customer_email": order.email,
        "metadata": metadata,
        "payment_intent_data": {"metadata": metadata},
        "expires_at": int(order.payment_expires_at.timestamp()),
        "success_url": success_url,
        "cancel_url": cancel_url,
    }
    if order.language in STRIPE_LOCALES:
        params["locale"] = order.language
    return params


def create_checkout_session(order, *, success_url, cancel_url):
    """Create the order's Stripe Checkout session; the same order never makes two.

    The idempotency key is derived from the order, so a retried request (a double
    click, a network retry) returns the session Stripe already made.
    """
    params = checkout_session_params(order, success_url=success_url, cancel_url=cancel_url)
    try:
        session = client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": f"checkout-{order.reference}-{order.pk}"}
        )
    except stripe.StripeError as error:
        logger.exception("Stripe refused the checkout session of order %s", order.reference)
        raise PaymentUnavailable(str(error)) from error
    return session.to_dict()


def expire_checkout_session(session_id):
    """Close a session so it can no longer be paid. False when it was paid already.

    When Stripe cannot be reached the answer is True: the order may be cancelled,
    and a payment that still arrives is handled as a late payment.
    """
    try:
        client().v1.checkout.sessions.expire(session_id)
    except stripe.InvalidRequestError:
        # Stripe refuses to expire a session that is not open: it was paid, or expired.
        try:
            return retrieve_checkout_session(session_id).get("status") != "complete"
        except PaymentUnavailable:
            return False
    except stripe.StripeError:
        logger.exception("Could not expire Stripe session %s", session_id)
    return True


def retrieve_checkout_session(session_id):
    """The session as Stripe knows it now, as a dict (status, payment_status, amounts...)."""
    try:
        return client().v1.checkout.sessions.retrieve(session_id).to_dict()
    except stripe.StripeError as error:
        raise PaymentUnavailable(str(error)) from error
