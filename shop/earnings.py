"""What each artisan earned and was paid: for shop managers, never for the public.

What an artisan is owed is their share of counted sales, by the same rules as the
impact figures (`shop.sales`: paid orders, refunds taken back, line snapshots);
what they were paid is the sum of their payouts. A statement covers a period of
days: the balance brought forward, the sales and payouts of the period, the
balance carried forward.

An artisan has a page in each language, and a sale made in English names the English
one: accounts are kept per artisan, under their page in the site's first language
(`account_holder`), whichever translation a sale or a payout names.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum
from wagtail.models import Locale

from . import relations, sales
from .models import ArtisanPayout


@dataclass(frozen=True)
class DateRange:
    """From `start` to `end`, both days included (local dates)."""

    start: date
    end: date

    def bounds(self):
        """[start, end) as aware datetimes, for database filters."""
        return sales.start_of(self.start), sales.start_of(self.end + timedelta(days=1))


def account_holders(artisan_ids):
    """{artisan page id: id of the same artisan's page in the site's first language}."""
    pages = dict(
        relations.artisan_model()
        .objects.filter(pk__in=artisan_ids)
        .values_list("pk", "translation_key")
    )
    first_language = dict(
        relations.artisan_model()
        .objects.filter(translation_key__in=set(pages.values()), locale=Locale.get_default())
        .values_list("translation_key", "pk")
    )
    return {pk: first_language.get(key, pk) for pk, key in pages.items()}


def account_holder(artisan):
    """The artisan's page in the site's first language, which their account is kept under."""
    if artisan.locale_id == Locale.get_default().pk:
        return artisan
    return (
        relations.artisan_model()
        .objects.filter(translation_key=artisan.translation_key, locale=Locale.get_default())
        .first()
        or artisan
    )


def _pages_of(artisan):
    """Every translation of the artisan's page: a sale or payout may name any of them."""
    return (
        relations.artisan_model()
        .objects.filter(translation_key=artisan.translation_key)
        .values("pk")
    )


def _by_holder(by_page, add):
    holders = account_holders(set(by_page))
    result = {}
    for pk, value in by_page.items():
        holder = holders.get(pk, pk)
        result[holder] = add(result[holder], value) if holder in result else value
    return result


def _add_tallies(first, second):
    total = sales.Tally()
    total.add(first)
    total.add(second)
    return total


@dataclass
class ArtisanEarnings:
    """One artisan's account over a period."""

    artisan_id: int
    name: str
    items: int = 0
    owed: int = 0
    paid_out: int = 0
    brought_forward: int = 0

    @property
    def balance(self):
        """What the shop still owes at the end of the period (negative: paid in advance)."""
        return self.brought_forward + self.owed - self.paid_out


def _owed_by_artisan(currency, start=None, end=None, artisan=None):
    lines = sales.counted_lines(currency, start, end).exclude(artisan_id=None)
    if artisan is not None:
        lines = lines.filter(artisan_id__in=_pages_of(artisan))
    by_page = {key[0]: tally for key, tally in sales.sales_by(("artisan",), lines).items()}
    return _by_holder(by_page, _add_tallies)


def _paid_by_artisan(currency, start=None, end=None, artisan=None):
    payouts = ArtisanPayout.objects.filter(currency=currency)
    if artisan is not None:
        payouts = payouts.filter(artisan__in=_pages_of(artisan))
    if start is not None:
        payouts = payouts.filter(paid_on__gte=start)
    if end is not None:
        payouts = payouts.filter(paid_on__lte=end)
    rows = payouts.values("artisan_id").annotate(total=Sum("amount")).order_by()
    return _by_holder({row["artisan_id"]: row["total"] for row in rows}, int.__add__)


def earnings(currency, period):
    """Every artisan with sales or payouts, and their account over `period`."""
    start, end = period.bounds()
    owed = _owed_by_artisan(currency, start, end)
    owed_before = _owed_by_artisan(currency, None, start)
    paid = _paid_by_artisan(currency, period.start, period.end)
    paid_before = _paid_by_artisan(currency, None, period.start - timedelta(days=1))
    ids = set(owed) | set(owed_before) | set(paid) | set(paid_before)
    names = dict(relations.artisan_model().objects.filter(pk__in=ids).values_list("pk", "title"))
    accounts = [
        ArtisanEarnings(
            artisan_id=artisan_id,
            name=names.get(artisan_id, str(artisan_id)),
            items=owed[artisan_id].items if artisan_id in owed else 0,
            owed=owed[artisan_id].artisan_share if artisan_id in owed else 0,
            paid_out=paid.get(artisan_id, 0),
            brought_forward=(
                owed_before[artisan_id].artisan_share if artisan_id in owed_before else 0
            )
            - paid_before.get(artisan_id, 0),
        )
        for artisan_id in ids
    ]
    return sorted(accounts, key=lambda account: account.name.lower())


@dataclass(frozen=True)
class StatementSale:
    """A sold piece on a statement: the order, the piece, and what the artisan is owed."""

    paid_at: object
    reference: str
    product: str
    quantity: int
    artisan_price: int
    refunded: int
    owed: int


@dataclass
class Statement:
    """An artisan's statement for a period, as printed and handed to them."""

    artisan: object
    period: DateRange
    currency: str
    brought_forward: int
    sales: list = field(default_factory=list)
    payouts: list = field(default_factory=list)

    @property
    def owed(self):
        return sum(sale.owed for sale in self.sales)

    @property
    def items(self):
        return sum(sale.quantity for sale in self.sales)

    @property
    def paid_out(self):
        return sum(payout.amount for payout in self.payouts)

    @property
    def balance(self):
        return self.brought_forward + self.owed - self.paid_out


def statement(artisan, currency, period):
    """The artisan's sales and payouts over `period`, with balances before and after.

    Whichever translation `artisan` is, the statement is the whole account's, under
    the page in the site's first language.
    """
    artisan = account_holder(artisan)
    start, end = period.bounds()
    lines = list(
        sales.counted_lines(currency, start, end)
        .filter(artisan_id__in=_pages_of(artisan))
        .select_related("order")
        .order_by("counted_at", "pk")
    )
    refunded_orders = {line.order for line in lines if line.order.refunded_amount}
    net = {}
    for order in refunded_orders:
        for item in sales.net_lines(order):
            net[item.line.pk] = item.artisan_share
    period_sales = [
        StatementSale(
            paid_at=line.counted_at,
            reference=line.order.reference,
            product=line.product_title,
            quantity=line.quantity,
            artisan_price=line.artisan_price,
            refunded=line.artisan_total - net.get(line.pk, line.artisan_total),
            owed=net.get(line.pk, line.artisan_total),
        )
        for line in lines
    ]
    owed_before = _owed_by_artisan(currency, None, start, artisan).get(artisan.pk)
    paid_before = _paid_by_artisan(currency, None, period.start - timedelta(days=1), artisan)
    payouts = ArtisanPayout.objects.filter(
        artisan__in=_pages_of(artisan),
        currency=currency,
        paid_on__gte=period.start,
        paid_on__lte=period.end,
    ).select_related("recorded_by")
    return Statement(
        artisan=artisan,
        period=period,
        currency=currency,
        brought_forward=(owed_before.artisan_share if owed_before else 0)
        - paid_before.get(artisan.pk, 0),
        sales=period_sales,
        payouts=list(payouts.order_by("paid_on", "pk")),
    )
