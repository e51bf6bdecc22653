"""Releasing reservations nobody will pay for: what the periodic command does.

An online order (card or mobile money) holds its pieces until its provider reports
the payment page completed or expired. When that callback is lost, the order would
hold them for ever; this module asks the provider what became of each overdue page
and settles the order as the callback would have. Awaiting-cash orders are cancelled
only when the shop chooses an age limit: a courier may be on the way with the pieces.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from . import lifecycle, payments
from .models import ONLINE_METHODS, Order, OrderStatus
from .webhooks import apply_payment

# The provider's own expiry callback usually arrives within seconds; leave it time to.
DEFAULT_GRACE_MINUTES = 10


@dataclass
class Outcome:
    released: list = field(default_factory=list)
    paid: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    unreachable: list = field(default_factory=list)
    cash_cancelled: list = field(default_factory=list)


def _settle(order, outcome):
    provider = payments.provider_for(order)
    state = None
    if order.payment_reference and provider.is_configured():
        try:
            state = provider.retrieve(order.payment_reference)
        except payments.PaymentUnavailable:
            outcome.unreachable.append(order.reference)
            return
    if state is not None and state.state in (payments.PAID, payments.PROCESSING):
        apply_payment(order, state)
        order.refresh_from_db()
        (outcome.paid if order.status == OrderStatus.PAID else outcome.waiting).append(
            order.reference
        )
        return
    if state is not None and state.state == payments.OPEN:
        provider.expire(order.payment_reference)
    lifecycle.release_unpaid(
        order, _("The payment page expired and the provider sent no word: pieces put back on sale.")
    )
    outcome.released.append(order.reference)


def release_expired_reservations(*, grace_minutes=DEFAULT_GRACE_MINUTES, cash_days=None):
    """Settle overdue online orders; cancel awaiting-cash orders older than `cash_days`."""
    now = timezone.now()
    outcome = Outcome()
    overdue = Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT,
        payment_method__in=ONLINE_METHODS,
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
