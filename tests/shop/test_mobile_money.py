"""Mobile money through Wave: the checkout, Wave's signed callback, the return and expiry.

Wave is replaced by `FakeWave` (its documented request and answer shapes); callbacks are
signed as Wave signs them (`Wave-Signature: t=...,v1=HMAC-SHA256(t + body)`).
"""

import json
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from shop.models import Order, OrderStatus, PaymentEvent, PaymentMethod

from .conftest import WAVE_LAUNCH_URL, set_stock, stock_of, wave_event, wave_signed
from .test_checkout import add, checkout_form, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def wave_order(client, product, fake_wave, new_orders):
    """An order for one piece of `product` (5 in stock) placed with mobile money."""
    add(client, product)
    response = submit(client, payment_method="mobile")
    assert response.status_code == 302
    return new_orders.get()


def session_of(fake_wave, order):
    return fake_wave.sessions[order.payment_reference]


def snapshot(order, product):
    order.refresh_from_db()
    return (order.status, order.stock_reserved, order.needs_refund, stock_of(product))


def test_mobile_money_is_offered_beside_cash_when_wave_is_configured(client, product, fake_wave):
    add(client, product)
    html = checkout_form(client).content.decode()
    assert 'value="mobile"' in html
    assert "Wave / Orange Money" in html


def test_mobile_money_is_not_offered_when_the_site_turns_it_off(
    client, product, fake_wave, shop_settings
):
    shop_settings.mobile_money_payments = False
    shop_settings.save()
    add(client, product)
    assert 'value="mobile"' not in checkout_form(client).content.decode()


def test_mobile_money_is_not_offered_in_a_currency_wave_cannot_collect(
    client, product, fake_wave, shop_settings
):
    shop_settings.currency = "EUR"
    shop_settings.save()
    add(client, product)
    assert 'value="mobile"' not in checkout_form(client).content.decode()


def test_checkout_opens_a_wave_session_for_the_total_and_sends_the_shopper_there(
    client, product, fake_wave, new_orders
):
    add(client, product)
    response = submit(client, payment_method="mobile")
    order = new_orders.get()
    assert response.url == f"{WAVE_LAUNCH_URL}{order.payment_reference}"
    assert (order.status, order.payment_provider) == (OrderStatus.PENDING_PAYMENT, "wave")
    [request] = fake_wave.posted("/v1/checkout/sessions")
    assert request["headers"]["Authorization"] == "Bearer wave_sn_prod_test_key"
    assert request["json"]["amount"] == str(order.total)  # francs, as a string
    assert request["json"]["currency"] == "XOF"
    assert request["json"]["client_reference"] == order.reference
    assert request["json"]["success_url"].endswith(
        f"/orders/{order.reference}/?key={order.access_key()}&payment=returned"
    )
    assert "payment=cancelled" in request["json"]["error_url"]


def test_wave_down_at_checkout_cancels_the_order_and_gives_the_cart_back(
    client, product, fake_wave, new_orders
):
    fake_wave.fail_with = 500
    add(client, product)
    response = submit(client, payment_method="mobile")
    assert response.url == reverse("shop:checkout")
    assert new_orders.get().status == OrderStatus.CANCELLED
    assert stock_of(product) == 5
    assert checkout_form(client).status_code == 200  # the cart is back


def test_signed_completed_callback_marks_the_order_paid(
    wave_order, product, fake_wave, post_wave, django_capture_on_commit_callbacks
):
    session = fake_wave.pay(wave_order.payment_reference)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_wave(wave_event("checkout.session.completed", session))
    assert response.status_code == 200
    assert snapshot(wave_order, product) == (OrderStatus.PAID, True, False, 4)
    assert wave_order.payment_transaction_id == session["transaction_id"]
    assert mail.outbox[0].to == ["awa@example.sn"]


def test_the_callback_is_stored_with_its_payload_and_result(wave_order, fake_wave, post_wave):
    event = wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference))
    post_wave(event)
    stored = PaymentEvent.objects.get(provider="wave")
    assert (stored.event_id, stored.result, stored.order) == (event["id"], "handled", wave_order)
    assert json.loads(stored.payload) == event


def test_a_callback_sent_twice_is_applied_once(
    wave_order, product, fake_wave, post_wave, django_capture_on_commit_callbacks
):
    event = wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference))
    with django_capture_on_commit_callbacks(execute=True):
        post_wave(event)
        second = post_wave(event)
    assert second.content == b"duplicate"
    assert snapshot(wave_order, product) == (OrderStatus.PAID, True, False, 4)
    assert wave_order.status_changes.filter(to_status=OrderStatus.PAID).count() == 1
    assert len(mail.outbox) == 2  # the shopper's and the shop managers', once


def test_a_failure_arriving_after_the_payment_leaves_the_order_paid(
    wave_order, product, fake_wave, post_wave
):
    session = fake_wave.pay(wave_order.payment_reference)
    post_wave(wave_event("checkout.session.completed", session))
    post_wave(
        wave_event("checkout.session.payment_failed", {**session, "payment_status": "cancelled"})
    )
    assert snapshot(wave_order, product) == (OrderStatus.PAID, True, False, 4)


