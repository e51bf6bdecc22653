"""Order updates by SMS: by the channels the shopper chose, queued, Orange's API as documented."""

import base64
import json
from urllib.parse import parse_qs

import pytest
import requests
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from shop import lifecycle, sms
from shop.models import Fulfilment, Notification, PaymentMethod
from shop.sms import orange
from tests.config.test_mail import run_worker

from .conftest import CUSTOMER

QUEUED = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}


class FakeOrange(requests.adapters.BaseAdapter):
    """Stands in for api.orange.com: the token and outbound endpoints as documented."""

    def __init__(self):
        super().__init__()
        self.requests = []
        self.send_status = 201

    def _answer(self, request, status, body):
        response = requests.Response()
        response.status_code = status
        response._content = json.dumps(body).encode()
        response.headers["Content-Type"] = "application/json"
        response.url, response.request = request.url, request
        return response

    def send(self, request, **kwargs):
        self.requests.append(request)
        if request.url == "https://api.orange.com/oauth/v3/token":
            return self._answer(
                request,
                200,
                {"token_type": "Bearer", "access_token": "tok-123", "expires_in": 3600},
            )
        return self._answer(request, self.send_status, json.loads(request.body))

    def close(self):
        pass


@pytest.fixture
def fake_orange(settings, monkeypatch):
    settings.SMS_BACKEND = "orange"
    settings.ORANGE_SMS_CLIENT_ID = "client-id"
    settings.ORANGE_SMS_CLIENT_SECRET = "client-secret"  # noqa: S105 (a test value)
    settings.ORANGE_SMS_SENDER = "+221770000000"
    settings.ORANGE_SMS_SENDER_NAME = "MainsLibres"
    cache.delete(orange.TOKEN_CACHE_KEY)
    fake = FakeOrange()
    session = requests.Session()
    session.mount("https://api.orange.com", fake)
    monkeypatch.setattr(orange, "http_session", lambda: session)
    yield fake
    cache.delete(orange.TOKEN_CACHE_KEY)


def test_the_orange_request_is_built_as_documented(fake_orange):
    sms.send("+221771234567", "Mains Libres : commande ML-2026-00001 reçue.")
    token, message = fake_orange.requests
    assert token.method == "POST"
    assert token.url == "https://api.orange.com/oauth/v3/token"
    expected = base64.b64encode(b"client-id:client-secret").decode()
    assert token.headers["Authorization"] == f"Basic {expected}"
    assert token.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(token.body) == {"grant_type": ["client_credentials"]}

    assert message.method == "POST"
    assert message.url == (
        "https://api.orange.com/smsmessaging/v1/outbound/tel%3A%2B221770000000/requests"
    )
    assert message.headers["Authorization"] == "Bearer tok-123"
    assert message.headers["Content-Type"] == "application/json"
    assert json.loads(message.body) == {
        "outboundSMSMessageRequest": {
            "address": "tel:+221771234567",
            "senderAddress": "tel:+221770000000",
            "senderName": "MainsLibres",
            "outboundSMSTextMessage": {"message": "Mains Libres : commande ML-2026-00001 reçue."},
        }
    }


def test_the_token_is_asked_once_then_reused_until_it_expires(fake_orange):
    sms.send("+221771234567", "Un")
    sms.send("+221771234568", "Deux")
    urls = [request.url for request in fake_orange.requests]
    assert urls.count("https://api.orange.com/oauth/v3/token") == 1
    assert len(urls) == 3


@pytest.mark.django_db
@override_settings(TASKS=QUEUED, SMS_RETRY_SECONDS=(0, 0))
def test_an_unavailable_orange_queues_the_sms_again_later_and_a_refusal_is_dropped(fake_orange):
    fake_orange.send_status = 503
    sms.send("+221771234567", "Bonjour")
    # Queued, not sent by the request: the worker's first try fails and queues a second.
    assert fake_orange.requests == []
    run_worker("--max-tasks=1")
    assert len(fake_orange.requests) == 2  # the token, then the refused message
    retry = DBTaskResult.objects.ready().get()
    assert retry.args_kwargs["args"] == ["+221771234567", "Bonjour", 2]
    assert retry.run_after is not None

    fake_orange.send_status = 400
    run_worker()
    assert not DBTaskResult.objects.ready().exists()  # dropped, not queued a third time
    assert DBTaskResult.objects.successful().count() == 2


@pytest.mark.django_db
def test_a_pickup_order_by_sms_sends_its_code_and_no_e_mail_to_the_shopper(
    client, product, sms_outbox, new_orders, django_capture_on_commit_callbacks
):
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    signature = client.get(reverse("shop:checkout")).context["form"]["cart_signature"].value()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("shop:checkout"),
            {
                **CUSTOMER,
                "payment_method": "cash",
                "fulfilment": "pickup",
                "notify_by": "sms",
                "phone": "77 123 45 67",
                "cart_signature": signature,
            },
        )
    assert response.status_code == 302
    order = new_orders.get()
    assert order.notify_by == Notification.SMS
    (text,) = sms_outbox
    assert text.to == "+221771234567"
    assert order.reference in text.text and order.pickup_code in text.text
    assert "Code de retrait" in text.text
    assert not [message for message in mail.outbox if order.email in message.to]


@pytest.mark.django_db
def test_both_channels_send_an_e_mail_and_an_sms_on_each_event(
    make_order, product, sms_outbox, shop_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = make_order([(product, 1)], notify_by=Notification.BOTH)
    assert len(sms_outbox) == 1 and "à payer en espèces" in sms_outbox[0].text
    assert sms_outbox[0].to == "+221771234567"  # written « +221 77 123 45 67 »
    assert [m for m in mail.outbox if order.email in m.to]
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.mark_cash_paid(order, by=shop_manager)
    assert "paiement" in sms_outbox[1].text and order.reference in sms_outbox[1].text
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.mark_fulfilled(order, by=shop_manager)
    # Paid in cash at the handover: no « en route » after it.
    assert len(sms_outbox) == 2
    handed_over = make_order([(product, 1)], notify_by=Notification.BOTH)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.hand_over_paid_in_cash(handed_over, by=shop_manager)
    assert len(sms_outbox) == 3
    assert "remise" in sms_outbox[2].text and handed_over.reference in sms_outbox[2].text
    [message] = [m for m in mail.outbox if handed_over.email in m.to]
    assert message.subject.startswith(f"Commande {handed_over.reference} remise et payée")


@pytest.mark.django_db
def test_an_e_mail_only_shopper_gets_no_sms(
    make_order, product, sms_outbox, shop_manager, django_capture_on_commit_callbacks
):
    order = make_order([(product, 1)], fulfilment=Fulfilment.PICKUP)
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.mark_cash_paid(order, by=shop_manager)
        lifecycle.mark_fulfilled(order, by=shop_manager)
    assert sms_outbox == []
    assert [m for m in mail.outbox if order.email in m.to]


@pytest.mark.django_db
def test_an_online_payment_texts_the_shopper_who_chose_sms(
    make_order, product, sms_outbox, django_capture_on_commit_callbacks
):
    order = make_order(
        [(product, 1)], payment_method=PaymentMethod.CARD, notify_by=Notification.SMS
    )
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.confirm_payment(order, amount=order.total, currency=order.currency)
    (text,) = sms_outbox
    assert "payée" in text.text and order.reference in text.text
