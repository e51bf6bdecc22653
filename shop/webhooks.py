"""Providers' callbacks: verified, stored whole, applied to orders once and in any order.

A provider may send an event twice, late, or after a later one. Each verified event
is stored in `PaymentEvent` (raw payload, result, error) before it is applied; the
same event id of a provider is applied once. Every effect goes through a
`shop.lifecycle` function that looks at the order as it is now, so the order of
arrival does not matter (an `expired` after a `completed` leaves the order paid). A
stored event can be applied again from the order admin (`replay`).

Refund and payment news reconcile in any order. A refund reported for an order the shop
has not seen paid yet (Stripe may send `charge.refunded` before
`checkout.session.completed`, and a charge carries no metadata of ours, only its
payment intent) is kept, result AWAITING_PAYMENT, not applied and not counted as
handled. When the payment arrives (callback, return to the order page or the release
command: all through `apply_payment`), the refunds waiting for it are read first, then
applied after it. The end state follows DESIGN.md's lifecycle (`paid → refunded`):
refunded in whole, the order is paid then refunded at once, its pieces go back on sale
and no "paid" e-mail goes out (nothing will be handed over); refunded in part, the
order is paid as usual (it is still to be filled) with the refund recorded.
"""

import json
import logging

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import lifecycle, payments
from .models import Order, OrderStatus, PaymentEvent, RefundStatus

logger = logging.getLogger(__name__)

# Results after which the same event is not applied again when the provider resends it.
DUPLICATE = "duplicate"
ERROR = "error"
RECEIVED = "received"
# A refund whose payment the shop has not seen yet: applied when the payment arrives.
AWAITING_PAYMENT = "awaiting payment"
# Results after which the same event is applied again when it comes back.
NOT_APPLIED = (RECEIVED, ERROR, AWAITING_PAYMENT)


def _order_for(provider_name, order_id=None, order_reference="", reference="", transaction_id=""):
    """The order an event is about, found by what the shop gave the provider; None if unsure."""
    order = Order.objects.filter(pk=order_id).first() if order_id is not None else None
    if order is None and order_reference:
        order = Order.objects.filter(reference=order_reference).first()
    if order is None and reference:
        order = Order.objects.filter(
            payment_provider=provider_name, payment_reference=reference
        ).first()
    if order is None and transaction_id:
        order = Order.objects.filter(
            payment_provider=provider_name, payment_transaction_id=transaction_id
        ).first()
    if order is not None and order_reference and order.reference != order_reference:
        logger.warning("A %s event names two different orders", provider_name)
        return None
    if order is not None and order.payment_provider not in ("", provider_name):
        logger.warning("A %s event names an order paid through another provider", provider_name)
        return None
    return order


def apply_payment(order, payment):
    """What a payment page's state means for its order (and the refunds waiting for it)."""
    if payment.state == payments.PAID:
        waiting = _refunds_awaiting(order, payment.transaction_id)
        if payment.currency != order.currency.upper():
            lifecycle.confirm_payment(
                order,
                amount=payment.amount,
                currency=payment.currency,
                transaction_id=payment.transaction_id,
            )
            _apply_waiting(order, waiting)
            return "currency mismatch"
        lifecycle.confirm_payment(
            order,
            amount=payment.amount,
            currency=payment.currency,
            transaction_id=payment.transaction_id,
            reference=payment.reference,
            refunded_before=_refunded_in(waiting),
        )
        _apply_waiting(order, waiting)
        return "handled"
    if payment.state == payments.PROCESSING:
        # A slow method (bank debit...): the pieces stay reserved until the provider says
        # more, and the release command leaves the order alone (no deadline any more).
        Order.objects.filter(pk=order.pk, payment_expires_at__isnull=False).update(
            payment_expires_at=None, payment_transaction_id=payment.transaction_id
        )
        return "handled"
    if payment.reference and order.payment_reference not in ("", payment.reference):
        return "older page"  # an older page of this order: the current one decides
    if payment.state == payments.FAILED:
        lifecycle.release_unpaid(order, _("The online payment failed."))
    elif payment.state == payments.EXPIRED:
        lifecycle.release_unpaid(order, _("The payment page expired before payment."))
    return "handled"


def _apply_refund(provider_name, order, notice):
    if notice.currency and notice.currency != order.currency.upper():
        logger.warning("A %s refund of order %s is in another currency", provider_name, order)
        return "currency mismatch"
    if notice.refunded_total is not None:
        if notice.refunded_total < 0:
            return "ignored"
        lifecycle.record_refunded_total(
            order,
            notice.refunded_total,
            provider=provider_name,
            provider_refund_id=notice.refund_id,
        )
        return "handled"
    if not notice.refund_id or notice.amount < 0:
        return "ignored"
    if (
        notice.status == RefundStatus.FAILED
        and not order.refunds.filter(
            provider=provider_name, provider_refund_id=notice.refund_id
        ).exists()
    ):
        return "ignored"  # a refund that never counted cannot be undone
    lifecycle.record_refund(
        order,
        notice.amount,
        status=notice.status,
        provider=provider_name,
        provider_refund_id=notice.refund_id,
    )
    return "handled"