def test_a_payment_after_a_failure_reserves_the_pieces_again(
    wave_order, product, fake_wave, post_wave
):
    open_session = session_of(fake_wave, wave_order)
    failed = {**open_session, "payment_status": "cancelled"}
    post_wave(wave_event("checkout.session.payment_failed", failed))
    assert snapshot(wave_order, product) == (OrderStatus.CANCELLED, False, False, 5)
    post_wave(wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference)))
    assert snapshot(wave_order, product) == (OrderStatus.PAID, True, False, 4)


def test_after_expiry_a_late_payment_for_a_sold_piece_is_flagged_for_refund(
    wave_order, product, fake_wave, post_wave
):
    Order.objects.filter(pk=wave_order.pk).update(
        payment_expires_at=timezone.now() - timedelta(hours=1)
    )
    call_command("release_expired_reservations", stdout=StringIO())
    assert session_of(fake_wave, wave_order)["checkout_status"] == "expired"
    assert snapshot(wave_order, product) == (OrderStatus.CANCELLED, False, False, 5)
    set_stock(product, 0)  # someone else bought the piece meanwhile
    post_wave(wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference)))
    assert snapshot(wave_order, product) == (OrderStatus.CANCELLED, False, True, 0)


def test_the_release_command_records_a_payment_whose_callback_was_lost(
    wave_order, product, fake_wave
):
    fake_wave.pay(wave_order.payment_reference)
    Order.objects.filter(pk=wave_order.pk).update(
        payment_expires_at=timezone.now() - timedelta(hours=1)
    )
    output = StringIO()
    call_command("release_expired_reservations", stdout=output)
    assert f"Paid after all: {wave_order.reference}" in output.getvalue()
    assert snapshot(wave_order, product) == (OrderStatus.PAID, True, False, 4)


def test_an_amount_that_does_not_match_is_flagged_not_accepted(
    wave_order, product, fake_wave, post_wave
):
    session = {**fake_wave.pay(wave_order.payment_reference), "amount": "100"}
    post_wave(wave_event("checkout.session.completed", session))
    assert snapshot(wave_order, product) == (OrderStatus.PENDING_PAYMENT, True, True, 4)


def test_a_payment_in_another_currency_is_flagged_not_accepted(
    wave_order, product, fake_wave, post_wave
):
    session = {**fake_wave.pay(wave_order.payment_reference), "currency": "GMD"}
    response = post_wave(wave_event("checkout.session.completed", session))
    assert response.content == b"currency mismatch"
    assert snapshot(wave_order, product) == (OrderStatus.PENDING_PAYMENT, True, True, 4)


@pytest.mark.parametrize(
    "signature",
    [
        "",
        "t=1,v1=" + "0" * 64,
        "v1=abc",
        "t=abc,v1=abc",
    ],
)
def test_unsigned_or_badly_signed_callbacks_are_refused(
    wave_order, fake_wave, post_wave, signature
):
    event = wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference))
    assert post_wave(event, signature=signature).status_code == 400
    assert not PaymentEvent.objects.exists()


def test_a_callback_signed_with_another_secret_is_refused(wave_order, fake_wave, post_wave):
    event = wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference))
    signature = wave_signed(json.dumps(event), secret="someone_else")
    assert post_wave(event, signature=signature).status_code == 400
    wave_order.refresh_from_db()
    assert wave_order.status == OrderStatus.PENDING_PAYMENT


def test_an_old_signed_callback_is_refused(wave_order, fake_wave, post_wave):
    event = wave_event("checkout.session.completed", fake_wave.pay(wave_order.payment_reference))
    signature = wave_signed(json.dumps(event), timestamp=int(time.time()) - 3600)
    assert post_wave(event, signature=signature).status_code == 400


def test_back_from_wave_the_order_page_confirms_the_payment_without_the_callback(
    client, wave_order, product, fake_wave
):
    fake_wave.pay(wave_order.payment_reference)
    response = client.get(
        reverse("shop:order_detail", args=[wave_order.reference]), {"payment": "returned"}
    )
    assert response.status_code == 200
    assert snapshot(wave_order, product) == (OrderStatus.PAID, True, False, 4)


def test_back_from_wave_unpaid_the_order_still_waits(client, wave_order, product, fake_wave):
    client.get(reverse("shop:order_detail", args=[wave_order.reference]), {"payment": "returned"})
    assert snapshot(wave_order, product) == (OrderStatus.PENDING_PAYMENT, True, False, 4)


def test_a_wave_session_naming_another_order_confirms_nothing(
    client, wave_order, product, fake_wave
):
    session = fake_wave.pay(wave_order.payment_reference)
    session["client_reference"] = "ML-2026-99999"
    client.get(reverse("shop:order_detail", args=[wave_order.reference]), {"payment": "returned"})
    assert snapshot(wave_order, product) == (OrderStatus.PENDING_PAYMENT, True, False, 4)


def test_the_shopper_cancelling_closes_the_wave_session(client, wave_order, product, fake_wave):
    response = client.post(reverse("shop:order_cancel", args=[wave_order.reference]))
    assert response.status_code == 302
    assert session_of(fake_wave, wave_order)["checkout_status"] == "expired"
    assert snapshot(wave_order, product) == (OrderStatus.CANCELLED, False, False, 5)


def test_mobile_money_orders_are_placed_with_their_method(wave_order):
    assert wave_order.payment_method == PaymentMethod.MOBILE_MONEY
