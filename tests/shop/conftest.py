"""Shop fixtures: products with a known stock, staff users, a fake Stripe, signed events."""

import json
import re
import time

import pytest
import stripe
from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.urls import reverse

from shop import payments
from shop.cart import Cart
from shop.checkout import Customer, place_order
from shop.models import Fulfilment, Order, PaymentMethod, ProductPage, ShopSettings

CHECKOUT_URL = "https://checkout.stripe.com/c/pay/cs_test_fake"


def set_stock(product, count):
    """Tests set stock the way the shop does: an UPDATE (of every translation), never a save."""
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=count)
    product.stock = count
    return product


def stock_of(product):
    return ProductPage.objects.values_list("stock", flat=True).get(pk=product.pk)


@pytest.fixture
def new_orders(db):
    """The orders placed during the test, apart from the demo's (a lazy queryset)."""
    last_demo_order = Order.objects.order_by("-pk").values_list("pk", flat=True).first()
    return Order.objects.filter(pk__gt=last_demo_order or 0)


@pytest.fixture
def shop_settings(site):
    return ShopSettings.for_site(site)


@pytest.fixture
def product(db):
    """A demo product with 5 pieces in stock."""
    return set_stock(ProductPage.objects.live().filter(stock__gte=2).order_by("pk").first(), 5)


@pytest.fixture
def other_product(db, product):
    found = ProductPage.objects.live().exclude(pk=product.pk).filter(stock__gte=1).order_by("pk")
    return set_stock(found.first(), 3)


@pytest.fixture
def unique_piece(db):
    """A one-of-a-kind demo product still for sale."""
    return ProductPage.objects.live().filter(one_of_a_kind=True, stock=1).order_by("pk").first()


CUSTOMER = {
    "name": "Awa Ndiaye",
    "email": "awa@example.sn",
    "phone": "+221 77 123 45 67",
    "fulfilment": Fulfilment.DELIVERY,
    "delivery_address": "12 rue Carnot, Dakar",
    "note": "",
}


@pytest.fixture
def make_order(shop_settings):
    """Place an order through the checkout service, as the checkout view does."""

    def make(
        products_and_quantities,
        payment_method=PaymentMethod.CASH,
        fulfilment=Fulfilment.DELIVERY,
        language="fr",
        **customer,
    ):
        cart = Cart(SessionStore())
        for item, quantity in products_and_quantities:
            cart.set(item.pk, quantity)
        details = Customer(**{**CUSTOMER, "fulfilment": fulfilment, **customer})
        return place_order(
            cart.summary(shop_settings),
            details,
            payment_method,
            shop_settings,
            language=language,
            site=shop_settings.site,
        )

    return make


class FakeStripeHTTP(stripe.HTTPClient):
    """Stands in for the network: records each request, answers canned JSON."""

    name = "fake"

    def __init__(self):
        super().__init__()
        self.requests = []
        self.sessions = {}
        self.fail_with = None  # (status, error body) to answer the next requests with

    def request(self, method, url, headers, post_data=None):
        self.requests.append(
            {"method": method, "url": url, "headers": dict(headers or {}), "data": post_data}
        )
        if self.fail_with:
            status, body = self.fail_with
            return json.dumps(body), status, {}
        path = url.split("api.stripe.com", 1)[-1].split("?", 1)[0]
        if method == "post" and path == "/v1/checkout/sessions":
            number = len(self.sessions) + 1
            session = {
                "id": f"cs_test_{number}",
                "object": "checkout.session",
                "status": "open",
                "payment_status": "unpaid",
                "url": f"{CHECKOUT_URL}{number}",
            }
            self.sessions[session["id"]] = session
            return json.dumps(session), 200, {}
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)(/expire)?", path)
        if match and match.group(1) in self.sessions:
            session = self.sessions[match.group(1)]
            if match.group(2):
                if session["status"] != "open":
                    error = {"error": {"type": "invalid_request_error", "message": "Not open"}}
                    return json.dumps(error), 400, {}
                session["status"] = "expired"
            return json.dumps(session), 200, {}
        return json.dumps({"error": {"type": "invalid_request_error", "message": "?"}}), 404, {}

    def close(self):
        pass

    def posted(self, path):
        return [
            request
            for request in self.requests
            if request["method"] == "post" and request["url"].endswith(path)
        ]


@pytest.fixture
def fake_stripe(settings, monkeypatch):
    """Card payments on, with Stripe replaced by `FakeStripeHTTP`."""
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    fake = FakeStripeHTTP()
    monkeypatch.setattr(payments, "http_client", lambda: fake)
    return fake


def signed(payload, secret=None, timestamp=None):
    """The Stripe-Signature header Stripe would send for this body."""
    return stripe.WebhookSignature.generate_signature_header(
        payload, secret or settings.STRIPE_WEBHOOK_SECRET, timestamp=timestamp
    )


def event(event_type, stripe_object, event_id=None):
    event.counter = getattr(event, "counter", 0) + 1
    return {
        "id": event_id or f"evt_test_{event.counter}_{time.time_ns()}",
        "object": "event",
        "type": event_type,
        "data": {"object": stripe_object},
    }


def session_object(order, **changes):
    """A checkout.session as Stripe sends it in events about `order`."""
    return {
        "id": order.stripe_session_id or f"cs_test_for_{order.pk}",
        "object": "checkout.session",
        "client_reference_id": order.reference,
        "metadata": {"order_id": str(order.pk), "order_reference": order.reference},
        "amount_total": order.total,
        "currency": order.currency.lower(),
        "payment_intent": f"pi_test_{order.pk}",
        "payment_status": "paid",
        "status": "complete",
        **changes,
    }


def post_raw(client, body, signature):
    """POST a body to the webhook with this Stripe-Signature header."""
    return client.post(
        reverse("stripe_webhook"),
        data=body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
    )


@pytest.fixture
def post_event(client):
    """Send an event to the webhook, signed as Stripe signs it."""

    def post(stripe_event, signature=None):
        payload = json.dumps(stripe_event)
        return post_raw(client, payload, signed(payload) if signature is None else signature)

    return post
