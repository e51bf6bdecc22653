"""Refunds staff ask for in the order admin: through the order's provider, or by hand for cash.

The refund row is saved (pending) before the provider is asked, so two clicks or two
managers cannot refund more than was paid: the amount left is read under the order's
row lock and counts pending refunds. The idempotency key comes from the form, so a
form sent twice asks the provider once and records one refund.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from . import lifecycle, payments
from .models import OrderStatus, Refund, RefundStatus

# Orders whose money the shop holds: paid, handed over, or flagged because a payment
# arrived for an order that could not be filled.
REFUNDABLE_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED)


class RefundRefused(Exception):
    """The refund cannot be made as asked; the message says why, for staff."""


def can_refund(order):
    return (order.status in REFUNDABLE_STATUSES or order.needs_refund) and (
        order.refundable_amount > 0
    )


def allows_part(order):
    """Whether the order's provider can give back part of the payment (Wave cannot)."""
    return payments.provider_for(order).PARTIAL_REFUNDS


def refund(order, amount, *, by, reason, idempotency_key):
    """Give `amount` back to the shopper; returns the refund row (succeeded, pending or failed)."""
    provider = payments.provider_for(order)
    with transaction.atomic():
        order = lifecycle.lock(order)
        already = order.refunds.filter(idempotency_key=idempotency_key).first()
        if already is not None:
            return already
        if not can_refund(order):
            raise RefundRefused(_("This order has nothing left to refund."))
        left = order.refundable_amount
        if not 0 < amount <= left:
            raise RefundRefused(
                _("The amount must lie between 1 and %(left)s.") % {"left": order.format(left)}
            )
        if not provider.PARTIAL_REFUNDS and amount != order.total:
            raise RefundRefused(_("This payment can only be refunded in whole."))
        row = lifecycle.record_refund(
            order,
            amount,
            status=RefundStatus.PENDING,
            provider=provider.NAME,
            idempotency_key=idempotency_key,
            by=by,
            reason=reason,
        )
    try:
        answer = provider.refund(order, amount, idempotency_key=idempotency_key)
    except payments.PaymentUnavailable as error:
        lifecycle.settle_refund(row, RefundStatus.FAILED)
        raise RefundRefused(
            _("The provider refused the refund: %(error)s") % {"error": error}
        ) from error
    if answer.refund_id:
        Refund.objects.filter(pk=row.pk).update(provider_refund_id=answer.refund_id)
    return lifecycle.settle_refund(row, answer.status)
