"""What counts as a sale, and the sums of order lines: one definition for every figure.

Used by the impact figures (`impact.figures`), the artisans' earnings, the order
export's « Impact » columns and the stories report:

- An order counts once paid: status paid or fulfilled, in the shop's currency. An
  order refunded in whole, or whose every piece came back (status refunded), counts
  for nothing (no piece, no money, no artisan). A partial refund takes money back,
  split between the artisans' share, the markup and the delivery fee by
  `pricing.split_refund` and spread over the order's lines by `pricing.allocate`;
  the order and its pieces still count. A return (`shop.refunds.refund_return`)
  says which pieces came back: once its refund succeeded, their line counts for the
  pieces kept only (the returned pieces' artisan share and markup, exactly), and the
  delivery fee it gave back leaves the fee.
- Amounts come from the order lines' snapshots (artisan's price, markup, quantity),
  never from today's products or settings. Delivery fees are not impact.
- An order belongs to the month it was paid in, in the site's time zone.
- An artisan "earned" in a period when their share of its counted lines is above 0,
  counted by the artisan id kept on the lines; workshops by the workshop kept there.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import BigIntegerField, Count, DateField, F, Sum
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from . import pricing
from .models import Order, OrderLine, OrderStatus, RefundStatus

COUNTED_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED)


def local_zone():
    """The site's time zone (Africa/Dakar by default), where months begin and end."""
    return timezone.get_default_timezone()


def month_of(moment):
    """The first day of the local month of an aware datetime."""
    return timezone.localtime(moment, local_zone()).date().replace(day=1)


def add_months(month, count):
    """The first day of the month `count` months after `month` (before, if negative)."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def start_of(day):
    """Local midnight at the start of `day`, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min), local_zone())


# What counts -----------------------------------------------------------------


def counted_lines(currency, start=None, end=None):
    """Order lines of counted orders paid in [start, end) (aware datetimes, either open)."""
    lines = OrderLine.objects.filter(
        order__status__in=COUNTED_STATUSES,
        order__currency=currency,
        order__refunded_amount__lt=F("order__total"),
    ).annotate(counted_at=Coalesce("order__paid_at", "order__created_at"))
    if start is not None:
        lines = lines.filter(counted_at__gte=start)
    if end is not None:
        lines = lines.filter(counted_at__lt=end)
    return lines


def counted_orders(currency, start=None, end=None):
    """Counted orders (see the module's docstring) paid in [start, end)."""
    orders = Order.objects.filter(
        status__in=COUNTED_STATUSES, currency=currency, refunded_amount__lt=F("total")
    ).annotate(counted_at=Coalesce("paid_at", "created_at"))
    if start is not None:
        orders = orders.filter(counted_at__gte=start)
    if end is not None:
        orders = orders.filter(counted_at__lt=end)
    return orders


@dataclass(frozen=True)
class NetLine:
    """An order line with what it brought once the order's refunds are taken back."""

    line: OrderLine
    artisan_share: int
    markup: int
    quantity: int  # the pieces kept: the line's less those returned


def returns_of(order):
    """({line id: pieces returned}, delivery fee given back) by the order's succeeded refunds."""
    quantities, delivery = {}, 0
    if not order.refunded_amount:
        return quantities, delivery  # nothing succeeded: no return counts yet
    for refund in order.refunds.all():
        if refund.status != RefundStatus.SUCCEEDED:
            continue
        delivery += refund.delivery_amount
        for returned in refund.returned_lines.all():
            quantities[returned.line_id] = quantities.get(returned.line_id, 0) + returned.quantity
    return quantities, delivery


def net_lines(order, lines=None):
    """The order's lines, each less its returned pieces and its part of the other refunds.

    `lines` are all the order's lines (prefetched), in any order.
    """
    lines = list(order.lines.all()) if lines is None else list(lines)
    returned, delivery_back = returns_of(order)
    kept = [line.quantity - returned.get(line.pk, 0) for line in lines]
    artisan_totals = [
        pricing.line_total(line.artisan_price, count)
        for line, count in zip(lines, kept, strict=True)
    ]
    markup_totals = [
        pricing.line_total(line.markup_amount, count)
        for line, count in zip(lines, kept, strict=True)
    ]
    returned_value = pricing.return_amount(
        [(line.unit_price, returned.get(line.pk, 0)) for line in lines], delivery_back
    )
    split = pricing.split_refund(
        max(min(order.refunded_amount, order.total) - returned_value, 0),
        sum(artisan_totals),
        sum(markup_totals),
        max(order.delivery_fee - delivery_back, 0),
    )
    artisan_back = pricing.allocate(split.artisan, artisan_totals)
    markup_back = pricing.allocate(split.markup, markup_totals)
    return [
        NetLine(line, artisan - taken, markup - markup_taken, count)
        for line, artisan, taken, markup, markup_taken, count in zip(
            lines, artisan_totals, artisan_back, markup_totals, markup_back, kept, strict=True
        )
    ]


