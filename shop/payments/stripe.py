"""Card payments through Stripe Checkout (Stripe's hosted payment page).

The shop talks to Stripe through `stripe.StripeClient`. `http_client()` returns
None in production (Stripe's default HTTP client); tests replace it with a fake
that records requests and answers canned JSON, so Stripe is never called.
"""

import json
import logging

import stripe
from django.conf import settings
from django.utils import translation

from .. import pricing
from ..parsing import id_from
from .base import (
    EXPIRED,
    FAILED,
    OPEN,
    PAID,
    PROCESSING,
    REFUND_FAILED,
    REFUND_PENDING,
    REFUND_SUCCEEDED,
    BadCallback,
    Callback,
    HostedPayment,
    PaymentState,
    PaymentUnavailable,
    RefundNotice,
    RefundResult,
    closed_unless_paid,
    text,
    whole_amount,
)

logger = logging.getLogger(__name__)

NAME = "stripe"
# Stripe refunds any part of a payment, several times, up to what was paid.
PARTIAL_REFUNDS = True
# Stripe puts the session id in the success URL in place of this placeholder.
SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}"
# Stripe's own locales for the hosted page; anything else lets Stripe choose.
STRIPE_LOCALES = {"fr", "en"}
# Seconds a signed payload stays valid: refuses old payloads replayed by a third party.
SIGNATURE_TOLERANCE = 300
# Stripe's refund statuses in the shop's terms; "requires_action" waits like "pending".
REFUND_STATUSES = {
    "succeeded": REFUND_SUCCEEDED,
    "pending": REFUND_PENDING,
    "requires_action": REFUND_PENDING,
    "failed": REFUND_FAILED,
    "canceled": REFUND_FAILED,
}


def is_configured():
    """Card payments are possible only when Stripe's secret key and webhook secret are set."""
    return bool(settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET)


def supports_currency(currency):
    return True


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


def create_payment(order, *, return_url, cancel_url):
    """Create the order's Stripe Checkout session; the same order never makes two.

    The idempotency key is derived from the order, so a retried request (a double
    click, a network retry) returns the session Stripe already made. Stripe comes back
    to `return_url` with the session id, which the order page checks with Stripe.
    """
    params = checkout_session_params(
        order,
        success_url=f"{return_url}&session_id={SESSION_ID_PLACEHOLDER}",
        cancel_url=cancel_url,
    )
    try:
        session = (
            client()
            .v1.checkout.sessions.create(
                params=params, options={"idempotency_key": f"checkout-{order.reference}-{order.pk}"}
            )
            .to_dict()
        )
    except stripe.StripeError as error:
        logger.exception("Stripe refused the checkout session of order %s", order.reference)
        raise PaymentUnavailable(str(error)) from error
    if not session.get("id") or not session.get("url"):
        raise PaymentUnavailable("Stripe returned no payment page.")
    return HostedPayment(reference=session["id"], url=session["url"])


def close(reference):
    """Close the session so it can no longer be paid; the session as Stripe says it is then.

    Stripe refuses to expire a session that is not open ("Only Checkout Sessions with a
    status in ["open"] can be expired"): it was completed (paid) or expired meanwhile,
    so it is read again and that state is the answer. PaymentUnavailable when Stripe
    cannot be reached or cannot say.
    """
    try:
        return session_state(client().v1.checkout.sessions.expire(reference).to_dict())
    except stripe.InvalidRequestError:
        return retrieve(reference)
    except stripe.StripeError as error:
        logger.warning("Could not expire Stripe session %s: %s", reference, error)
        raise PaymentUnavailable(str(error)) from error


def expire(reference):
    """Close the session; False when Stripe says it was paid (see `base.closed_unless_paid`)."""
    return closed_unless_paid(close, reference)


def _order_id(stripe_object):
    """The order id the shop put in the object's metadata, or None when there is none."""
    metadata = stripe_object.get("metadata")
    order_id = metadata.get("order_id") if isinstance(metadata, dict) else None
    if isinstance(order_id, int) and not isinstance(order_id, bool):
        order_id = str(order_id)
    return id_from(order_id)


def _id_of(value):
    """Stripe sends related objects as an id, or expanded as an object with an id."""
    if isinstance(value, dict):
        value = value.get("id")
    return text(value)


def session_state(session):
    """A Checkout Session (as a dict) in the shop's terms."""
    status, payment_status = session.get("status"), session.get("payment_status")
    if status == "complete":
        state = PAID if payment_status == "paid" else PROCESSING
    elif status == "expired":
        state = EXPIRED
    else:
        state = OPEN
    return PaymentState(
        reference=_id_of(session.get("id")),
        state=state,
        amount=whole_amount(session.get("amount_total")),
        currency=text(session.get("currency")).upper(),
        transaction_id=_id_of(session.get("payment_intent")),
        order_id=_order_id(session),
        order_reference=text(session.get("client_reference_id")),
    )


