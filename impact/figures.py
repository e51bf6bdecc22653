"""Impact figures as they are published: periods, headline figures, workshop groups.

What counts as a sale is `shop.sales`; this module reads counted sales into a
`Ledger` (month × workshop × artisan sums) cached until an order changes
(`shop.signals.order_changed`), and derives from it every public figure of the
impact page, its CSV files, the partners' figures, the home page sentence and the
admin's reconciliation. Workshops with fewer artisans than a threshold are merged
before anything is published (`publishable_workshops`).
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from shop import pricing
from shop.cache_versions import current_version, renew_version
from shop.models import ShopSettings
from shop.sales import (
    COUNTED_STATUSES,
    Tally,
    add_months,
    counted_lines,
    counted_orders,
    group_expression,
    local_zone,
    sales_by,
    start_of,
)
from stories.models import Workshop

DEFAULT_SMALL_GROUP_THRESHOLD = 3
CACHE_VERSION_KEY = "impact:figures:version"
# Figures are dropped as soon as an order changes; the timeout only bounds the damage
# of a change made outside `shop.lifecycle` (a script, the database shell).
CACHE_TIMEOUT = 6 * 60 * 60
OTHER_WORKSHOPS = _("Other workshops")
UNKNOWN_WORKSHOP = _("Workshop not recorded")


# Periods ---------------------------------------------------------------------


@dataclass(frozen=True)
class MonthRange:
    """Whole months from `first` to `last` included (first days of months; None: open)."""

    first: date | None = None
    last: date | None = None

    def includes(self, month):
        return (self.first is None or month >= self.first) and (
            self.last is None or month <= self.last
        )

    def bounds(self):
        """[start, end) as aware datetimes at local midnight, for database filters."""
        start = start_of(self.first) if self.first else None
        end = start_of(add_months(self.last, 1)) if self.last else None
        return start, end


def current_month():
    return timezone.localdate().replace(day=1)


def this_year():
    month = current_month()
    return MonthRange(month.replace(month=1), month)


def last_months(count):
    """The `count` months up to and including the current one."""
    month = current_month()
    return MonthRange(add_months(month, 1 - count), month)


# Figures ---------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """The headline figures of a period."""

    paid_to_artisans: int
    items: int
    artisans: int
    orders: int
    markup: int

    @property
    def average_per_artisan(self):
        return pricing.average(self.paid_to_artisans, self.artisans)

    @property
    def paid_by_shoppers(self):
        return self.paid_to_artisans + self.markup

    @property
    def artisan_share_per_hundred(self):
        """Of every 100 units shoppers paid for the pieces, how many went to the artisans."""
        if not self.paid_by_shoppers:
            return 0
        return pricing.average(100 * self.paid_to_artisans, self.paid_by_shoppers)

    @property
    def markup_per_hundred(self):
        return 100 - self.artisan_share_per_hundred if self.paid_by_shoppers else 0


@dataclass(frozen=True)
class MonthFigures(Figures):
    month: date = None


@dataclass(frozen=True)
class WorkshopGroup:
    """A workshop's figures as published, or several small workshops merged."""

    name: str
    workshop_keys: frozenset
    workshop_names: tuple
    artisans: int
    items: int
    paid_to_artisans: int
    markup: int
    merged: bool = False


@dataclass(frozen=True)
class Cell:
    """Counted sales of one artisan, in one workshop, in one month."""

    month: date
    workshop: int | None
    artisan: int | None
    tally: Tally


