"""Refunds as their own rows: partial ones leave an order fulfillable, failed ones are undone.

Refunds asked in the order admin go through the order's provider (Stripe's fake here,
with an idempotency key), cash refunds are recorded by hand; the provider's own
reports (charge.refunded, refund.failed) keep the rows in line.
"""

import uuid
from urllib.parse import parse_qs

import pytest
from django.urls import reverse

from shop import lifecycle
from shop.models import Order, OrderStatus, PaymentEvent, PaymentMethod, RefundStatus

from .conftest import event, session_object
from .test_checkout import add, submit

pytestmark = pytest.mark.django_db


def ask_refund(client, order, amount, key=None):
    return client.post(
        reverse("shop_order_refund", args=[order.pk]),
        {"amount": amount, "reason": "Pièce abîmée", "idempotency_key": key or uuid.uuid4()},
    )


def refund_object(order, amount, status):
    """The first refund the fake Stripe made for `order`, as Stripe reports it in events."""
    return {
        "id": "re_test_1",
        "object": "refund",
        "amount": amount,
        "currency": order.currency.lower(),
        "payment_intent": f"pi_test_{order.pk}",
        "status": status,
    }


def test_a_partial_refund_is_a_row_and_the_order_stays_paid_and_fulfillable(
    admin_client, paid_card_order, fake_stripe
):
    response = ask_refund(admin_client, paid_card_order, 1000)
    assert response.status_code == 302
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (OrderStatus.PAID, 1000)
    [refund] = paid_card_order.refunds.all()
    assert (refund.amount, refund.status, refund.provider_refund_id) == (
        1000,
        RefundStatus.SUCCEEDED,
        "re_test_1",
    )
    lifecycle.mark_fulfilled(paid_card_order, by=None, notify=False)
    paid_card_order.refresh_from_db()
    assert paid_card_order.status == OrderStatus.FULFILLED


def test_the_refund_goes_to_stripe_with_its_amount_and_idempotency_key(
    admin_client, paid_card_order, fake_stripe
):
    key = uuid.uuid4()
    ask_refund(admin_client, paid_card_order, 1000, key=key)
    [request] = fake_stripe.posted("/v1/refunds")
    params = parse_qs(request["data"])
    assert params["amount"] == ["1000"]
    assert params["payment_intent"] == [f"pi_test_{paid_card_order.pk}"]
    assert request["headers"]["Idempotency-Key"] == str(key)


def test_the_same_form_sent_twice_refunds_once(admin_client, paid_card_order, fake_stripe):
    key = uuid.uuid4()
    ask_refund(admin_client, paid_card_order, 1000, key=key)
    ask_refund(admin_client, paid_card_order, 1000, key=key)
    assert paid_card_order.refunds.count() == 1
    assert len(fake_stripe.posted("/v1/refunds")) == 1


def test_refunding_the_rest_makes_the_order_refunded(admin_client, paid_card_order, fake_stripe):
    ask_refund(admin_client, paid_card_order, 1000)
    ask_refund(admin_client, paid_card_order, paid_card_order.total - 1000)
    paid_card_order.refresh_from_db()
    assert paid_card_order.status == OrderStatus.REFUNDED
    assert paid_card_order.net_total == 0


def test_more_than_what_is_left_is_refused(admin_client, paid_card_order, fake_stripe):
    ask_refund(admin_client, paid_card_order, 1000)
    response = ask_refund(admin_client, paid_card_order, paid_card_order.total)
    assert response.status_code == 400
    assert paid_card_order.refunds.count() == 1
    assert len(fake_stripe.posted("/v1/refunds")) == 1


def test_a_refund_stripe_refuses_is_recorded_failed_and_changes_nothing(
    admin_client, paid_card_order, fake_stripe
):
    fake_stripe.fail_with = (400, {"error": {"type": "invalid_request_error", "message": "No"}})
    ask_refund(admin_client, paid_card_order, 1000)
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (OrderStatus.PAID, 0)
    assert paid_card_order.refunds.get().status == RefundStatus.FAILED
    assert paid_card_order.refundable_amount == paid_card_order.total


def test_a_refund_that_fails_later_is_undone(
    admin_client, paid_card_order, fake_stripe, post_event
):
    ask_refund(admin_client, paid_card_order, paid_card_order.total)
    paid_card_order.refresh_from_db()
    assert paid_card_order.status == OrderStatus.REFUNDED
    post_event(
        event("refund.failed", refund_object(paid_card_order, paid_card_order.total, "failed"))
    )
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (OrderStatus.PAID, 0)


