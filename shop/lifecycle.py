"""What happens to an order after checkout: payment, fulfilment, cancellation, refunds.

Each function locks the order's row, checks the move against `TRANSITIONS` (the
one table of status changes, which also says which ones staff make from the
order admin: `STAFF_ACTIONS`), changes stock through `shop.stock`, logs the change in
`OrderStatusChange` (who, when, why) and queues the e-mails for after commit.
Calling one twice, or after another event made it moot, changes nothing: this is
what makes the providers' repeated and out-of-order callbacks harmless.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import emails, payments
from .models import (
    ONLINE_METHODS,
    Order,
    OrderStatus,
    OrderStatusChange,
    Refund,
    RefundStatus,
    ReturnedLine,
)
from .signals import order_changed
from .stock import OutOfStock, release_stock, reserve_stock

logger = logging.getLogger(__name__)

# Every status change the shop makes: (from, to) -> the staff action that makes it in the
# order admin (a name of `STAFF_ACTIONS`), or None when only the payment providers'
# callbacks, refunds, the release command or the shopper make it. `_change_status`
# refuses any move not listed; the admin offers exactly the moves with an action.
TRANSITIONS = {
    # Paid on the provider's page; cancelled by staff, the shopper or the page's expiry.
    (OrderStatus.PENDING_PAYMENT, OrderStatus.PAID): None,
    (OrderStatus.PENDING_PAYMENT, OrderStatus.CANCELLED): "cancel",
    # Paid in cash at the handover, in one step: made as the two moves awaiting cash →
    # paid → fulfilled, one after the other (`hand_over_paid_in_cash`), never as a jump.
    (OrderStatus.AWAITING_CASH, OrderStatus.FULFILLED): "hand-over-paid",
    # Cash received by staff; cancelled by staff or by the release command.
    (OrderStatus.AWAITING_CASH, OrderStatus.PAID): "mark-paid",
    (OrderStatus.AWAITING_CASH, OrderStatus.CANCELLED): "cancel",
    (OrderStatus.PAID, OrderStatus.FULFILLED): "fulfil",
    # Refunds in whole, or every piece returned (`shop.refunds`, the admin's refund and
    # return forms, or the provider's report), before or after the order was handed over.
    (OrderStatus.PAID, OrderStatus.REFUNDED): None,
    (OrderStatus.FULFILLED, OrderStatus.REFUNDED): None,
    # Only for a card payment that arrived after its reservation was released (a late
    # or lost webhook) when the pieces could be reserved again.
    (OrderStatus.CANCELLED, OrderStatus.PAID): None,
    # Only when a refund the provider had accepted fails afterwards: the money is the shop's
    # again and the order is paid (or fulfilled, if it had been), as before the refund.
    (OrderStatus.REFUNDED, OrderStatus.PAID): None,
    (OrderStatus.REFUNDED, OrderStatus.FULFILLED): None,
}

TIMESTAMP_OF = {
    OrderStatus.PAID: "paid_at",
    OrderStatus.FULFILLED: "fulfilled_at",
    OrderStatus.CANCELLED: "cancelled_at",
}


class TransitionNotAllowed(Exception):
    """The order's status does not allow this change (it may have moved meanwhile)."""

    def __init__(self, order, to_status):
        self.order = order
        self.to_status = to_status
        super().__init__(
            _("Order %(reference)s is « %(status)s »: it cannot become « %(to)s ».")
            % {
                "reference": order.reference,
                "status": order.get_status_display(),
                "to": OrderStatus(to_status).label,
            }
        )


def lock(order):
    """The order read again with its row locked until the transaction ends."""
    return Order.objects.select_for_update().get(pk=order.pk)


def _announce_on_commit(order, from_status):
    """Send `order_changed` once the change is committed (never for a rolled-back one)."""
    to_status = order.status
    transaction.on_commit(
        lambda: order_changed.send(
            sender=Order, order=order, from_status=from_status, to_status=to_status
        )
    )


# Moves of `TRANSITIONS` made through another status, as two logged moves.
THROUGH = {(OrderStatus.AWAITING_CASH, OrderStatus.FULFILLED): OrderStatus.PAID}


