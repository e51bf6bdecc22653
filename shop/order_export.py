"""The CSV export of orders: one row per order, amounts as integers and as text.

Integer columns are in the currency's minor unit (what the impact figures and an
accountant add up); the formatted columns are for reading. The file starts with a
UTF-8 byte-order mark so that Excel shows accents correctly.
"""

import csv

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import pricing

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
    (_("Needs a refund"), lambda order: _("yes") if order.needs_refund else ""),
    (_("Paid at"), lambda order: _local(order.paid_at)),
    (_("Fulfilled at"), lambda order: _local(order.fulfilled_at)),
    (_("Stripe payment"), lambda order: order.stripe_payment_intent_id),
]


def _cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    """A file-like object that hands each written line back to the streaming response."""

    def write(self, value):
        return value


def csv_lines(orders):
    """The export, line by line, for a StreamingHttpResponse."""
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([str(heading) for heading, _value in COLUMNS])
    for order in orders.prefetch_related("lines").iterator(chunk_size=500):
        yield writer.writerow([_cell(value(order)) for _heading, value in COLUMNS])
