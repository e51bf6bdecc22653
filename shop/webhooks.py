"""Stripe webhook events: verified, recorded once, and applied to orders idempotently.

Stripe may send an event twice, late, or after a later one. Each event id is
stored in `StripeEvent` in the same transaction as its effect, so a replay is
ignored; and each handler calls a `shop.lifecycle` function that looks at the
order as it is now, so the order of arrival does not matter (an `expired` after a
`completed` leaves the order paid).
"""

import json
import logging

import stripe
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from . import lifecycle
from .models import Order, StripeEvent
from .parsing import id_from

logger = logging.getLogger(__name__)

# Seconds a signed payload stays valid: refuses old payloads replayed by a third party.
SIGNATURE_TOLERANCE = 300
# Stripe's ids are short ASCII strings; the columns that keep them hold 255 characters.
MAX_ID_LENGTH = 255
# The largest amount a PositiveBigIntegerField holds.
MAX_AMOUNT = 2**63 - 1


class BadWebhook(Exception):
    """The request is not a genuine Stripe event: answered 400, nothing changed."""


def verify_and_parse(payload, signature_header):
    """The event as a dict, once the `Stripe-Signature` header matches the raw body."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise BadWebhook("STRIPE_WEBHOOK_SECRET is not configured.")
    try:
        text = payload.decode("utf-8")
        stripe.WebhookSignature.verify_header(text, signature_header, secret, SIGNATURE_TOLERANCE)
        event = json.loads(text)
    except (UnicodeDecodeError, ValueError, stripe.SignatureVerificationError) as error:
        raise BadWebhook(str(error)) from error
    if not isinstance(event, dict):
        raise BadWebhook("Not a Stripe event.")
    data = event.get("data")
    if not (
        _id_of(event.get("id"))
        and _id_of(event.get("type"))
        and isinstance(data, dict)
        and isinstance(data.get("object"), dict)
    ):
        raise BadWebhook("Not a Stripe event.")
    return event


def _text(value):
    """`value` when it is a string the database can store as an id, else ""."""
    if isinstance(value, str) and len(value) <= MAX_ID_LENGTH and "\x00" not in value:
        return value
    return ""


def _id_of(value):
    """Stripe sends related objects as an id, or expanded as an object with an id."""
    if isinstance(value, dict):
        value = value.get("id")
    return _text(value)


def _order_id(stripe_object):
    """The order id the shop put in the object's metadata, or None when there is none."""
    metadata = stripe_object.get("metadata")
    order_id = metadata.get("order_id") if isinstance(metadata, dict) else None
    if isinstance(order_id, int) and not isinstance(order_id, bool):
        order_id = str(order_id)
    return id_from(order_id)


def _order_for_session(session):
    order_id = _order_id(session)
    reference = _text(session.get("client_reference_id"))
    order = Order.objects.filter(pk=order_id).first() if order_id is not None else None
    if order is None and reference:
        order = Order.objects.filter(reference=reference).first()
    if order is not None and reference and order.reference != reference:
        logger.warning("Stripe session %s names two different orders", session.get("id"))
        return None
    return order


def _order_for_charge(charge):
    payment_intent = _id_of(charge.get("payment_intent"))
    order = None
    if payment_intent:
        order = Order.objects.filter(stripe_payment_intent_id=payment_intent).first()
    order_id = _order_id(charge)
    if order is None and order_id is not None:
        order = Order.objects.filter(pk=order_id).first()
    return order


def _amount(value):
    # Stripe's amounts are in our minor units already (see `payments.stripe_amount`).
    is_amount = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_AMOUNT
    return value if is_amount else -1


def _paid(order, session):
    return lifecycle.confirm_card_payment(
        order,
        amount=_amount(session.get("amount_total")),
        currency=_text(session.get("currency")),
        payment_intent_id=_id_of(session.get("payment_intent")),
        session_id=_id_of(session.get("id")),
    )


def session_completed(order, session):
    """The shopper finished the payment page: paid now, or later for slow payment methods."""
    if session.get("payment_status") == "paid":
        return _paid(order, session)
    # A delayed method (bank debit...): the pieces stay reserved until Stripe says more,
    # and the expiry command leaves the order alone (no deadline any more).
    Order.objects.filter(pk=order.pk, payment_expires_at__isnull=False).update(
        payment_expires_at=None,
        stripe_payment_intent_id=_id_of(session.get("payment_intent")),
    )
    return order


def session_async_payment_succeeded(order, session):
    return _paid(order, session)


def session_async_payment_failed(order, session):
    return lifecycle.release_unpaid(order, _("The card payment failed."))


def session_expired(order, session):
    if order.stripe_session_id and session.get("id") != order.stripe_session_id:
        return order  # an older session of this order: the current one decides
    return lifecycle.release_unpaid(order, _("The payment page expired before payment."))


def charge_refunded(order, charge):
    return lifecycle.record_refund(order, _amount(charge.get("amount_refunded")))


HANDLERS = {
    "checkout.session.completed": (_order_for_session, session_completed),
    "checkout.session.async_payment_succeeded": (
        _order_for_session,
        session_async_payment_succeeded,
    ),
    "checkout.session.async_payment_failed": (_order_for_session, session_async_payment_failed),
    "checkout.session.expired": (_order_for_session, session_expired),
    "charge.refunded": (_order_for_charge, charge_refunded),
}


def handle_event(event):
    """Apply a verified event once. Returns what happened, for the response and the logs."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = StripeEvent.objects.create(
                    event_id=event["id"], event_type=event["type"][:100]
                )
        except IntegrityError:
            return "duplicate"
        if event["type"] not in HANDLERS:
            return "ignored"
        find_order, handle = HANDLERS[event["type"]]
        stripe_object = event["data"]["object"]
        order = find_order(stripe_object)
        if order is None:
            logger.warning("Stripe event %s concerns no order of this shop", event["id"])
            return "no order"
        record.order = order
        record.save(update_fields=["order"])
        handle(order, stripe_object)
    return "handled"