def _change_status(order, to_status, *, by=None, note=""):
    """Move a locked order to `to_status` and log it; refuse a move the lifecycle forbids."""
    move = (order.status, to_status)
    if move not in TRANSITIONS or move in THROUGH:
        raise TransitionNotAllowed(order, to_status)
    from_status = order.status
    now = timezone.now()
    OrderStatusChange.objects.create(
        order=order,
        from_status=order.status,
        to_status=to_status,
        changed_by=by,
        changed_at=now,
        note=note,
    )
    order.status = to_status
    fields = ["status", "updated_at"]
    if to_status in TIMESTAMP_OF:
        setattr(order, TIMESTAMP_OF[to_status], now)
        fields.append(TIMESTAMP_OF[to_status])
    order.save(update_fields=fields)
    _announce_on_commit(order, from_status)


def _log_note(order, note, by=None):
    """A line in the order's history that does not change its status."""
    OrderStatusChange.objects.create(
        order=order, from_status=order.status, to_status=order.status, changed_by=by, note=note
    )


def log_return(order, pieces, *, by):
    """Log pieces taken back in the locked order's history: (product, how many, restocked)."""
    parts = [
        (
            _("%(count)s × %(product)s, put back on sale")
            if restocked
            else _("%(count)s × %(product)s, not put back on sale")
        )
        % {"count": quantity, "product": product}
        for product, quantity, restocked in pieces
    ]
    _log_note(order, _("Pieces taken back: %(pieces)s.") % {"pieces": "; ".join(parts)}, by=by)


def mark_cash_paid(order, *, by, note="", notify=True):
    """Staff received the cash: the order becomes paid; the shopper gets the receipt."""
    with transaction.atomic():
        order = lock(order)
        if order.status != OrderStatus.AWAITING_CASH:
            raise TransitionNotAllowed(order, OrderStatus.PAID)
        _change_status(order, OrderStatus.PAID, by=by, note=note)
        if notify:
            emails.send_on_commit(emails.payment_received, order)
    return order


def mark_fulfilled(order, *, by, note="", notify=True):
    """Staff handed the order over (sent or collected); the shopper is told.

    A cash order's shopper paid at the handover, so the pieces are in their hands by the
    time it is marked fulfilled: they read « handed over », never « on its way », with the
    links to review the pieces (`shop.emails.order_fulfilled`).
    """
    with transaction.atomic():
        order = lock(order)
        if order.status != OrderStatus.PAID:  # a failed refund alone makes a refunded one fulfilled
            raise TransitionNotAllowed(order, OrderStatus.FULFILLED)
        _change_status(order, OrderStatus.FULFILLED, by=by, note=note)
        if notify:
            emails.send_on_commit(emails.order_fulfilled, order)
    return order


def hand_over_paid_in_cash(order, *, by, note=""):
    """A cash order handed over and paid at once: paid, then fulfilled, one e-mail.

    The two moves `mark_cash_paid` and `mark_fulfilled` make, in one transaction and with
    their history, stock and earnings; the shopper gets one e-mail saying the order was
    handed over and paid, with the receipt.
    """
    with transaction.atomic():
        locked = lock(order)
        if locked.status != OrderStatus.AWAITING_CASH:
            raise TransitionNotAllowed(locked, OrderStatus.FULFILLED)
        order = mark_cash_paid(order, by=by, note=note, notify=False)
        order = mark_fulfilled(order, by=by, notify=False)
        emails.send_on_commit(emails.handed_over_and_paid, order)
    return order


def cancel(order, *, by=None, note=""):
    """Cancel an order not yet paid and put its pieces back on sale."""
    with transaction.atomic():
        order = lock(order)
        _change_status(order, OrderStatus.CANCELLED, by=by, note=note)
        release_stock(order)
    return order


def cancel_by_staff(order, *, by, note=""):
    """Staff cancel an unpaid order; an online order's payment page is closed first.

    Refused (`TransitionNotAllowed`) when the provider says the page was paid meanwhile:
    the payment's callback will mark the order paid.
    """
    provider = payments.provider_for(order)
    if order.payment_reference and not provider.expire(order.payment_reference):
        raise TransitionNotAllowed(order, OrderStatus.CANCELLED)
    return cancel(order, by=by, note=note)


def release_unpaid(order, note):
    """An online payment expired or failed: cancel if still unpaid; a paid order is left alone."""
    with transaction.atomic():
        order = lock(order)
        if order.status != OrderStatus.PENDING_PAYMENT:
            return order
        _change_status(order, OrderStatus.CANCELLED, note=note)
        release_stock(order)
    return order


