"""Shop fixtures: products with a known stock, a fake Stripe and a fake Wave, signed events."""

import json
import re
import time
from urllib.parse import parse_qs

import pytest
import requests
import stripe
from django.conf import settings
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.urls import reverse

from shop import lifecycle, payments
from shop.cart import Cart
from shop.checkout import Customer, place_order
from shop.models import Fulfilment, Order, PaymentMethod, ProductPage, ShopSettings
from shop.sms import locmem

CHECKOUT_URL = "https://checkout.stripe.com/c/pay/cs_test_fake"


def set_stock(product, count):
    """Tests set stock the way the shop does: an UPDATE (of every translation), never a save."""
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=count)
    product.stock = count
    return product


def change_settings(site, **values):
    """Change the shop settings as staff do, through a save (which the caches listen to)."""
    shop_settings = ShopSettings.for_site(site)
    for name, value in values.items():
        setattr(shop_settings, name, value)
    shop_settings.save()
    return shop_settings


def stock_of(product):
    return ProductPage.objects.values_list("stock", flat=True).get(pk=product.pk)


@pytest.fixture
def new_orders(db):
    """The orders placed during the test, apart from the demo's (a lazy queryset)."""
    last_demo_order = Order.objects.order_by("-pk").values_list("pk", flat=True).first()
    return Order.objects.filter(pk__gt=last_demo_order or 0)


@pytest.fixture
def sms_outbox():
    """The SMS sent during the test (the `locmem` transport of the test settings)."""
    locmem.outbox.clear()
    yield locmem.outbox
    locmem.outbox.clear()


@pytest.fixture
def shop_settings(site):
    return ShopSettings.for_site(site)


@pytest.fixture
def dakar_zone(shop_settings):
    """The demo's zone of the customer below (« 12 rue Carnot, Dakar »)."""
    return shop_settings.delivery_zones.get(name="Dakar")


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
        self.refund_status = "succeeded"  # what Stripe answers to a refund

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
        if method == "post" and path == "/v1/refunds":
            params = {key: values[0] for key, values in parse_qs(post_data or "").items()}
            self.refund_count = getattr(self, "refund_count", 0) + 1
            refund = {
                "id": f"re_test_{self.refund_count}",
                "object": "refund",
                "amount": int(params.get("amount", 0)),
                "payment_intent": params.get("payment_intent"),
                "status": self.refund_status,
            }
            return json.dumps(refund), 200, {}
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
def paid_card_order(make_order, product, fake_stripe):
    """Two pieces of `product` paid by card (through the fake Stripe)."""
    order = make_order([(product, 2)], payment_method=PaymentMethod.CARD)
    Order.objects.filter(pk=order.pk).update(payment_reference=f"cs_test_for_{order.pk}")
    return lifecycle.confirm_payment(
        order, amount=order.total, currency=order.currency, transaction_id=f"pi_test_{order.pk}"
    )


@pytest.fixture
def fake_stripe(settings, monkeypatch):
    """Card payments on, with Stripe replaced by `FakeStripeHTTP`."""
    settings.STRIPE_SECRET_KEY = "sk_test_fake"
    fake = FakeStripeHTTP()
    monkeypatch.setattr(payments.stripe, "http_client", lambda: fake)
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
        "id": order.payment_reference or f"cs_test_for_{order.pk}",
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


WAVE_LAUNCH_URL = "https://pay.wave.com/c/"


