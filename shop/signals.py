"""Signals the shop sends for other parts of the site to react to."""

from django.dispatch import Signal

# Sent once the transaction commits, when an order's status or refunded amount changed.
# Arguments: `order` (the order as saved), `from_status` and `to_status` (the same when
# only the refunded amount changed). The impact figures listen to it to drop their
# cache (see `impact.figures`); page caches may too.
order_changed = Signal()