@dataclass(frozen=True)
class StaffAction:
    """A move staff make from the order admin: the service, its button, its message."""

    service: Callable
    label: str
    done: str  # shown once made, with the order's %(reference)s
    danger: bool = False


# The staff actions of `TRANSITIONS`, by the name the admin's form posts.
STAFF_ACTIONS = {
    "mark-paid": StaffAction(
        mark_cash_paid,
        gettext_lazy("Mark paid (cash received)"),
        gettext_lazy("Order %(reference)s is marked paid."),
    ),
    "hand-over-paid": StaffAction(
        hand_over_paid_in_cash,
        gettext_lazy("Handed over and paid (cash received at the handover)"),
        gettext_lazy("Order %(reference)s is paid and handed over; the shopper has been told."),
    ),
    "fulfil": StaffAction(
        mark_fulfilled,
        gettext_lazy("Mark fulfilled (sent or collected)"),
        gettext_lazy("Order %(reference)s is fulfilled; the shopper has been told."),
    ),
    "cancel": StaffAction(
        cancel_by_staff,
        gettext_lazy("Cancel and put the pieces back on sale"),
        gettext_lazy("Order %(reference)s is cancelled; its pieces are on sale again."),
        danger=True,
    ),
}


def staff_actions(order):
    """The names of the staff actions open on the order in its status, in the table's order."""
    return [
        action
        for (from_status, _to_status), action in TRANSITIONS.items()
        if action is not None and from_status == order.status
    ]


def confirm_payment(order, *, amount, currency, transaction_id="", reference="", refunded_before=0):
    """The provider says the order is paid: mark it paid, whatever happened before.

    `refunded_before` is what the provider reported refunded on this payment before the
    payment's own news came (see `shop.webhooks`). Refunded in whole, the order is marked
    paid with its pieces put back on sale and no e-mail: the caller records the refunds
    next, which make it refunded. Refunded in part, the order is paid as usual.

    Paid already: nothing to do. Reservation released meanwhile (the page was
    treated as expired, or the shopper cancelled): the pieces are reserved again
    when still there, otherwise the order is flagged "needs refund" and shop
    managers are e-mailed. An amount or a currency that does not match the order is
    flagged too, never accepted.
    """
    with transaction.atomic():
        order = lock(order)
        changed = []
        if transaction_id and order.payment_transaction_id != transaction_id:
            order.payment_transaction_id = transaction_id
            changed.append("payment_transaction_id")
        if reference and not order.payment_reference:
            order.payment_reference = reference
            changed.append("payment_reference")
        if changed:
            order.save(update_fields=[*changed, "updated_at"])
        if order.status in (OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.REFUNDED):
            return order
        if order.needs_refund or order.payment_method not in ONLINE_METHODS:
            return order
        if amount != order.total or currency.upper() != order.currency.upper():
            _flag_needs_refund(
                order,
                _(
                    "The provider reports %(amount)s %(currency)s paid; the order's total is "
                    "%(total)s %(order_currency)s."
                )
                % {
                    "amount": amount,
                    "currency": currency.upper(),
                    "total": order.total,
                    "order_currency": order.currency,
                },
            )
            return order
        if refunded_before and refunded_before >= order.total:
            _change_status(
                order,
                OrderStatus.PAID,
                note=_("Payment reported after its refund: nothing to hand over."),
            )
            release_stock(order)
            return order
        note = ""
        if not order.stock_reserved:
            try:
                reserve_stock(order)
            except OutOfStock as shortage:
                _flag_needs_refund(order, " ".join(shortage.messages))
                return order
            note = _("Payment arrived after the reservation was released; pieces reserved again.")
        _change_status(order, OrderStatus.PAID, note=note)
        emails.send_on_commit(emails.order_placed, order)
    return order


def _flag_needs_refund(order, reason):
    order.needs_refund = True
    order.save(update_fields=["needs_refund", "updated_at"])
    _log_note(
        order, _("Payment received but the order cannot be filled: %(reason)s") % {"reason": reason}
    )
    emails.send_on_commit(emails.needs_refund_alert, order)
    logger.warning("Order %s needs a refund: %s", order.reference, reason)


def _succeeded_total(order):
    total = order.refunds.filter(status=RefundStatus.SUCCEEDED).aggregate(sum=models.Sum("amount"))
    return total["sum"] or 0