def counts(order):
    """Whether an order counts in the figures at all."""
    return order.status in COUNTED_STATUSES and order.refunded_amount < order.total


@dataclass
class Tally:
    """Sums over counted lines: pieces, artisans' share, markup and how many orders."""

    items: int = 0
    artisan_share: int = 0
    markup: int = 0
    orders: int = 0

    def add(self, other):
        self.items += other.items
        self.artisan_share += other.artisan_share
        self.markup += other.markup
        self.orders += other.orders

    @property
    def paid_by_shoppers(self):
        """What shoppers paid for the pieces (delivery apart), refunds deducted."""
        return self.artisan_share + self.markup


def group_expression(name):
    if name == "month":
        return TruncMonth("counted_at", output_field=DateField(), tzinfo=local_zone())
    return F(f"{name}_id")


def _python_key(net, name):
    if name == "month":
        order = net.line.order
        return month_of(order.paid_at or order.created_at)
    return getattr(net.line, f"{name}_id")


def sales_by(keys, lines):
    """Counted `lines` (from `counted_lines`) summed by `keys` → {key tuple: Tally}.

    `keys` name what to group by: "month", "workshop", "artisan", "story", "product".
    Orders without a refund (nearly all) are summed in the database; partly refunded
    ones line by line, so that their refund is spread over every line of the order
    even when `lines` holds only some of them.
    """
    result = {}
    amount = {"output_field": BigIntegerField()}
    plain = (
        lines.filter(order__refunded_amount=0)
        .values(**{f"group_{name}": group_expression(name) for name in keys})
        .annotate(
            sum_items=Sum("quantity"),
            sum_artisan=Sum(F("artisan_price") * F("quantity"), **amount),
            sum_markup=Sum(F("markup_amount") * F("quantity"), **amount),
            sum_orders=Count("order", distinct=True),
        )
        .order_by()
    )
    for row in plain:
        key = tuple(row[f"group_{name}"] for name in keys)
        result[key] = Tally(
            row["sum_items"], row["sum_artisan"], row["sum_markup"], row["sum_orders"]
        )
    partly_refunded = lines.filter(order__refunded_amount__gt=0)
    kept = set(partly_refunded.values_list("pk", flat=True))
    if not kept:
        return result
    orders = Order.objects.filter(pk__in=partly_refunded.values("order_id")).prefetch_related(
        "lines", "refunds__returned_lines"
    )
    orders_by_key = {}
    for order in orders:
        for net in net_lines(order):
            if net.line.pk not in kept:
                continue
            key = tuple(_python_key(net, name) for name in keys)
            tally = result.setdefault(key, Tally())
            tally.items += net.quantity
            tally.artisan_share += net.artisan_share
            tally.markup += net.markup
            if net.quantity:  # an order whose pieces all came back is no sale
                orders_by_key.setdefault(key, set()).add(order.pk)
    for key, order_ids in orders_by_key.items():
        result[key].orders += len(order_ids)
    return result


# Reconciliation ----------------------------------------------------------------


def order_totals_by_month(currency):
    """{month: Tally} added up from the orders' own totals, not from their lines.

    A second road to the same figures, for the admin's reconciliation: the orders'
    recorded artisans' share and markup, less the refund split by the same rule (an
    order with a refund goes line by line, `net_lines`, for the pieces returned).
    Pieces are not recorded on orders, so `items` stays 0 here.
    """
    totals = {}
    plain = (
        counted_orders(currency)
        .filter(refunded_amount=0)
        .annotate(month=TruncMonth("counted_at", output_field=DateField(), tzinfo=local_zone()))
        .values("month")
        .annotate(artisan=Sum("artisan_total"), markup=Sum("markup_total"), orders=Count("pk"))
        .order_by()
    )
    for row in plain:
        totals[row["month"]] = Tally(0, row["artisan"], row["markup"], row["orders"])
    refunded = counted_orders(currency).filter(refunded_amount__gt=0)
    for order in refunded.prefetch_related("lines", "refunds__returned_lines"):
        net = net_lines(order)
        tally = totals.setdefault(month_of(order.counted_at), Tally())
        tally.add(
            Tally(
                0,
                sum(line.artisan_share for line in net),
                sum(line.markup for line in net),
                int(any(line.quantity for line in net)),
            )
        )
    return totals
