"""Sales in every status with amounts worked out by hand, for the impact and earnings tests.

The orders are placed in CFA francs of Central Africa (XAF): the demo's orders are in
XOF, so figures in XAF hold these orders only and every sum can be written down.

Three products by three artisans of three workshops, 10 % markup, delivery 2 000:

    p1  artisan 10 000  markup 1 000  unit 11 000
    p2  artisan 24 000  markup 2 400  unit 26 400
    p3  artisan 12 345  markup 1 235  unit 13 580   (1 234.5 rounded half up)

    A  pending card payment  p1×1                 not counted
    B  awaiting cash         p1×1                 not counted
    C  paid, delivery        p1×2 + p2×1          artisans 44 000, markup 4 400, 3 pieces
    D  fulfilled, pickup     p3×1                 artisans 12 345, markup 1 235, 1 piece
    E  cancelled             p2×1                 not counted
    F  refunded in whole     p1×1, pickup         not counted (11 000 back of 11 000)
    G  refunded in part      p2×1 + p3×1, delivery: total 36 345 + 3 635 + 2 000 = 41 980,
       5 000 refunded:
         artisans' part  5 000 × 36 345 / 41 980 = 4 328.8 → 4 329
         left 671; markup part 671 × 3 635 / 5 635 = 432.8 → 433; delivery 238
       spread over the lines (largest remainder):
         artisans 4 329: p2 2 858.6 → 2 859 (larger remainder), p3 1 470.4 → 1 470
         markup     433: p2   285.9 →   286 (larger remainder), p3   147.1 →   147
       counted: artisans 36 345 − 4 329 = 32 016, markup 3 635 − 433 = 3 202, 2 pieces
"""

from dataclasses import dataclass

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from wagtail.models import Site

from impact import figures
from shop import lifecycle
from shop.cart import Cart
from shop.checkout import Customer, place_order
from shop.models import DeliveryZone, Fulfilment, PaymentMethod, ProductPage, ShopSettings

CURRENCY = "XAF"
PRODUCT_SLUGS = ("tabouret-trois-pieds-vene", "robe-wax-portefeuille", "corbeille-feuille-palmier")
PRICES = (10_000, 24_000, 12_345)

# Everything the figures must find, worked out above.
PAID_TO_ARTISANS = 44_000 + 12_345 + 32_016  # 88 361
MARKUP = 4_400 + 1_235 + 3_202  # 8 837
ITEMS = 3 + 1 + 2
ORDERS = 3  # C, D and G
ARTISANS = 3
AVERAGE = 29_454  # 88 361 / 3 = 29 453.67
# Per artisan (p1, p2, p3): C's 20 000; C's 24 000 + G's 24 000 − 2 859; D's 12 345 + G's
# 12 345 − 1 470.
BY_ARTISAN = (20_000, 24_000 + 21_141, 12_345 + 10_875)
# Per workshop, pieces: p1's 2 (C), p2's 2 (C, G), p3's 2 (D, G).
ITEMS_BY_PRODUCT = (2, 2, 2)


@dataclass
class Sales:
    products: list
    orders: dict
    shop_settings: object
    manager: object

    @property
    def artisans(self):
        return [product.artisan for product in self.products]

    @property
    def workshops(self):
        return [product.artisan.workshop for product in self.products]


def place(shop_settings, lines, *, payment=PaymentMethod.CASH, pickup=False, **customer):
    cart = Cart(SessionStore())
    for product, quantity in lines:
        cart.set(product.pk, quantity)
    return place_order(
        cart.summary(shop_settings),
        Customer(
            name=customer.get("name", "Client Test"),
            email=customer.get("email", "client@example.cm"),
            phone="+237 6 99 12 34 56",
            fulfilment=Fulfilment.PICKUP if pickup else Fulfilment.DELIVERY,
            delivery_address="" if pickup else "Rue 1, Douala",
        ),
        payment,
        shop_settings,
        language="fr",
        site=shop_settings.site,
        notify=False,
    )


@pytest.fixture
def sales(db, django_user_model):
    """Orders A to G of this module's docstring, placed and moved by the shop's services."""
    site = Site.objects.get(is_default_site=True)
    shop_settings = ShopSettings.for_site(site)
    shop_settings.currency = CURRENCY
    shop_settings.save()
    DeliveryZone.objects.create(
        settings=shop_settings, name="Douala", areas="Douala", fee=2_000, lead_time_days=2
    )
    products = []
    for slug, price in zip(PRODUCT_SLUGS, PRICES, strict=True):
        ProductPage.objects.filter(slug=slug).update(artisan_price=price, stock=50)
        products.append(ProductPage.objects.select_related("artisan__workshop").get(slug=slug))
    p1, p2, p3 = products
    manager = django_user_model.objects.create_user("caisse", "caisse@example.cm", "motdepasse")
    orders = {
        "A": place(shop_settings, [(p1, 1)], payment=PaymentMethod.CARD),
        "B": place(shop_settings, [(p1, 1)]),
        "C": place(shop_settings, [(p1, 2), (p2, 1)]),
        "D": place(shop_settings, [(p3, 1)], pickup=True),
        "E": place(shop_settings, [(p2, 1)]),
        "F": place(shop_settings, [(p1, 1)], pickup=True),
        "G": place(shop_settings, [(p2, 1), (p3, 1)]),
    }
    for name in "CDFG":
        lifecycle.mark_cash_paid(orders[name], by=manager)
    lifecycle.mark_fulfilled(orders["D"], by=manager, notify=False)
    lifecycle.cancel(orders["E"], by=manager)
    lifecycle.record_refund(orders["F"], 11_000)
    lifecycle.record_refund(orders["G"], 5_000)
    for name, order in orders.items():
        order.refresh_from_db()
        orders[name] = order
    # Tests run in a transaction that never commits: drop cached figures by hand.
    figures.invalidate()
    return Sales(products=products, orders=orders, shop_settings=shop_settings, manager=manager)
