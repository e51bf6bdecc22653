"""The CSV export of orders: one row per order, amounts as integers and as text.

Integer columns are in the currency's minor unit (what the impact figures and an
accountant add up); the formatted columns are for reading. The "impact" columns
hold what each order adds to the impact figures (`shop.sales`, refunds taken
back): their sums over an export equal the figures for the same orders. The file starts with a
UTF-8 byte-order mark so that Excel shows accents correctly.
"""

import csv
import itertools

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import pricing, sales

BOM = "\ufeff"
# A cell starting with one of these is a formula for spreadsheet programs: shoppers
# type their own names and addresses, so such cells are made plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _money(field):
    return lambda order: getattr(order, field)


def _formatted(field):
    return lambda order: pricing.format_money(getattr(order, field), order.currency)


def _impact_lines(order):
    """The order's lines as the impact figures count them (none if the order does not count)."""
    if not hasattr(order, "_impact_lines"):
        order._impact_lines = sales.net_lines(order) if sales.counts(order) else []
    return order._impact_lines


def _impact(attribute):
    return lambda order: sum(getattr(net, attribute) for net in _impact_lines(order))


COLUMNS = [
    (_("Reference"), lambda order: order.reference),
    (_("Placed at"), lambda order: _local(order.created_at)),
    (_("Status"), lambda order: order.get_status_display()),
    (_("Payment method"), lambda order: order.get_payment_method_display()),
    (_("Delivery or pickup"), lambda order: order.get_fulfilment_display()),
    (_("Name"), lambda order: order.customer_name),
    (_("E-mail address"), lambda order: order.email),
    (_("Phone"), lambda order: order.phone),
    (_("Currency"), lambda order: order.currency),
    (_("Pieces"), lambda order: sum(line.quantity for line in order.lines.all())),
    (_("Artisans' share (minor units)"), _money("artisan_total")),
    (_("Shop's share (minor units)"), _money("markup_total")),
    (_("Products total (minor units)"), _money("items_total")),
    (_("Delivery fee (minor units)"), _money("delivery_fee")),
    (_("Total (minor units)"), _money("total")),
    (_("Refunded (minor units)"), _money("refunded_amount")),
    (_("Artisans' share"), _formatted("artisan_total")),
    (_("Shop's share"), _formatted("markup_total")),
    (_("Total"), _formatted("total")),
    (_("Refunded"), _formatted("refunded_amount")),
    (_("Counts in the impact figures"), lambda order: _("yes") if sales.counts(order) else ""),
    (
        _("Impact: pieces sold"),
        lambda order: sum(net.line.quantity for net in _impact_lines(order)),
    ),
    (_("Impact: paid to artisans (minor units)"), _impact("artisan_share")),
    (_("Impact: markup collected (minor units)"), _impact("markup")),
    (_("Needs a refund"), lambda order: _("yes") if order.needs_refund else ""),
    (_("Paid at"), lambda order: _local(order.paid_at)),
    (_("Fulfilled at"), lambda order: _local(order.fulfilled_at)),
    (_("Payment provider"), lambda order: order.payment_provider),
    (_("Provider's payment"), lambda order: order.payment_transaction_id),
]


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file-like object that hands each written line back to the streaming response."""

    def write(self, value):
        return value


def csv_rows(rows):
    """Any table (an iterable of rows) as CSV lines, BOM first, formula-like cells made text."""
    writer = csv.writer(_Echo())
    for number, row in enumerate(rows):
        line = writer.writerow([_cell(value) for value in row])
        yield BOM + line if number == 0 else line


def csv_lines(orders):
    """The export, line by line, for a StreamingHttpResponse."""
    orders = orders.prefetch_related("lines", "refunds__returned_lines").iterator(chunk_size=500)
    yield from csv_rows(
        itertools.chain(
            [[str(heading) for heading, _value in COLUMNS]],
            ([value(order) for _heading, value in COLUMNS] for order in orders),
        )
    )