@dataclass
class Ledger:
    """Every counted sale summed by month, workshop and artisan: what public figures read.

    Small (a few hundred cells for years of sales), so it is cached whole and every
    period, chart and table is derived from it without touching the database.
    """

    currency: str
    cells: list = field(default_factory=list)
    orders_by_month: dict = field(default_factory=dict)
    workshop_names: dict = field(default_factory=dict)

    def first_month(self):
        months = [cell.month for cell in self.cells] + list(self.orders_by_month)
        return min(months) if months else current_month()

    def resolve(self, period):
        """The period with open ends closed on the first sale and the current month."""
        return MonthRange(period.first or self.first_month(), period.last or current_month())

    def _cells(self, period):
        return [cell for cell in self.cells if period.includes(cell.month)]

    def figures(self, period=MonthRange()):
        """Headline figures of a period (all time by default)."""
        return _figures(
            self._cells(period),
            sum(count for month, count in self.orders_by_month.items() if period.includes(month)),
        )

    def monthly(self, period):
        """Figures for every month of the period, months without sales included."""
        period = self.resolve(period)
        by_month = {}
        for cell in self._cells(period):
            by_month.setdefault(cell.month, []).append(cell)
        result, month = [], period.first
        while month <= period.last:
            base = _figures(by_month.get(month, []), self.orders_by_month.get(month, 0))
            result.append(MonthFigures(**vars(base), month=month))
            month = add_months(month, 1)
        return result

    def workshops(self, period=MonthRange(), threshold=DEFAULT_SMALL_GROUP_THRESHOLD):
        """Per-workshop figures as they may be published (see `publishable_workshops`)."""
        groups = {}
        for cell in self._cells(period):
            groups.setdefault(cell.workshop, []).append(cell)
        raw = [
            _workshop_group(frozenset([key]), name, [name], cells)
            for key, cells in groups.items()
            for name in [self.workshop_names.get(key, str(UNKNOWN_WORKSHOP))]
        ]
        raw = [group for group in raw if group.items]
        return publishable_workshops(raw, threshold, cells=self._cells(period))

    def for_workshops(self, workshop_keys, period=MonthRange(), threshold=None):
        """A partner's figures: the published workshop groups made only of its workshops.

        Adding up published groups tells nothing that is not published already; a
        workshop merged into "other workshops" with someone else's stays out, and the
        names of those left out are returned so the page can say so.
        """
        threshold = DEFAULT_SMALL_GROUP_THRESHOLD if threshold is None else threshold
        keys = set(workshop_keys)
        included, left_out = [], []
        for group in self.workshops(period, threshold):
            if group.workshop_keys <= keys:
                included.append(group)
            elif group.workshop_keys & keys:
                left_out.extend(
                    self.workshop_names.get(key, str(UNKNOWN_WORKSHOP))
                    for key in sorted(group.workshop_keys & keys, key=str)
                )
        included_keys = set().union(*(group.workshop_keys for group in included))
        cells = [cell for cell in self._cells(period) if cell.workshop in included_keys]
        return PartnerFigures(
            figures=_figures(cells, orders=None),
            workshop_names=tuple(name for group in included for name in group.workshop_names),
            left_out=tuple(left_out),
        )


@dataclass(frozen=True)
class PartnerFigures:
    figures: Figures
    workshop_names: tuple
    left_out: tuple


def _earners(cells):
    shares = {}
    for cell in cells:
        if cell.artisan is not None:
            shares[cell.artisan] = shares.get(cell.artisan, 0) + cell.tally.artisan_share
    return {artisan for artisan, share in shares.items() if share > 0}


def _figures(cells, orders):
    total = Tally()
    for cell in cells:
        total.add(cell.tally)
    return Figures(
        paid_to_artisans=total.artisan_share,
        items=total.items,
        artisans=len(_earners(cells)),
        orders=orders if orders is not None else 0,
        markup=total.markup,
    )


def _workshop_group(keys, name, names, cells, merged=False):
    figures = _figures(cells, orders=None)
    return WorkshopGroup(
        name=name,
        workshop_keys=keys,
        workshop_names=tuple(names),
        artisans=figures.artisans,
        items=figures.items,
        paid_to_artisans=figures.paid_to_artisans,
        markup=figures.markup,
        merged=merged,
    )