def _not_paid_yet(order):
    """Whether the shop has yet to hear of the order's payment (a refund must wait for it)."""
    return (
        order.status in (OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED)
        and not order.needs_refund
    )


def _refunds_awaiting(order, transaction_id):
    """The refund events kept for this order's payment, locked: [(event row, notice)]."""
    provider = payments.provider_named(order.payment_provider)
    if provider is None:
        return []
    about = Q(order=order)
    if transaction_id:
        about |= Q(payload__contains=transaction_id)
    records = (
        PaymentEvent.objects.select_for_update()
        .filter(about, provider=order.payment_provider, result=AWAITING_PAYMENT)
        .order_by("received_at", "pk")
    )
    waiting = []
    for record in records:
        notice = provider.parse(json.loads(record.payload)).refund
        if notice is not None and (
            notice.order_id == order.pk
            or (transaction_id and notice.transaction_id == transaction_id)
        ):
            waiting.append((record, notice))
    return waiting


def _refunded_in(waiting):
    """What the waiting notices say was refunded already (succeeded refunds, or a total)."""
    totals = [notice.refunded_total for _record, notice in waiting if notice.refunded_total]
    succeeded = {
        notice.refund_id: notice.amount
        for _record, notice in waiting
        if notice.refunded_total is None
        and notice.status == RefundStatus.SUCCEEDED
        and notice.amount > 0
    }
    return max([*totals, sum(succeeded.values())])


def _apply_waiting(order, waiting):
    """Apply the refunds that waited for the order's payment, in the order they came."""
    for record, notice in waiting:
        record.result = _apply_refund(record.provider, order, notice)
        record.order, record.processed_at = order, timezone.now()
        record.save(update_fields=["result", "order", "processed_at"])


def _handle(provider_name, callback):
    """Apply a parsed callback; returns (result, order)."""
    if callback.payment is not None:
        payment = callback.payment
        order = _order_for(
            provider_name,
            order_id=payment.order_id,
            order_reference=payment.order_reference,
            reference=payment.reference,
            transaction_id=payment.transaction_id,
        )
        if order is None:
            return "no order", None
        return apply_payment(order, payment), order
    if callback.refund is not None:
        notice = callback.refund
        order = _order_for(
            provider_name, order_id=notice.order_id, transaction_id=notice.transaction_id
        )
        if order is None:
            # Perhaps a payment not reported yet: only its payment id links the two.
            return (AWAITING_PAYMENT if notice.transaction_id else "no order"), None
        if _not_paid_yet(order):
            return AWAITING_PAYMENT, order
        return _apply_refund(provider_name, order, notice), order
    return "ignored", None


def _store(provider_name, callback, payload):
    """The event's row, created on first receipt; (row, created)."""
    try:
        with transaction.atomic():
            record = PaymentEvent.objects.create(
                provider=provider_name,
                event_id=callback.event_id,
                event_type=callback.event_type,
                payload=payload.decode("utf-8"),
                result=RECEIVED,
            )
        return record, True
    except IntegrityError:
        return PaymentEvent.objects.get(provider=provider_name, event_id=callback.event_id), False


def _apply(record, callback, *, again=False):
    """Apply the event under its row's lock; an event already applied is left, unless `again`."""
    try:
        with transaction.atomic():
            record = PaymentEvent.objects.select_for_update().get(pk=record.pk)
            if not again and record.result not in NOT_APPLIED:
                return DUPLICATE
            result, order = _handle(record.provider, callback)
            record.result, record.error, record.order = result, "", order
            record.processed_at = timezone.now()
            record.save(update_fields=["result", "error", "order", "processed_at"])
    except Exception as error:
        # Kept with the event so staff see it and can replay it; the provider retries too.
        logger.exception("Applying %s event %s failed", record.provider, record.event_id)
        PaymentEvent.objects.filter(pk=record.pk).update(
            result=ERROR, error=f"{type(error).__name__}: {error}"[:2000]
        )
        return ERROR
    return result


def receive(provider_name, payload, headers):
    """Verify, store and apply one callback. Raises BadCallback for anything not genuine."""
    provider = payments.provider_named(provider_name)
    if provider is None:
        raise payments.BadCallback("Unknown provider.")
    callback = provider.parse(provider.verify(payload, headers))
    record, _created = _store(provider_name, callback, payload)
    return _apply(record, callback)


def replay(record):
    """Apply a stored event again (from the admin), without its signature: it was verified."""
    provider = payments.provider_named(record.provider)
    callback = provider.parse(json.loads(record.payload))
    return _apply(record, callback, again=True)