def _all_returned(order):
    """Whether succeeded returns brought back every piece of the order."""
    returned = ReturnedLine.objects.filter(
        refund__order=order, refund__status=RefundStatus.SUCCEEDED
    )
    back = dict(
        returned.values("line_id")
        .annotate(sum=models.Sum("quantity"))
        .values_list("line_id", "sum")
    )
    return all(back.get(line.pk, 0) >= line.quantity for line in order.lines.all())


def _apply_refunds(order, *, by=None):
    """Bring the locked order in line with its succeeded refund rows.

    Refunded in whole, or every piece returned: a paid or fulfilled order becomes
    refunded and loses its "needs refund" flag. A partial refund leaves the order paid
    (it can still be fulfilled) or fulfilled, logged and counted in the figures; a
    failed refund that had made the order refunded makes it paid (or fulfilled) again.
    """
    refunded = _succeeded_total(order)
    if refunded == order.refunded_amount:
        return order
    order.refunded_amount = refunded
    fields = ["refunded_amount", "updated_at"]
    if order.needs_refund and refunded >= order.total:
        order.needs_refund = False
        fields.append("needs_refund")
    order.save(update_fields=fields)
    note = _("Refunded %(amount)s in all.") % {"amount": order.format(refunded)}
    whole = refunded >= order.total or (refunded > 0 and _all_returned(order))
    held = OrderStatus.FULFILLED if order.fulfilled_at else OrderStatus.PAID
    if order.status in (OrderStatus.PAID, OrderStatus.FULFILLED) and whole:
        _change_status(order, OrderStatus.REFUNDED, by=by, note=note)
    elif order.status == OrderStatus.REFUNDED and not whole:
        _change_status(order, held, by=by, note=note)
    else:
        _log_note(order, note, by=by)
        _announce_on_commit(order, order.status)  # the refunded amount changes figures
    return order


def _known_refund(order, provider, provider_refund_id):
    """The refund row the provider already reported under this id, or None."""
    if not provider_refund_id:
        return None
    return order.refunds.filter(provider=provider, provider_refund_id=provider_refund_id).first()


def record_refund(
    order,
    amount,
    *,
    status=RefundStatus.SUCCEEDED,
    provider="",
    provider_refund_id="",
    idempotency_key="",
    by=None,
    reason="",
):
    """A refund of `amount` on the order: one row, counted once it succeeded.

    The same provider refund id is recorded once: a second report only updates its status
    (see `settle_refund`). Returns the refund row.
    """
    with transaction.atomic():
        order = lock(order)
        known = _known_refund(order, provider, provider_refund_id)
        if known is not None:
            return settle_refund(known, status)
        refund = Refund.objects.create(
            order=order,
            amount=amount,
            currency=order.currency,
            provider=provider,
            provider_refund_id=provider_refund_id,
            status=status,
            idempotency_key=idempotency_key,
            created_by=by,
            reason=reason,
        )
        if reason:
            _log_note(order, _("Refund asked: %(reason)s") % {"reason": reason}, by=by)
        _apply_refunds(order, by=by)
    return refund


def settle_refund(refund, status):
    """The provider settled a refund (succeeded or failed): the order follows."""
    with transaction.atomic():
        order = lock(refund.order)
        refund = Refund.objects.select_for_update().get(pk=refund.pk)
        if refund.status == status or refund.status == RefundStatus.FAILED:
            return refund  # a failed refund stays failed: a new attempt is a new row
        refund.status = status
        refund.save(update_fields=["status"])
        if status == RefundStatus.FAILED:
            _log_note(
                order,
                _("The refund of %(amount)s failed: the money stays with the shop.")
                % {"amount": order.format(refund.amount)},
            )
        _apply_refunds(order)
    return refund


def record_refunded_total(order, refunded_total, *, provider, provider_refund_id=""):
    """The provider says `refunded_total` was refunded in all: record what is missing.

    Used for reports that give a running total (Stripe's charge.refunded), so a refund
    made in the provider's dashboard shows here too; refunds the shop asked for itself
    are already rows, and an older, smaller total changes nothing.
    """
    with transaction.atomic():
        order = lock(order)
        known = _known_refund(order, provider, provider_refund_id)
        if known is not None:
            return settle_refund(known, RefundStatus.SUCCEEDED).order
        missing = refunded_total - order.refunds_committed()
        if missing <= 0:
            return order
        record_refund(
            order,
            missing,
            provider=provider,
            provider_refund_id=provider_refund_id,
        )
    order.refresh_from_db()
    return order
