"""Releasing reservations nobody will pay for: what the periodic command does.

A card order holds its pieces until Stripe reports the payment page completed or
expired. When that webhook is lost, the order would hold them for ever; this
module asks Stripe what became of each overdue session and settles the order as
the webhook would have. Awaiting-cash orders are cancelled only when the shop
chooses an age limit: a courier may be on the way with the pieces.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from . import lifecycle, payments
from .models import Order, OrderStatus, PaymentMethod

# Stripe's own expiry event usually arrives within seconds; leave it time to.
DEFAULT_GRACE_MINUTES = 10


@dataclass
class Outcome:
    released: list = field(default_factory=list)
    paid: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    unreachable: list = field(default_factory=list)
    cash_cancelled: list = field(default_factory=list)


def _settle(order, outcome):
    session = None
    if order.stripe_session_id and payments.card_payments_enabled():
        try:
            session = payments.retrieve_checkout_session(order.stripe_session_id)
        except payments.PaymentUnavailable:
            outcome.unreachable.append(order.reference)
            return
    if session and session.get("status") == "complete":
        if session.get("payment_status") == "paid":
            order = lifecycle.confirm_card_payment(
                order,
                amount=session.get("amount_total"),
                currency=session.get("currency") or "",
                payment_intent_id=session.get("payment_intent") or "",
                session_id=order.stripe_session_id,
            )
            (outcome.paid if order.status == OrderStatus.PAID else outcome.waiting).append(
                order.reference
            )
        else:  # a slow payment method still running: Stripe will tell us
            Order.objects.filter(pk=order.pk).update(payment_expires_at=None)
            outcome.waiting.append(order.reference)
        return
    if session and session.get("status") == "open":
        payments.expire_checkout_session(order.stripe_session_id)
    lifecycle.release_unpaid(
        order, _("The payment page expired and Stripe sent no word: pieces put back on sale.")
    )
    outcome.released.append(order.reference)


def release_expired_reservations(*, grace_minutes=DEFAULT_GRACE_MINUTES, cash_days=None):
    """Settle overdue card orders; cancel awaiting-cash orders older than `cash_days`."""
    now = timezone.now()
    outcome = Outcome()
    overdue = Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT,
        payment_method=PaymentMethod.CARD,
        payment_expires_at__lt=now - timedelta(minutes=grace_minutes),
    ).order_by("pk")
    for order in overdue:
        _settle(order, outcome)
    if cash_days is not None:
        stale_cash = Order.objects.filter(
            status=OrderStatus.AWAITING_CASH, created_at__lt=now - timedelta(days=cash_days)
        ).order_by("pk")
        for order in stale_cash:
            note = _("Not paid within %(days)s days: cancelled automatically.") % {
                "days": cash_days
            }
            try:
                lifecycle.cancel(order, note=note)
            except lifecycle.TransitionNotAllowed:
                continue  # paid or cancelled by staff meanwhile
            outcome.cash_cancelled.append(order.reference)
    return outcome
