"""What the fuzz tests check after every request, and the values they send.

Each example runs inside a savepoint rolled back at its end, so examples start from
the same demo shop and never see each other's orders.
"""

from collections import Counter
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from shop import pricing
from shop.models import Order, OrderLine, ProductPage

# Enough examples to find the usual mistakes while the fuzz set stays under a minute.
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=60,
    # The Django test client and database are function fixtures, reset by our savepoints.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FUZZ = settings.get_profile("fuzz")

ODD_NUMBERS = [
    "0", "-1", "-0", "+1", " 1", "1 ", "1.0", "1.5", "1e3", "0x10", "NaN", "inf", "-inf",
    "١", "１", "²", "9" * 30, "-" + "9" * 30, str(2**63), str(2**64 + 1), "", " ", "\x00",
    "1\x00", "None", "null", "true", "[]", "{}", "1,2",
]  # fmt: skip


def number_like(valid=()):
    """What a client may send where the shop expects a whole number."""
    return st.one_of(
        st.sampled_from(list(valid) or ["1"]),
        st.sampled_from(ODD_NUMBERS),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.text(max_size=20),
    )


def junk_fields(names=()):
    """Any extra fields, with names the view knows among random ones."""
    name = st.one_of(st.sampled_from(list(names) or ["x"]), st.text(max_size=15))
    value = st.one_of(st.text(max_size=40), st.lists(st.text(max_size=10), max_size=3))
    return st.dictionaries(name, value, max_size=4)


@contextmanager
def rolled_back():
    """Run one example in a savepoint that is rolled back, whatever happens."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def catalogue_state():
    """Each product's price, and each piece's stock plus what orders hold of it.

    A piece's stock moves only by a reservation (or its release), so the sum of its
    stock and of the pieces held by orders never changes, whatever a client sends.
    """
    pages = ProductPage.objects.values_list("pk", "translation_key", "artisan_price", "stock")
    prices = {pk: price for pk, _key, price, _stock in pages}
    stocks = {}
    for _pk, key, _price, stock in pages:
        stocks.setdefault(key, set()).add(stock)
    held = (
        OrderLine.objects.filter(order__stock_reserved=True, product__isnull=False)
        .values_list("product__translation_key")
        .annotate(pieces=Sum("quantity"))
    )
    pieces = Counter()
    for key, stock in stocks.items():
        assert len(stock) == 1, f"translations of one piece disagree on its stock: {stock}"
        pieces[key] += stock.pop()
    for key, quantity in held:
        pieces[key] += quantity
    return prices, dict(pieces)


def assert_orders_are_whole(orders):
    """Every order has its lines, and its amounts are what `shop.pricing` makes of them."""
    for order in orders.prefetch_related("lines"):
        lines = list(order.lines.all())
        assert lines, f"order {order.pk} has no lines"
        assert order.reference, f"order {order.pk} has no reference"
        for line in lines:
            assert line.quantity > 0
            assert line.markup_amount == pricing.markup_amount(line.artisan_price, line.markup_rate)
            assert line.unit_price == pricing.unit_price(line.artisan_price, line.markup_rate)
            assert line.line_total == pricing.line_total(line.unit_price, line.quantity)
        assert order.items_total == pricing.order_total(line.line_total for line in lines)
        assert order.artisan_total == pricing.order_total(
            pricing.line_total(line.artisan_price, line.quantity) for line in lines
        )
        assert order.markup_total == order.items_total - order.artisan_total
        assert order.total == order.items_total + order.delivery_fee


@contextmanager
def shop_unharmed():
    """Check, around the requests of one example, that the shop stays consistent.

    Prices never move; the stock of a piece plus what orders hold of it never moves;
    every order placed meanwhile is whole and holds exactly its lines' pieces.
    """
    last_order = Order.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    prices, pieces = catalogue_state()
    yield
    new_prices, new_pieces = catalogue_state()
    assert new_prices == prices, "a request changed a product's price"
    assert new_pieces == pieces, "stock moved without an order holding the pieces"
    new_orders = Order.objects.filter(pk__gt=last_order)
    assert_orders_are_whole(new_orders)
    for order in new_orders:
        assert order.stock_reserved, f"new order {order.reference} holds no pieces"


def assert_not_a_server_error(response):
    assert response.status_code < 500, response.status_code
