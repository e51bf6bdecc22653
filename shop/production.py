"""Pieces made to order: where the workshop is with each one, moved forward by shop managers.

A made-to-order line starts « accepted » when the order is placed (`start_production`),
then goes forward only: in progress, ready, shipped. Each move locks the order's row (as
`shop.lifecycle` does, so it queues behind payments and refunds), checks that the line is
still where the staff member saw it, logs the change (`ProductionStatusChange`: who, when,
from, to) and tells the shopper once committed, by the channels they chose
(`shop.emails.production_changed`). Capacity is the product's stock: `shop.stock`.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from . import emails
from .models import Order, OrderLine, OrderStatus, ProductionStatus, ProductionStatusChange

# The production statuses in the order a piece goes through them.
STEPS = list(ProductionStatus)
# A piece is made for an order that is confirmed (paid, or cash promised) or handed over.
OPEN_ORDER_STATUSES = (OrderStatus.AWAITING_CASH, OrderStatus.PAID, OrderStatus.FULFILLED)


class ProductionMoveRefused(Exception):
    """The move is not allowed (backwards, unknown, stale, closed order); nothing changed."""


def later_steps(status):
    """The production statuses a line at `status` may still move to, in order."""
    if status not in STEPS:
        return []
    return STEPS[STEPS.index(status) + 1 :]


def start_production(order):
    """Log the first status (« accepted ») of the order's made-to-order lines, at placing."""
    ProductionStatusChange.objects.bulk_create(
        ProductionStatusChange(
            line=line, to_status=ProductionStatus.ACCEPTED, changed_at=order.created_at
        )
        for line in order.lines.filter(production_status=ProductionStatus.ACCEPTED)
    )


def move_production(line, to_status, *, expected, by, notify=True):
    """Move a made-to-order line forward to `to_status`; refuse anything else, changing nothing.

    `expected` is the status the staff member saw: a line moved meanwhile (another tab,
    another manager) is refused rather than moved twice. Returns the logged change.
    `notify` False sends nothing (the demo).
    """
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=line.order_id)
        line = OrderLine.objects.select_for_update().get(pk=line.pk)
        if not line.production_status:
            raise ProductionMoveRefused(_("This piece is not made to order."))
        if order.status not in OPEN_ORDER_STATUSES:
            raise ProductionMoveRefused(
                _("Order %(reference)s is « %(status)s »: its production cannot move.")
                % {"reference": order.reference, "status": order.get_status_display()}
            )
        current = ProductionStatus(line.production_status)
        if expected != current:
            raise ProductionMoveRefused(
                _("« %(product)s » changed meanwhile: it is « %(status)s ». Nothing was changed.")
                % {"product": line.product_title, "status": current.label}
            )
        if to_status not in later_steps(current):
            raise ProductionMoveRefused(
                _("« %(product)s » is « %(status)s »: production only moves forward.")
                % {"product": line.product_title, "status": current.label}
            )
        change = ProductionStatusChange.objects.create(
            line=line, from_status=current, to_status=to_status, changed_by=by
        )
        line.production_status = to_status
        line.save(update_fields=["production_status"])
        if notify:
            emails.send_on_commit(emails.production_changed, order)
    return change


def history(order):
    """The order's made-to-order lines, each with its production changes, oldest first."""
    lines = order.lines.exclude(production_status="").prefetch_related(
        "production_changes__changed_by"
    )
    return [(line, list(line.production_changes.all())) for line in lines]