def publishable_workshops(groups, threshold, cells):
    """Workshop groups safe to publish: no figure describes fewer than `threshold` artisans.

    Workshops where fewer than `threshold` artisans earned are merged into "other
    workshops". That group is also published, and anyone can compute it from the total
    and the other rows, so it must protect people too: it takes in the next smallest
    workshops until it holds at least two workshops (one workshop merged alone would
    be shown under another name) and at least `threshold` artisans. Returned largest
    first (by pieces sold), "other workshops" last.
    """
    small = [group for group in groups if group.artisans < threshold]
    if not small:
        return sorted(groups, key=lambda group: (-group.items, group.name))
    shown = sorted(
        (group for group in groups if group.artisans >= threshold),
        key=lambda group: (group.artisans, group.items, group.name),
    )
    merged = list(small)
    merged_keys = set().union(*(group.workshop_keys for group in merged))

    def merged_artisans():
        return len(_earners([cell for cell in cells if cell.workshop in merged_keys]))

    while shown and (len(merged) < 2 or merged_artisans() < threshold):
        absorbed = shown.pop(0)
        merged.append(absorbed)
        merged_keys |= absorbed.workshop_keys
    merged_cells = [cell for cell in cells if cell.workshop in merged_keys]
    names = sorted(name for group in merged for name in group.workshop_names)
    other = _workshop_group(
        frozenset(merged_keys), str(OTHER_WORKSHOPS), names, merged_cells, merged=True
    )
    shown.sort(key=lambda group: (-group.items, group.name))
    return [*shown, other]


# The cached ledger -----------------------------------------------------------


def build_ledger(currency):
    """Read every counted sale from the database (two queries, three with refunds)."""
    lines = counted_lines(currency)
    cells = [
        Cell(month=month, workshop=workshop, artisan=artisan, tally=tally)
        for (month, workshop, artisan), tally in sales_by(
            ("month", "workshop", "artisan"), lines
        ).items()
    ]
    orders = (
        counted_orders(currency)
        .annotate(month=group_expression("month"))
        .values("month")
        .annotate(count=Count("pk"))
        .order_by()
    )
    # Workshops by today's name; one deleted since keeps the name its lines kept.
    workshop_ids = {cell.workshop for cell in cells if cell.workshop is not None}
    names = dict(Workshop.objects.filter(pk__in=workshop_ids).values_list("pk", "name"))
    if workshop_ids - set(names):
        names.update(
            lines.filter(workshop_id__in=workshop_ids - set(names))
            .values("workshop_id")
            .annotate(name=Max("workshop_name"))
            .values_list("workshop_id", "name")
            .order_by()
        )
    return Ledger(
        currency=currency,
        cells=sorted(cells, key=lambda cell: (cell.month, str(cell.workshop), str(cell.artisan))),
        orders_by_month={row["month"]: row["count"] for row in orders},
        workshop_names=names,
    )


def ledger(currency):
    """The ledger of counted sales in `currency`, from the cache when nothing changed since."""
    # Months depend on the time zone: a new one reads new figures.
    key = f"impact:figures:{current_version(CACHE_VERSION_KEY)}:{currency}:{local_zone()}"
    cached = cache.get(key)
    if cached is None:
        cached = build_ledger(currency)
        cache.set(key, cached, timeout=CACHE_TIMEOUT)
    return cached


def invalidate():
    """Forget every cached ledger: the next reader builds a fresh one."""
    renew_version(CACHE_VERSION_KEY)


def invalidate_on_change(sender, order, from_status, to_status, **kwargs):
    """An order changed: drop the figures, unless it neither counted before nor counts now.

    Most changes of unpaid orders (a card payment page that expired, a cancelled cash
    order) leave the figures as they were, and the cache with them.
    """
    if from_status in COUNTED_STATUSES or to_status in COUNTED_STATUSES:
        invalidate()


def connect_signals():
    """Called once at start-up by `ImpactConfig.ready`."""
    from shop.signals import order_changed

    order_changed.connect(invalidate_on_change, dispatch_uid="impact.figures.invalidate")


# The home page's sentence -------------------------------------------------------


@dataclass(frozen=True)
class ImpactSummary:
    """The home page's sentence: what artisans were paid since the first sale."""

    paid_to_artisans: str
    artisans: int
    items: int
    since: str


def impact_summary(request):
    """All-time figures from paid orders, or None before the first sale."""
    shop_settings = ShopSettings.for_request(request)
    ledger_now = ledger(shop_settings.currency)
    totals = ledger_now.figures()
    if not totals.items:
        return None
    return ImpactSummary(
        paid_to_artisans=pricing.format_money(
            totals.paid_to_artisans, shop_settings.currency, get_language()
        ),
        artisans=totals.artisans,
        items=totals.items,
        since=formats.date_format(ledger_now.first_month(), "F Y"),
    )