def test_a_pending_refund_counts_once_stripe_says_it_succeeded(
    admin_client, paid_card_order, fake_stripe, post_event
):
    fake_stripe.refund_status = "pending"
    ask_refund(admin_client, paid_card_order, 1000)
    paid_card_order.refresh_from_db()
    assert paid_card_order.refunded_amount == 0
    assert paid_card_order.refundable_amount == paid_card_order.total - 1000
    post_event(event("refund.updated", refund_object(paid_card_order, 1000, "succeeded")))
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (OrderStatus.PAID, 1000)


def test_a_refund_report_in_another_currency_is_flagged_not_recorded(paid_card_order, post_event):
    charge = {
        "id": "ch_1",
        "payment_intent": f"pi_test_{paid_card_order.pk}",
        "amount_refunded": 1000,
        "currency": "usd",
    }
    response = post_event(event("charge.refunded", charge))
    assert response.content == b"currency mismatch"
    paid_card_order.refresh_from_db()
    assert paid_card_order.refunded_amount == 0


def test_shop_managers_may_refund_and_communications_staff_may_not(
    client, paid_card_order, shop_manager, communications_staff, fake_stripe
):
    client.force_login(communications_staff)
    assert ask_refund(client, paid_card_order, 1000).status_code in (302, 403)
    assert not paid_card_order.refunds.exists()
    client.force_login(shop_manager)
    ask_refund(client, paid_card_order, 1000)
    assert paid_card_order.refunds.count() == 1


def test_a_cash_refund_is_recorded_by_hand(admin_client, make_order, product, admin_user):
    order = lifecycle.mark_cash_paid(make_order([(product, 1)]), by=admin_user)
    ask_refund(admin_client, order, 500)
    refund = order.refunds.get()
    assert (refund.provider, refund.status, refund.created_by) == (
        "cash",
        RefundStatus.SUCCEEDED,
        admin_user,
    )
    order.refresh_from_db()
    assert (order.status, order.refunded_amount) == (OrderStatus.PAID, 500)


def test_wave_refunds_only_in_whole(admin_client, client, product, fake_wave, new_orders):
    add(client, product)
    submit(client, payment_method="mobile")
    order = new_orders.get()
    session = fake_wave.pay(order.payment_reference)
    lifecycle.confirm_payment(
        order, amount=order.total, currency="XOF", transaction_id=session["transaction_id"]
    )
    ask_refund(admin_client, order, 1000)
    assert not order.refunds.exclude(status=RefundStatus.FAILED).exists()
    ask_refund(admin_client, order, order.total)
    order.refresh_from_db()
    assert order.status == OrderStatus.REFUNDED
    assert fake_wave.posted(f"/v1/checkout/sessions/{order.payment_reference}/refund")


def test_back_from_stripe_the_order_page_confirms_the_payment(
    client, product, fake_stripe, new_orders
):
    add(client, product)
    submit(client, payment_method="card")
    order = new_orders.get()
    [request] = fake_stripe.posted("/v1/checkout/sessions")
    success_url = parse_qs(request["data"])["success_url"][0]
    assert success_url.endswith("&payment=returned&session_id={CHECKOUT_SESSION_ID}")
    fake_stripe.sessions[order.payment_reference].update(session_object(order))
    page = reverse("shop:order_detail", args=[order.reference])
    client.get(page, {"payment": "returned", "session_id": order.payment_reference})
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID


def test_a_session_id_that_is_not_the_orders_confirms_nothing(
    client, product, fake_stripe, new_orders
):
    add(client, product)
    submit(client, payment_method="card")
    order = new_orders.get()
    fake_stripe.sessions[order.payment_reference].update(session_object(order))
    page = reverse("shop:order_detail", args=[order.reference])
    client.get(page, {"payment": "returned", "session_id": "cs_someone_elses"})
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_a_stored_event_can_be_applied_again_from_the_admin(
    admin_client, make_order, product, post_event
):
    order = make_order([(product, 1)], payment_method=PaymentMethod.CARD)
    Order.objects.filter(pk=order.pk).update(payment_reference=f"cs_test_for_{order.pk}")
    post_event(event("checkout.session.completed", session_object(order)))
    stored = PaymentEvent.objects.get(order=order)
    # Staff undo what the event did (a test stand-in for a bug fixed since), then replay it.
    Order.objects.filter(pk=order.pk).update(status=OrderStatus.PENDING_PAYMENT)
    response = admin_client.post(reverse("shop_event_replay", args=[order.pk, stored.pk]))
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    inspect = admin_client.get(reverse("shop_order_modeladmin_inspect", args=[order.pk]))
    assert stored.event_id in inspect.content.decode()
