"""Releasing reservations nobody will pay for: what the periodic command does.

An online order (card or mobile money) holds its pieces until its provider reports
the payment page completed or expired. When that callback is lost, the order would
hold them for ever; this module asks the provider what became of each overdue page
and settles the order as the provider says: paid (a lost payment is recorded), still
being paid (left), closed (released). When the provider refuses to close a page because
it was paid meanwhile, the order becomes paid; when it cannot be reached, the order is
left for the next run. Awaiting-cash orders are cancelled only when the shop chooses an
age limit: a courier may be on the way with the pieces.

An order whose page was never made (the checkout's worker died between the order's
commit and the provider's answer: `payment_reference` empty) has a deadline of
`checkout.PAGE_OPENING_TIME` and no grace: there is no callback to wait for. It is
released without asking the provider: a page the provider may have made then (Stripe
sessions carry the order in `client_reference_id` and metadata, but Stripe's session
list cannot be filtered by either) was never shown to anyone, since its address only
leaves the server in the redirect sent after the order records it; a retried checkout
shows the order, it does not open another page.
Should such a page still be paid, its callback names the order and is handled as a late
payment (`lifecycle.confirm_payment`: pieces reserved again, or a refund flagged).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import lifecycle, payments
from .models import ONLINE_METHODS, Order, OrderStatus
from .webhooks import apply_payment

# The provider's own expiry callback usually arrives within seconds; leave it time to.
DEFAULT_GRACE_MINUTES = 10
EXPIRED_NOTE = gettext_lazy(
    "The payment page expired and the provider sent no word: pieces put back on sale."
)


@dataclass
class Outcome:
    released: list = field(default_factory=list)
    paid: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    unreachable: list = field(default_factory=list)
    cash_cancelled: list = field(default_factory=list)


def _settle(order, outcome):
    provider = payments.provider_for(order)
    if not order.payment_reference:
        note = _(
            "The payment page was never opened (the checkout did not finish): pieces back on sale."
        )
        lifecycle.release_unpaid(order, note)
        outcome.released.append(order.reference)
        return
    if not provider.is_configured():  # keys removed since: nobody left to ask
        lifecycle.release_unpaid(order, EXPIRED_NOTE)
        outcome.released.append(order.reference)
        return
    try:
        state = provider.retrieve(order.payment_reference)
        if state.state == payments.OPEN:
            state = provider.close(order.payment_reference)
    except payments.PaymentUnavailable:
        outcome.unreachable.append(order.reference)
        return
    if state.state in (payments.PAID, payments.PROCESSING):
        apply_payment(order, state)
        order.refresh_from_db()
        (outcome.paid if order.status == OrderStatus.PAID else outcome.waiting).append(
            order.reference
        )
        return
    if state.state == payments.OPEN:  # the provider answered but did not close it
        outcome.unreachable.append(order.reference)
        return
    lifecycle.release_unpaid(order, EXPIRED_NOTE)
    outcome.released.append(order.reference)


def release_expired_reservations(*, grace_minutes=DEFAULT_GRACE_MINUTES, cash_days=None):
    """Settle overdue online orders; cancel awaiting-cash orders older than `cash_days`.

    Overdue: past the page's deadline by `grace_minutes` (the provider's own callback
    may still come), or past PAGE_OPENING_TIME with no page at all.
    """
    now = timezone.now()
    outcome = Outcome()
    overdue = (
        Order.objects.filter(status=OrderStatus.PENDING_PAYMENT, payment_method__in=ONLINE_METHODS)
        .filter(
            Q(payment_reference="", payment_expires_at__lt=now)
            | Q(payment_expires_at__lt=now - timedelta(minutes=grace_minutes))
        )
        .order_by("pk")
    )
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
