"""Refunds staff ask for in the order admin: through the order's provider, or by hand for cash.

The refund row is saved (pending) before the provider is asked, so two clicks or two
managers cannot refund more than was paid: the amount left is read under the order's
row lock and counts pending refunds. The idempotency key comes from the form, so a
form sent twice asks the provider once and records one refund.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from . import emails, lifecycle, payments, pricing
from .lifecycle import lock
from .models import OrderStatus, Refund, RefundStatus, ReturnedLine
from .stock import restock_pieces

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


def _check_amount(order, provider, amount):
    """Refuse an amount the locked order cannot give back through its provider."""
    if not can_refund(order):
        raise RefundRefused(_("This order has nothing left to refund."))
    left = order.refundable_amount
    if not 0 < amount <= left:
        raise RefundRefused(
            _("The amount must lie between 1 and %(left)s.") % {"left": order.format(left)}
        )
    if not provider.PARTIAL_REFUNDS and amount != order.total:
        raise RefundRefused(_("This payment can only be refunded in whole."))


def _open(order, provider, amount, *, idempotency_key, by, reason):
    """The pending refund row of `amount` on the locked order, once the amount is checked."""
    _check_amount(order, provider, amount)
    return lifecycle.record_refund(
        order,
        amount,
        status=RefundStatus.PENDING,
        provider=provider.NAME,
        idempotency_key=idempotency_key,
        by=by,
        reason=reason,
    )


def _ask_provider(order, provider, row, idempotency_key):
    """Ask the provider for the pending refund `row`; the row and the order follow its answer."""
    try:
        answer = provider.refund(order, row.amount, idempotency_key=idempotency_key)
    except payments.PaymentUnavailable as error:
        lifecycle.settle_refund(row, RefundStatus.FAILED)
        raise RefundRefused(
            _("The provider refused the refund: %(error)s") % {"error": error}
        ) from error
    if answer.refund_id:
        Refund.objects.filter(pk=row.pk).update(provider_refund_id=answer.refund_id)
    return lifecycle.settle_refund(row, answer.status)


def refund(order, amount, *, by, reason, idempotency_key):
    """Give `amount` back to the shopper; returns the refund row (succeeded, pending or failed)."""
    provider = payments.provider_for(order)
    with transaction.atomic():
        order = lock(order)
        already = order.refunds.filter(idempotency_key=idempotency_key).first()
        if already is not None:
            return already
        row = _open(order, provider, amount, idempotency_key=idempotency_key, by=by, reason=reason)
    return _ask_provider(order, provider, row, idempotency_key)


def returnable(order):
    """{line: pieces that may still come back} of the order: bought less returns under way."""
    taken = {}
    held = ReturnedLine.objects.filter(line__order=order).exclude(
        refund__status=RefundStatus.FAILED
    )
    for line_id, quantity in held.values_list("line_id", "quantity"):
        taken[line_id] = taken.get(line_id, 0) + quantity
    return {line: line.quantity - taken.get(line.pk, 0) for line in order.lines.order_by("pk")}


def can_return(order):
    return order.status in REFUNDABLE_STATUSES and any(returnable(order).values())


def delivery_returnable(order):
    """The delivery fee a return may still give back: all of it, or nothing once given."""
    given = order.refunds.exclude(status=RefundStatus.FAILED).filter(delivery_amount__gt=0)
    return 0 if given.exists() else order.delivery_fee


def refund_return(order, pieces, *, delivery, by, reason, idempotency_key):
    """Take pieces back and refund them: `pieces` is {line id: (how many, restock or not)}.

    The amount is the pieces' price as sold (`pricing.return_amount`), plus the delivery
    fee when `delivery` is true. Restocked pieces go back on sale at once (`shop.stock`);
    the others (damaged) do not. Cash is handed back by staff, so its refund succeeds at
    once; card and mobile money go through the provider like any refund. Refused
    (`RefundRefused`, nothing changed) for more pieces than may still come back, a line
    of another order, or nothing to return.
    """
    provider = payments.provider_for(order)
    with transaction.atomic():
        order = lock(order)
        already = order.refunds.filter(idempotency_key=idempotency_key).first()
        if already is not None:
            return already
        if order.status not in REFUNDABLE_STATUSES:
            raise RefundRefused(_("Only a paid or fulfilled order can take pieces back."))
        left = {line.pk: (line, count) for line, count in returnable(order).items()}
        chosen = []
        for line_id, (quantity, restock) in sorted(pieces.items()):
            if line_id not in left:
                raise RefundRefused(_("A returned line is not a line of this order."))
            line, count = left[line_id]
            if not 0 <= quantity <= count:
                raise RefundRefused(
                    _("« %(product)s »: between 0 and %(count)s pieces can come back.")
                    % {"product": line.product_title, "count": count}
                )
            if quantity:
                chosen.append((line, quantity, restock))
        delivery_amount = delivery_returnable(order) if delivery else 0
        if delivery and not delivery_amount:
            raise RefundRefused(_("The delivery fee has been refunded already."))
        if not chosen:
            raise RefundRefused(_("Choose at least one piece to take back."))
        amount = pricing.return_amount(
            [(line.unit_price, quantity) for line, quantity, _restock in chosen], delivery_amount
        )
        row = _open(order, provider, amount, idempotency_key=idempotency_key, by=by, reason=reason)
        Refund.objects.filter(pk=row.pk).update(delivery_amount=delivery_amount)
        row.delivery_amount = delivery_amount
        ReturnedLine.objects.bulk_create(
            ReturnedLine(refund=row, line=line, quantity=quantity, restocked=restock)
            for line, quantity, restock in chosen
        )
        restock_pieces(
            [(line.product_id, quantity) for line, quantity, restock in chosen if restock]
        )
        lifecycle.log_return(
            order,
            [(line.product_title, quantity, restock) for line, quantity, restock in chosen],
            by=by,
        )
    row = _ask_provider(order, provider, row, idempotency_key)
    if row.status != RefundStatus.FAILED:
        emails.send_on_commit(emails.order_returned, order)
    return row
