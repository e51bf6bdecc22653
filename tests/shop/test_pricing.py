"""The money rules: integers in minor units, markup rounded half up, French formatting.

Examples first, then properties checked by hypothesis over every price and rate.
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from shop import pricing


@pytest.mark.parametrize(
    ("artisan_price", "rate", "markup"),
    [(45_000, Decimal("10"), 4_500), (12_345, Decimal("10"), 1_235),
     (12_344, Decimal("10"), 1_234), (5, Decimal("10"), 1), (4, Decimal("10"), 0),
     (0, Decimal("10"), 0), (1_000, Decimal("12.5"), 125), (999, Decimal("0"), 0),
     (999, Decimal("100"), 999)],
)  # fmt: skip
def test_markup_rounds_half_up(artisan_price, rate, markup):
    assert pricing.markup_amount(artisan_price, rate) == markup
    assert pricing.unit_price(artisan_price, rate) == artisan_price + markup


def test_floats_and_bad_rates_are_refused():
    with pytest.raises(TypeError):
        pricing.markup_amount(1000, 10.0)
    with pytest.raises(TypeError):
        pricing.markup_amount(1000.0, Decimal("10"))
    with pytest.raises(ValueError):
        pricing.markup_amount(1000, Decimal("101"))
    with pytest.raises(ValueError):
        pricing.markup_amount(-1, Decimal("10"))


@pytest.mark.parametrize(
    ("amount", "currency", "language", "text"),
    [(49_500, "XOF", "fr", "49\u202f500\u00a0FCFA"), (1_250, "EUR", "fr", "12,50\u00a0€"),
     (1_250, "EUR", "en", "€12.50"), (49_500, "XOF", "en", "49,500\u00a0FCFA"),
     (0, "XOF", "fr", "0\u00a0FCFA"), (1_234_567, "USD", "fr", "12\u202f345,67\u00a0$")],
)  # fmt: skip
def test_format_money(amount, currency, language, text):
    assert pricing.format_money(amount, currency, language) == text


def test_totals_are_sums_of_integer_lines():
    lines = [pricing.line_total(pricing.unit_price(12_345, Decimal("10")), 3), 2_000]
    assert pricing.order_total(lines) == 13_580 * 3 + 2_000


# Properties ------------------------------------------------------------------

# Any price up to a billion francs (or ten million euros), any rate of 0 to 100 % with 2 decimals.
prices = st.integers(min_value=0, max_value=10**9)
rates = st.integers(min_value=0, max_value=10_000).map(lambda points: Decimal(points) / 100)
quantities = st.integers(min_value=0, max_value=1_000)
currencies = st.sampled_from(sorted(pricing.ISO_4217_CURRENCIES))
signed_amounts = st.integers(min_value=-(10**15), max_value=10**15)  # refunds are negative


@given(prices, rates)
@example(5, Decimal("10"))  # 0.5 exactly: rounds up to 1
@example(4_999, Decimal("0.01"))  # 0.4999 rounds down
@example(5_000, Decimal("0.01"))  # 0.5 exactly
@example(10**9, Decimal("100"))
def test_markup_is_rounded_half_up_like_decimal(artisan_price, rate):
    expected = (Decimal(artisan_price) * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert pricing.markup_amount(artisan_price, rate) == int(expected)


@given(prices, rates)
def test_markup_is_never_negative_nor_above_the_artisan_price(artisan_price, rate):
    markup = pricing.markup_amount(artisan_price, rate)
    assert 0 <= markup <= artisan_price
    breakdown = pricing.price_breakdown(artisan_price, rate)
    assert breakdown.unit_price == breakdown.artisan_price + breakdown.markup_amount
    assert breakdown.unit_price == pricing.unit_price(artisan_price, rate)


@given(prices, prices, rates)
def test_unit_price_grows_with_the_artisan_price(first, second, rate):
    low, high = sorted((first, second))
    assert pricing.unit_price(low, rate) <= pricing.unit_price(high, rate)


@given(prices, rates, rates)
def test_unit_price_grows_with_the_rate(artisan_price, first, second):
    low, high = sorted((first, second))
    assert pricing.unit_price(artisan_price, low) <= pricing.unit_price(artisan_price, high)


@given(st.lists(st.tuples(prices, quantities), max_size=20), rates, prices)
def test_order_total_is_the_sum_of_its_lines(items, rate, delivery_fee):
    lines = [pricing.line_total(pricing.unit_price(price, rate), qty) for price, qty in items]
    total = pricing.order_total([*lines, delivery_fee])
    assert total == sum(lines) + delivery_fee
    assert isinstance(total, int)
    artisans = pricing.order_total(pricing.line_total(price, qty) for price, qty in items)
    markups = pricing.order_total(
        pricing.line_total(pricing.markup_amount(price, rate), qty) for price, qty in items
    )
    assert artisans + markups == total - delivery_fee


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_no_function_accepts_a_float(number):
    calls = [
        lambda: pricing.markup_amount(1_000, number),
        lambda: pricing.markup_amount(number, Decimal("10")),
        lambda: pricing.unit_price(number, Decimal("10")),
        lambda: pricing.price_breakdown(number, Decimal("10")),
        lambda: pricing.line_total(number, 1),
        lambda: pricing.line_total(1_000, number),
        lambda: pricing.order_total([1_000, number]),
        lambda: pricing.format_money(number, "XOF"),
        lambda: pricing.approximate_euros(number, "XOF"),
        lambda: pricing.major_to_minor(number, "EUR"),
        lambda: pricing.minor_to_major_text(number, "EUR"),
        lambda: pricing.format_decimal(number),
        lambda: pricing.unit_price_expression(number),
    ]
    for call in calls:
        with pytest.raises(TypeError):
            call()


@given(signed_amounts, currencies, st.sampled_from(["fr", "en"]))
def test_formatting_keeps_every_digit(amount, currency, language):
    text = pricing.format_money(amount, currency, language)
    exponent = pricing.currency_exponent(currency)
    digits = "".join(character for character in text if character.isdigit())
    symbol_digits = "".join(c for c in pricing.currency_symbol(currency) if c.isdigit())
    expected = str(abs(amount)).rjust(exponent + 1, "0") + symbol_digits
    assert digits == expected
    assert text.startswith("-") == (amount < 0)


@given(prices, currencies)
def test_major_units_text_round_trips_to_minor_units(amount, currency):
    text = pricing.minor_to_major_text(amount, currency)
    assert pricing.major_to_minor(Decimal(text), currency) == amount


@given(prices)
def test_euro_approximation_is_the_peg_rounded_to_the_cent(amount):
    cents = pricing.approximate_euros(amount, "XOF")
    exact = Decimal(amount) * 100 / pricing.CFA_PER_EURO
    assert abs(Decimal(cents) - exact) <= Decimal("0.5")
    assert pricing.approximate_euros(amount, "XAF") == cents


# Examples --------------------------------------------------------------------


def test_euro_approximation_only_for_cfa_francs_formatted_for_each_language():
    cents = pricing.approximate_euros(655_957, "XOF")
    assert cents == 100_000
    assert pricing.approximate_euros(49_500, "XOF") == 7_546
    assert pricing.format_money(7_546, "EUR", "fr") == "75,46\u00a0€"
    assert pricing.format_money(7_546, "EUR", "en") == "€75.46"
    assert pricing.approximate_euros(49_500, "EUR") is None
    assert pricing.approximate_euros(49_500, "JPY") is None


def test_the_peg_is_written_the_french_or_english_way():
    assert pricing.format_decimal(pricing.CFA_PER_EURO, "fr") == "655,957"
    assert pricing.format_decimal(pricing.CFA_PER_EURO, "en") == "655.957"
    assert pricing.format_decimal(Decimal("10.00"), "fr") == "10"
    assert pricing.format_decimal(Decimal("12.50"), "fr") == "12,5"


@pytest.mark.parametrize(
    ("major", "currency", "minor"),
    [(Decimal("12.5"), "EUR", 1_250), (50, "EUR", 5_000), (50_000, "XOF", 50_000),
     (Decimal("1.234"), "TND", 1_234), (0, "XOF", 0)],
)  # fmt: skip
def test_major_units_become_minor_units(major, currency, minor):
    assert pricing.major_to_minor(major, currency) == minor


@pytest.mark.parametrize(
    ("major", "currency"),
    [(Decimal("12.5"), "XOF"), (Decimal("0.001"), "EUR"), (-1, "XOF"), (Decimal("NaN"), "EUR")],
)
def test_impossible_major_amounts_are_refused(major, currency):
    with pytest.raises(ValueError):
        pricing.major_to_minor(major, currency)


def test_currency_codes_are_checked_against_iso_4217():
    assert pricing.is_currency_code("XOF")
    assert pricing.is_currency_code("EUR")
    for code in ("xof", "ABC", "EURO", "", None, "XAU", "HRK"):
        assert not pricing.is_currency_code(code)
    # Every currency with a special number of decimals is a real one.
    assert pricing.ZERO_DECIMAL_CURRENCIES <= pricing.ISO_4217_CURRENCIES
    assert pricing.THREE_DECIMAL_CURRENCIES <= pricing.ISO_4217_CURRENCIES


@pytest.mark.parametrize("rate", ["abc", "100.01", "-0.01", "12.345", "Infinity", "NaN", True])
def test_impossible_rates_are_refused(rate):
    with pytest.raises((ValueError, TypeError)):
        pricing.rate_basis_points(rate)
