"""Every money rule of the shop, as pure functions on integers.

Amounts are integers in the currency's minor unit (1 = 1 franc for XOF, 1 = 1 cent
for EUR). Markup rates are percentages held as Decimal with at most two decimals;
they are turned into integer basis points before any arithmetic, so no float ever
touches an amount. Templates, views, orders and reports call these functions and
never re-derive a price.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models
from django.db.models.functions import Cast

# ISO 4217 codes of the circulating currencies a shop can price goods in. Left out on purpose:
# fund and accounting units (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious metals,
# test and bond codes (XAG, XAU, XBA-XBD, XDR, XPD, XPT, XSU, XTS, XUA, XXX), and withdrawn
# currencies (ANG, CUC, HRK, SLL, ZWL: replaced by XCG, CUP, EUR, SLE and ZWG).
ISO_4217_CURRENCIES = frozenset(
    {
        "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
        "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
        "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK",
        "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP",
        "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD",
        "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD",
        "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD",
        "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN",
        "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
        "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
        "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND",
        "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES",
        "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
    }
)  # fmt: skip

# Stripe's zero-decimal currencies: amounts are already in whole units.
ZERO_DECIMAL_CURRENCIES = frozenset(
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
        "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    }
)  # fmt: skip
# ISO 4217 currencies with three decimals.
THREE_DECIMAL_CURRENCIES = frozenset({"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"})

CURRENCY_SYMBOLS = {
    "XOF": "FCFA",
    "XAF": "FCFA",
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "CHF": "CHF",
    "JPY": "¥",
    "MAD": "MAD",
}
# Symbols written before the amount in English ("€12.50"); French always puts them after.
SYMBOL_FIRST_IN_ENGLISH = frozenset({"EUR", "USD", "GBP", "JPY"})

# The CFA franc is pegged to the euro: 1 EUR = 655.957 XOF (and XAF).
CFA_PER_EURO = Decimal("655.957")
CFA_CURRENCIES = frozenset({"XOF", "XAF"})

# 100 % is 10 000 basis points: a rate with two decimals is a whole number of them.
BASIS_POINTS_PER_UNIT = 10_000

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"


def is_currency_code(code):
    """Whether `code` is the ISO 4217 code of a circulating currency (upper case, e.g. XOF)."""
    return isinstance(code, str) and code in ISO_4217_CURRENCIES


def currency_exponent(currency):
    """Number of minor-unit digits of an ISO 4217 currency (0, 2 or 3)."""
    code = currency.upper()
    if code in ZERO_DECIMAL_CURRENCIES:
        return 0
    if code in THREE_DECIMAL_CURRENCIES:
        return 3
    return 2


def currency_symbol(currency):
    """What readers see after an amount: « FCFA », « € », or the code itself."""
    code = currency.upper()
    return CURRENCY_SYMBOLS.get(code, code)


def rate_basis_points(rate):
    """A percentage (Decimal, int or numeric string, at most 2 decimals) as basis points."""
    if isinstance(rate, float | bool):
        raise TypeError("Markup rates must be Decimal, int or str, never float.")
    try:
        scaled = Decimal(rate) * 100
    except (InvalidOperation, TypeError) as error:
        raise ValueError(f"Invalid markup rate: {rate!r}") from error
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        raise ValueError(f"A markup rate has at most two decimals: {rate!r}")
    points = int(scaled)
    if not 0 <= points <= BASIS_POINTS_PER_UNIT:
        raise ValueError(f"A markup rate lies between 0 and 100 %: {rate!r}")
    return points


def _check_amount(amount, name="amount"):
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"{name} must be an integer in minor units, not {type(amount).__name__}.")
    if amount < 0:
        raise ValueError(f"{name} cannot be negative: {amount}")


def markup_amount(artisan_price, rate):
    """The shop's markup on one unit: round_half_up(artisan_price * rate / 100)."""
    _check_amount(artisan_price, "artisan_price")
    points = rate_basis_points(rate)
    # Integer half-up rounding: add half the divisor before flooring.
    return (artisan_price * points + BASIS_POINTS_PER_UNIT // 2) // BASIS_POINTS_PER_UNIT


def unit_price(artisan_price, rate):
    """What the shopper pays for one unit: the artisan's price plus the markup."""
    return artisan_price + markup_amount(artisan_price, rate)


def unit_price_expression(rate, artisan_price="artisan_price"):
    """`unit_price()` as a database expression, to filter and sort products by what shoppers pay.

    The same integer formula as `markup_amount()`: (price × points + 5 000) ÷ 10 000 with
    integer division, which floors on non-negative integers in SQLite and PostgreSQL.
    The price is widened to a 64-bit integer first so that price × points cannot overflow
    PostgreSQL's 32-bit `integer`. Tests check it agrees with `unit_price()`.
    """
    points = rate_basis_points(rate)
    price = models.F(artisan_price) if isinstance(artisan_price, str) else artisan_price
    wide_price = Cast(price, output_field=models.BigIntegerField())
    markup = (wide_price * points + BASIS_POINTS_PER_UNIT // 2) / BASIS_POINTS_PER_UNIT
    return models.ExpressionWrapper(wide_price + markup, output_field=models.BigIntegerField())


def line_total(unit_amount, quantity):
    """The total of one cart or order line."""
    _check_amount(unit_amount, "unit_amount")
    _check_amount(quantity, "quantity")
    return unit_amount * quantity


def order_total(line_totals):
    """The sum of integer line totals (and fees, which are lines too)."""
    total = 0
    for amount in line_totals:
        _check_amount(amount, "line total")
        total += amount
    return total


def return_amount(units_and_quantities, delivery_fee=0):
    """What a return gives back: each piece at the price it was sold, and the fee if refunded.

    `units_and_quantities` holds (unit price, pieces returned) pairs from the order lines.
    """
    return order_total(
        [*(line_total(unit, quantity) for unit, quantity in units_and_quantities), delivery_fee]
    )


@dataclass(frozen=True)
class PriceBreakdown:
    """One unit's price split between the artisan and the shop."""

    artisan_price: int
    markup_rate: Decimal
    markup_amount: int
    unit_price: int


def price_breakdown(artisan_price, rate):
    """The breakdown shown on product pages and snapshotted on order lines."""
    markup = markup_amount(artisan_price, rate)
    return PriceBreakdown(
        artisan_price=artisan_price,
        markup_rate=Decimal(rate),
        markup_amount=markup,
        unit_price=artisan_price + markup,
    )


def artisan_price_within(budget, rate):
    """The largest artisan's price whose unit price (markup added) stays within `budget`.

    Used to suggest a commission's price from what the buyer said they would pay; 0 when
    even 1 would exceed it.
    """
    _check_amount(budget, "budget")
    points = rate_basis_points(rate)
    price = budget * BASIS_POINTS_PER_UNIT // (BASIS_POINTS_PER_UNIT + points)
    while price > 0 and unit_price(price, rate) > budget:
        price -= 1
    while unit_price(price + 1, rate) <= budget:
        price += 1
    return price


def major_to_minor(major, currency):
    """Minor units for an amount in major units (int or Decimal: 12.5 EUR → 1250).

    Raises ValueError when the amount is negative or has more decimals than the currency
    (12.5 XOF does not exist), TypeError for floats.
    """
    if isinstance(major, float | bool) or not isinstance(major, int | Decimal):
        raise TypeError(f"Amounts in major units are int or Decimal, not {type(major).__name__}.")
    scaled = Decimal(major).scaleb(currency_exponent(currency))
    if not scaled.is_finite() or scaled != scaled.to_integral_value():
        raise ValueError(f"Too many decimals for {currency}: {major}")
    if scaled < 0:
        raise ValueError(f"Amounts cannot be negative: {major}")
    return int(scaled)


def minor_to_major_text(amount, currency):
    """Major units as digits and a dot, for machines: 1250 EUR → "12.50", 49500 XOF → "49500"."""
    _check_amount(amount)
    exponent = currency_exponent(currency)
    whole, fraction = divmod(amount, 10**exponent)
    return f"{whole}.{str(fraction).rjust(exponent, '0')}" if exponent else str(whole)


def _group_digits(digits, separator):
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups) or "0"


def _is_english(language):
    return (language or "fr").lower().startswith("en")


def format_money(amount, currency, language="fr"):
    """Format minor units for a reader: "49 500 FCFA", "12,50 €"; "€12.50" in English."""
    _check_amount(abs(amount), "amount")
    code = currency.upper()
    exponent = currency_exponent(code)
    sign = "-" if amount < 0 else ""
    whole, fraction = divmod(abs(amount), 10**exponent)
    english = _is_english(language)
    thousands, decimal_mark = (",", ".") if english else (NARROW_NBSP, ",")
    number = _group_digits(str(whole), thousands)
    if exponent:
        number += decimal_mark + str(fraction).rjust(exponent, "0")
    symbol = currency_symbol(code)
    if english and code in SYMBOL_FIRST_IN_ENGLISH:
        return f"{sign}{symbol}{number}"
    return f"{sign}{number}{NBSP}{symbol}"


def format_decimal(value, language="fr"):
    """A Decimal for readers, without trailing zeros: "655,957" in French, "655.957" in English."""
    if not isinstance(value, Decimal | int) or isinstance(value, bool):
        raise TypeError(f"format_decimal takes Decimal or int, not {type(value).__name__}.")
    text = format(Decimal(value).normalize(), "f")
    return text if _is_english(language) else text.replace(".", ",")


def approximate_euros(amount, currency):
    """Euro cents for a CFA franc amount at the fixed peg, or None for other currencies."""
    if currency.upper() not in CFA_CURRENCIES:
        return None
    _check_amount(amount)
    cents = (Decimal(amount) * 100 / CFA_PER_EURO).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(cents)


def _divide_half_up(numerator, denominator):
    """numerator ÷ denominator rounded half up, on non-negative integers."""
    return (2 * numerator + denominator) // (2 * denominator)


def included_tax(amount, rate):
    """The tax inside a tax-inclusive `amount` at `rate` %: amount × rate / (100 + rate), half up.

    0 when the rate is 0 (no tax line on receipts then).
    """
    _check_amount(amount)
    points = rate_basis_points(rate)
    if not points:
        return 0
    return _divide_half_up(amount * points, BASIS_POINTS_PER_UNIT + points)


@dataclass(frozen=True)
class RefundSplit:
    """What a refund takes back from each part of an order."""

    artisan: int
    markup: int
    delivery: int


def split_refund(refunded, artisan_total, markup_total, delivery_fee):
    """Split a refund between the artisans' share, the shop's markup and the delivery fee.

    Stripe tells us how much was refunded, never for which piece, so a refund is split in
    proportion to what the order paid. The artisans' part is the refund × their share of
    the order, rounded half up; what is left is split the same way between the markup and
    the delivery fee. The three parts add up to the refund exactly, none exceeds what its
    part of the order was, and a refund of the whole order takes back everything.
    """
    for amount, name in (
        (refunded, "refunded"),
        (artisan_total, "artisan_total"),
        (markup_total, "markup_total"),
        (delivery_fee, "delivery_fee"),
    ):
        _check_amount(amount, name)
    total = artisan_total + markup_total + delivery_fee
    refunded = min(refunded, total)
    if refunded == 0:
        return RefundSplit(0, 0, 0)
    artisan = _divide_half_up(refunded * artisan_total, total)
    rest = refunded - artisan
    markup = _divide_half_up(rest * markup_total, markup_total + delivery_fee) if rest else 0
    return RefundSplit(artisan=artisan, markup=markup, delivery=rest - markup)


def allocate(amount, weights):
    """Share `amount` between `weights` in proportion, in integers that add up to `amount`.

    Each part gets its rounded-down share; the units left over go to the largest
    remainders (the first one on a tie). Used to spread an order's refund over its lines.
    """
    _check_amount(amount)
    weights = list(weights)
    for weight in weights:
        _check_amount(weight, "weight")
    total = sum(weights)
    if total == 0:
        if amount:
            raise ValueError("Cannot share an amount between weights that are all zero.")
        return [0] * len(weights)
    shares = [amount * weight // total for weight in weights]
    remainders = [amount * weight % total for weight in weights]
    left = amount - sum(shares)
    by_remainder = sorted(range(len(weights)), key=lambda index: (-remainders[index], index))
    for index in by_remainder[:left]:
        shares[index] += 1
    return shares


def average(amount, count):
    """`amount` ÷ `count` rounded half up (e.g. paid per artisan); 0 when `count` is 0."""
    _check_amount(amount)
    _check_amount(count, "count")
    return _divide_half_up(amount, count) if count else 0
