"""What the fault tests share: a shopper, the product it buys, the servers' environment."""

import time
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from shop.models import ProductPage
from tests.servers import Visitor, connect, production_environment, soup

CUSTOMER = {
    "name": "Awa Ndiaye",
    "email": "awa@example.sn",
    "phone": "+221 77 123 45 67",
    "fulfilment": "pickup",
    "delivery_address": "",
    "note": "",
    "payment_method": "cash",
}
# Pieces the fault tests may buy without ever running out.
STOCK = 1000
# Seconds a fault test waits for a process to act: a worker's start on a loaded machine is slow.
WAIT = 120


def wait_for(condition, what):
    """`condition()`'s first true value, polled; the test fails after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(0.2)
    pytest.fail(f"{what} did not happen in {WAIT} s")


class Shopper(Visitor):
    """A visitor buying from the fault tests' servers over plain HTTP, as they serve it."""

    def __init__(self, base_url, outcome=None, timeout=10):
        super().__init__(base_url, behind_tls=False, timeout=timeout, outcome=outcome)

    def add_to_cart(self, product):
        self.get(product.url)  # sets the CSRF cookie, as reading the page does
        return self.post_form(urls()["cart_add"], {"product": product.pk, "quantity": 1})

    def checkout_form(self):
        """The checkout form's fields as the page renders them (the cart's signature)."""
        response = self.get(urls()["checkout"])
        if response is None or response.status_code != 200:
            return None
        field = soup(response).select_one("[name=cart_signature]")
        return {**CUSTOMER, "cart_signature": field["value"]}

    def checkout(self, form=None):
        form = form or self.checkout_form()
        if form is None:
            return None
        return self.post_form(urls()["checkout"], form)


def urls():
    with translation.override("fr"):
        return {name: reverse(f"shop:{name}") for name in ("cart", "cart_add", "checkout")}


@dataclass
class Product:
    pk: int
    url: str
    title: str


@pytest.fixture(scope="module")
def product_on_sale(django_db_setup, django_db_blocker):
    """A demo product (the page holding its stock), as the servers will show it."""
    with django_db_blocker.unblock(), translation.override("fr"):
        page = ProductPage.objects.live().filter(locale__language_code="fr").order_by("pk")[0]
        source = page.price_source()
        return Product(pk=source.pk, url=source.get_url(), title=source.title)


def stock_up(database_url, product, count=STOCK):
    """Enough pieces in the servers' database that no fault test runs out (or `count`)."""
    with connect(database_url) as db:
        db.execute(
            "UPDATE shop_productpage SET stock = %s WHERE page_ptr_id IN (SELECT id FROM "
            "wagtailcore_page WHERE translation_key = (SELECT translation_key FROM "
            "wagtailcore_page WHERE id = %s))",
            [count, product.pk],
        )


def order_count(database_url):
    with connect(database_url) as db:
        return db.execute("SELECT count(*) FROM shop_order").fetchone()[0]


def fault_environment(folder, **overrides):
    """Production settings over plain HTTP with the test run's media (`tests.server_settings`)."""
    return production_environment(
        folder,
        DJANGO_SETTINGS_MODULE="tests.server_settings",
        ALLOWED_HOSTS="127.0.0.1",
        SERVER_MEDIA_ROOT=settings.MEDIA_ROOT,
        SHOP_POSTS_PER_MINUTE=100000,
        **overrides,
    )
