"""What happens to an order after checkout: payment, fulfilment, cancellation, refunds.

Each function locks the order's row, checks the move against
`ALLOWED_TRANSITIONS`, changes stock through `shop.stock`, logs the change in
`OrderStatusChange` (who, when, why) and queues the e-mails for after commit.
Calling one twice, or after another event made it moot, changes nothing: this is
what makes Stripe's repeated and out-of-order webhooks harmless.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import emails
from .models import ALLOWED_TRANSITIONS, Order, OrderStatus, OrderStatusChange, PaymentMethod
from .signals import order_changed
from .stock import OutOfStock, release_stock, reserve_stock

logger = logging.getLogger(__name__)

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


def _change_status(order, to_status, *, by=None, note=""):
    """Move a locked order to `to_status` and log it; refuse a move the lifecycle forbids."""
    if to_status not in ALLOWED_TRANSITIONS[order.status]:
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


def mark_cash_paid(order, *, by, note=""):
    """Staff received the cash: an order awaiting cash becomes paid."""
    with transaction.atomic():
        order = lock(order)
        if order.status != OrderStatus.AWAITING_CASH:
            raise TransitionNotAllowed(order, OrderStatus.PAID)
        _change_status(order, OrderStatus.PAID, by=by, note=note)
    return order


def mark_fulfilled(order, *, by, note="", notify=True):
    """Staff handed the order over (sent or collected); the shopper is told."""
    with transaction.atomic():
        order = lock(order)
        _change_status(order, OrderStatus.FULFILLED, by=by, note=note)
        if notify:
            emails.send_on_commit(emails.order_fulfilled, order)
    return order


def cancel(order, *, by=None, note=""):
    """Cancel an order not yet paid and put its pieces back on sale."""
    with transaction.atomic():
        order = lock(order)
        _change_status(order, OrderStatus.CANCELLED, by=by, note=note)
        release_stock(order)
    return order


def release_unpaid(order, note):
    """A card payment expired or failed: cancel if still unpaid; a paid order is left alone."""
    with transaction.atomic():
        order = lock(order)
        if order.status != OrderStatus.PENDING_PAYMENT:
            return order
        _change_status(order, OrderStatus.CANCELLED, note=note)
        release_stock(order)
    return order


def confirm_card_payment(order, *, amount, currency, payment_intent_id="", session_id=""):
    """Stripe says the order is paid: mark it paid, whatever happened before.

    Paid already: nothing to do. Reservation released meanwhile (the session was
    treated as expired, or the shopper cancelled): the pieces are reserved again
    when still there, otherwise the order is flagged "needs refund" and shop
    managers are e-mailed. An amount that does not match the order is flagged too.
    """
    with transaction.atomic():
        order = lock(order)
        changed = []
        if payment_intent_id and order.stripe_payment_intent_id != payment_intent_id:
            order.stripe_payment_intent_id = payment_intent_id
            changed.append("stripe_payment_intent_id")
        if session_id and not order.stripe_session_id:
            order.stripe_session_id = session_id
            changed.append("stripe_session_id")
        if changed:
            order.save(update_fields=[*changed, "updated_at"])
        if order.status in (OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.REFUNDED):
            return order
        if order.needs_refund or order.payment_method != PaymentMethod.CARD:
            return order
        if amount != order.total or currency.upper() != order.currency.upper():
            _flag_needs_refund(
                order,
                _("Stripe reports %(amount)s %(currency)s paid; the order's total is %(total)s.")
                % {"amount": amount, "currency": currency.upper(), "total": order.total},
            )
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


def record_refund(order, refunded_amount):
    """Stripe refunded `refunded_amount` in all (cumulative): record it once.

    A paid order becomes refunded (in whole or in part). On a fulfilled order the
    amount is recorded and logged, the status stays. An order flagged "needs
    refund" loses its flag once the whole payment is back.
    """
    with transaction.atomic():
        order = lock(order)
        if refunded_amount <= order.refunded_amount:
            return order
        order.refunded_amount = refunded_amount
        fields = ["refunded_amount", "updated_at"]
        if order.needs_refund and refunded_amount >= order.total:
            order.needs_refund = False
            fields.append("needs_refund")
        order.save(update_fields=fields)
        note = _("Refunded %(amount)s in all.") % {"amount": order.format(refunded_amount)}
        if order.status == OrderStatus.PAID:
            _change_status(order, OrderStatus.REFUNDED, note=note)
        else:
            _log_note(order, note)
            _announce_on_commit(order, order.status)  # the refunded amount changes figures
    return order