class FakeWave(requests.adapters.BaseAdapter):
    """Stands in for api.wave.com: Wave's documented requests and answers, no network.

    Sessions are shaped as Wave documents them (amount as a string, `checkout_status`,
    `payment_status`, `wave_launch_url`...); `pay()` does what the shopper does on Wave.
    """

    def __init__(self):
        super().__init__()
        self.requests = []
        self.sessions = {}
        self.fail_with = None  # a status code to answer every request with
        self.launch_url = WAVE_LAUNCH_URL  # where Wave's page for a session is

    def _answer(self, request, status, body=None):
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode() if body is not None else b""
        response.headers["Content-Type"] = "application/json"
        response.url, response.request = request.url, request
        return response

    def send(self, request, **kwargs):
        body = json.loads(request.body) if request.body else None
        self.requests.append(
            {"method": request.method, "url": request.url, "headers": request.headers, "json": body}
        )
        if self.fail_with:
            return self._answer(request, self.fail_with, {"code": "internal-server-error"})
        path = request.url.split("api.wave.com", 1)[-1]
        if request.method == "POST" and path == "/v1/checkout/sessions":
            session_id = f"cos-test{len(self.sessions) + 1}"
            session = {
                "id": session_id,
                "amount": body["amount"],
                "checkout_status": "open",
                "client_reference": body.get("client_reference"),
                "currency": body["currency"],
                "error_url": body["error_url"],
                "success_url": body["success_url"],
                "business_name": "Mains Libres",
                "payment_status": "processing",
                "transaction_id": None,
                "last_payment_error": None,
                "wave_launch_url": f"{self.launch_url}{session_id}",
                "when_created": "2026-12-03T10:00:00Z",
                "when_expires": "2026-12-03T10:30:00Z",
                "when_completed": None,
            }
            self.sessions[session_id] = session
            return self._answer(request, 200, session)
        match = re.fullmatch(r"/v1/checkout/sessions/([^/]+)(/expire|/refund)?", path)
        session = self.sessions.get(match.group(1)) if match else None
        if session is None:
            return self._answer(request, 404, {"code": "checkout-session-not-found"})
        action = match.group(2)
        if action == "/expire":
            if session["checkout_status"] != "open":
                return self._answer(request, 409, {"code": "checkout-session-not-open"})
            session["checkout_status"] = "expired"
        elif action == "/refund":
            if session["payment_status"] != "succeeded":
                return self._answer(request, 409, {"code": "checkout-refund-failed"})
            session["refunded"] = True
            return self._answer(request, 200)
        return self._answer(request, 200, session)

    def close(self):
        pass

    def pay(self, session_id):
        """The shopper pays on Wave's page: the session is complete, the payment succeeded."""
        session = self.sessions[session_id]
        session.update(
            checkout_status="complete",
            payment_status="succeeded",
            transaction_id=f"TCN{session_id[-4:].upper()}",
            when_completed="2026-12-03T10:05:00Z",
        )
        return session

    def posted(self, path):
        return [r for r in self.requests if r["method"] == "POST" and r["url"].endswith(path)]


@pytest.fixture
def fake_wave(settings, monkeypatch):
    """Mobile money on, with Wave's API replaced by `FakeWave`."""
    settings.WAVE_API_KEY = "wave_sn_prod_test_key"
    fake = FakeWave()
    session = requests.Session()
    session.mount("https://api.wave.com", fake)
    monkeypatch.setattr(payments.wave, "http_session", lambda: session)
    return fake


def wave_event(event_type, session, event_id=None):
    """A Wave webhook event: the session itself is the event's data."""
    wave_event.counter = getattr(wave_event, "counter", 0) + 1
    return {
        "id": event_id or f"AE_sn_test{wave_event.counter}_{time.time_ns()}",
        "type": event_type,
        "data": session,
    }


def wave_signed(payload, secret=None, timestamp=None):
    """The Wave-Signature header Wave would send for this body."""
    return payments.wave.signature_header(
        payload, secret or settings.WAVE_WEBHOOK_SECRET, timestamp=timestamp
    )


@pytest.fixture
def post_wave(client):
    """Send an event to the Wave callback, signed as Wave signs it."""

    def post(event, signature=None):
        payload = json.dumps(event)
        return client.post(
            reverse("wave_webhook"),
            data=payload,
            content_type="application/json",
            HTTP_WAVE_SIGNATURE=wave_signed(payload) if signature is None else signature,
        )

    return post