def retrieve(reference):
    """The session as Stripe knows it now."""
    try:
        return session_state(client().v1.checkout.sessions.retrieve(reference).to_dict())
    except stripe.StripeError as error:
        raise PaymentUnavailable(str(error)) from error


def refund(order, amount, *, idempotency_key):
    """Ask Stripe to give `amount` of the order's payment back."""
    if not order.payment_transaction_id:
        raise PaymentUnavailable("This order has no Stripe payment to refund.")
    params = {
        "payment_intent": order.payment_transaction_id,
        "amount": stripe_amount(amount, order.currency),
        "metadata": {"order_id": str(order.pk), "order_reference": order.reference},
    }
    try:
        answer = (
            client()
            .v1.refunds.create(params=params, options={"idempotency_key": idempotency_key})
            .to_dict()
        )
    except stripe.StripeError as error:
        logger.exception("Stripe refused a refund of order %s", order.reference)
        raise PaymentUnavailable(str(error)) from error
    return RefundResult(
        refund_id=text(answer.get("id")),
        status=REFUND_STATUSES.get(text(answer.get("status")), REFUND_PENDING),
    )


def verify(payload, headers):
    """The event as a dict, once the `Stripe-Signature` header matches the raw body."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise BadCallback("STRIPE_WEBHOOK_SECRET is not configured.")
    try:
        body = payload.decode("utf-8")
        signature = headers.get("Stripe-Signature") or ""
        stripe.WebhookSignature.verify_header(body, signature, secret, SIGNATURE_TOLERANCE)
        event = json.loads(body)
    except (UnicodeDecodeError, ValueError, stripe.SignatureVerificationError) as error:
        raise BadCallback(str(error)) from error
    return event


def _refund_notice(refund_object, **overrides):
    return RefundNotice(
        refund_id=_id_of(refund_object.get("id")),
        status=REFUND_STATUSES.get(text(refund_object.get("status")), REFUND_PENDING),
        amount=whole_amount(refund_object.get("amount")),
        currency=text(refund_object.get("currency")).upper(),
        transaction_id=_id_of(refund_object.get("payment_intent")),
        order_id=_order_id(refund_object),
        **overrides,
    )


def _charge_refunded(charge):
    """charge.refunded says how much was refunded in all; its latest refund, when listed."""
    listed = charge.get("refunds")
    refunds = listed.get("data") if isinstance(listed, dict) else None
    latest = refunds[0] if isinstance(refunds, list) and refunds else {}
    latest = latest if isinstance(latest, dict) else {}
    return RefundNotice(
        refund_id=_id_of(latest.get("id")),
        status=REFUND_SUCCEEDED,
        amount=whole_amount(latest.get("amount")),
        currency=text(charge.get("currency")).upper(),
        transaction_id=_id_of(charge.get("payment_intent")),
        order_id=_order_id(charge),
        refunded_total=whole_amount(charge.get("amount_refunded")),
    )


SESSION_EVENTS = {
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed",
    "checkout.session.expired",
}
REFUND_EVENTS = {"refund.created", "refund.updated", "refund.failed"}
# The events the shop acts on (README: the ones to pick for the endpoint); others are stored.
HANDLED_EVENTS = SESSION_EVENTS | REFUND_EVENTS | {"charge.refunded"}


def parse(event):
    """A verified event as a `Callback`; BadCallback when it is not shaped like one."""
    if not isinstance(event, dict):
        raise BadCallback("Not a Stripe event.")
    data = event.get("data")
    event_id, event_type = _id_of(event.get("id")), _id_of(event.get("type"))
    if not (event_id and event_type and isinstance(data, dict)):
        raise BadCallback("Not a Stripe event.")
    stripe_object = data.get("object")
    if not isinstance(stripe_object, dict):
        raise BadCallback("Not a Stripe event.")
    event_type = event_type[:100]
    if event_type in SESSION_EVENTS:
        payment = session_state(stripe_object)
        if event_type == "checkout.session.async_payment_failed":
            payment = PaymentState(**{**payment.__dict__, "state": FAILED})
        elif event_type == "checkout.session.expired":
            payment = PaymentState(**{**payment.__dict__, "state": EXPIRED})
        return Callback(event_id, event_type, payment=payment)
    if event_type == "charge.refunded":
        return Callback(event_id, event_type, refund=_charge_refunded(stripe_object))
    if event_type in REFUND_EVENTS:
        return Callback(event_id, event_type, refund=_refund_notice(stripe_object))
    return Callback(event_id, event_type)
