"""Every money rule of the shop, as pure functions on integers.

Amounts are integers in the currency's minor unit (1 = 1 franc for XOF, 1 = 1 cent
for EUR). Markup rates are percentages held as Decimal with at most two decimals;
they are turned into integer basis points before any arithmetic, so no float ever
touches an amount. Templates, views, orders and reports call these functions and
never re-derive a price.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

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

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"


def currency_exponent(currency):
    """Number of minor-unit digits of an ISO 4217 currency (0, 2 or 3)."""
    code = currency.upper()
    if code in ZERO_DECIMAL_CURRENCIES:
        return 0
    if code in THREE_DECIMAL_CURRENCIES:
        return 3
    return 2


def rate_basis_points(rate):
    """A percentage (Decimal, int or numeric string, at most 2 decimals) as basis points."""
    if isinstance(rate, float):
        raise TypeError("Markup rates must be Decimal, int or str, never float.")
    try:
        scaled = Decimal(rate) * 100
    except (InvalidOperation, TypeError) as error:
        raise ValueError(f"Invalid markup rate: {rate!r}") from error
    if scaled != scaled.to_integral_value():
        raise ValueError(f"A markup rate has at most two decimals: {rate!r}")
    points = int(scaled)
    if not 0 <= points <= 10_000:
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
    return (artisan_price * points + 5_000) // 10_000


def unit_price(artisan_price, rate):
    """What the shopper pays for one unit: the artisan's price plus the markup."""
    return artisan_price + markup_amount(artisan_price, rate)


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


def _group_digits(digits, separator):
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups) or "0"


def format_money(amount, currency, language="fr"):
    """Format minor units for a reader: "49 500 FCFA", "12,50 €"; "€12.50" in English."""
    _check_amount(abs(amount), "amount")
    code = currency.upper()
    exponent = currency_exponent(code)
    sign = "-" if amount < 0 else ""
    whole, fraction = divmod(abs(amount), 10**exponent)
    english = (language or "fr").lower().startswith("en")
    thousands, decimal_mark = (",", ".") if english else (NARROW_NBSP, ",")
    number = _group_digits(str(whole), thousands)
    if exponent:
        number += decimal_mark + str(fraction).rjust(exponent, "0")
    symbol = CURRENCY_SYMBOLS.get(code, code)
    if english and code in SYMBOL_FIRST_IN_ENGLISH:
        return f"{sign}{symbol}{number}"
    return f"{sign}{number}{NBSP}{symbol}"


def approximate_euros(amount, currency):
    """Euro cents for a CFA franc amount at the fixed peg, or None for other currencies."""
    if currency.upper() not in CFA_CURRENCIES:
        return None
    _check_amount(amount)
    cents = (Decimal(amount) * 100 / CFA_PER_EURO).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    return int(cents)
