"""The money rules: integers in minor units, markup rounded half up, French formatting."""

from decimal import Decimal

import pytest

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
