"""A deployment as the README describes it, started for the fault tests, and a shopper."""

import time
from dataclasses import dataclass, field

import pytest
import requests
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from shop.models import ProductPage
from tests.faults import REDIS_SERVER, connect

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


def needs_redis_server():
    if REDIS_SERVER is None:
        pytest.skip("needs redis-server on PATH (Debian's redis-server package)")


@dataclass
class Outcome:
    """What a run of requests gave: counts and the slowest answer, for asserts and reports."""

    statuses: list = field(default_factory=list)
    seconds: list = field(default_factory=list)

    def record(self, status, seconds):
        self.statuses.append(status)
        self.seconds.append(seconds)

    @property
    def server_errors(self):
        return sum(1 for status in self.statuses if status is None or status >= 500)

    @property
    def slowest(self):
        return max(self.seconds, default=0)

    def __str__(self):
        return (
            f"{len(self.statuses)} requests, {self.server_errors} 5xx or timeouts, "
            f"slowest {self.slowest:.2f} s"
        )


class Shopper:
    """A browser without JavaScript: plain GETs and form POSTs with the CSRF token."""

    def __init__(self, base_url, outcome=None, timeout=10):
        self.base_url = base_url
        self.http = requests.Session()
        self.outcome = outcome if outcome is not None else Outcome()
        self.timeout = timeout

    def request(self, method, path, **kwargs):
        started = time.monotonic()
        try:
            response = self.http.request(
                method, self.base_url + path, timeout=self.timeout, allow_redirects=False, **kwargs
            )
        except requests.Timeout:
            self.outcome.record(None, time.monotonic() - started)
            return None
        self.outcome.record(response.status_code, time.monotonic() - started)
        return response

    def get(self, path):
        return self.request("GET", path)

    def post_form(self, path, data):
        token = self.http.cookies.get("csrftoken", "")
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **data})

    def add_to_cart(self, product):
        self.get(product.url)  # sets the CSRF cookie, as reading the page does
        return self.post_form(urls()["cart_add"], {"product": product.pk, "quantity": 1})

    def checkout_form(self):
        """The checkout form's fields as the page renders them (the cart's signature)."""
        response = self.get(urls()["checkout"])
        if response is None or response.status_code != 200:
            return None
        field = BeautifulSoup(response.content, "html.parser").select_one("[name=cart_signature]")
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


def stock_up(database_url, product):
    """Enough pieces in the servers' database that no fault test runs out."""
    with connect(database_url) as db:
        db.execute(
            "UPDATE shop_productpage SET stock = %s WHERE page_ptr_id IN (SELECT id FROM "
            "wagtailcore_page WHERE translation_key = (SELECT translation_key FROM "
            "wagtailcore_page WHERE id = %s))",
            [STOCK, product.pk],
        )


def order_count(database_url):
    with connect(database_url) as db:
        return db.execute("SELECT count(*) FROM shop_order").fetchone()[0]
