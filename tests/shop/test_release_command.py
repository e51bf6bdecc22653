"""The cron command that settles reservations left behind by a lost webhook."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from shop.checkout import ONLINE_PAYMENT_TIME, PAGE_OPENING_TIME
from shop.models import Order, OrderStatus, PaymentMethod

from .conftest import stock_of
from .test_checkout import add, submit

pytestmark = pytest.mark.django_db


def run(*args):
    output = io.StringIO()
    call_command("release_expired_reservations", *args, stdout=output)
    return output.getvalue()


@pytest.fixture
def overdue(make_order, product, fake_stripe):
    """A card order (2 pieces) whose payment deadline passed an hour ago, session open."""
    order = make_order([(product, 2)], payment_method=PaymentMethod.CARD)
    fake_stripe.sessions["cs_test_late"] = {
        "id": "cs_test_late",
        "object": "checkout.session",
        "status": "expired",
        "payment_status": "unpaid",
    }
    Order.objects.filter(pk=order.pk).update(
        payment_reference="cs_test_late", payment_expires_at=timezone.now() - timedelta(hours=1)
    )
    order.refresh_from_db()
    return order


def test_an_expired_session_with_no_webhook_releases_the_pieces(overdue, product):
    assert stock_of(product) == 3
    output = run()
    overdue.refresh_from_db()
    assert overdue.status == OrderStatus.CANCELLED
    assert stock_of(product) == 5
    assert overdue.reference in output
    assert "1 order(s) settled" in output
    assert run().endswith("0 order(s) settled.\n")
    assert stock_of(product) == 5


def test_a_session_paid_whose_webhook_was_lost_becomes_paid(overdue, product, fake_stripe):
    fake_stripe.sessions["cs_test_late"].update(
        status="complete",
        payment_status="paid",
        amount_total=overdue.total,
        currency="xof",
        payment_intent="pi_test_late",
    )
    assert "Paid after all" in run()
    overdue.refresh_from_db()
    assert (overdue.status, overdue.payment_transaction_id) == (OrderStatus.PAID, "pi_test_late")
    assert stock_of(product) == 3


def test_a_session_still_open_past_its_deadline_is_closed_then_released(
    overdue, product, fake_stripe
):
    fake_stripe.sessions["cs_test_late"]["status"] = "open"
    run()
    assert fake_stripe.posted("/v1/checkout/sessions/cs_test_late/expire")
    overdue.refresh_from_db()
    assert overdue.status == OrderStatus.CANCELLED


def test_when_stripe_is_unreachable_the_order_waits_for_the_next_run(overdue, product, fake_stripe):
    fake_stripe.fail_with = (500, {"error": {"type": "api_error", "message": "down"}})
    assert "Provider unreachable" in run()
    overdue.refresh_from_db()
    assert overdue.status == OrderStatus.PENDING_PAYMENT
    assert stock_of(product) == 3


def test_orders_within_their_deadline_or_grace_are_left_alone(overdue, product):
    Order.objects.filter(pk=overdue.pk).update(
        payment_expires_at=timezone.now() - timedelta(minutes=5)
    )
    run()
    overdue.refresh_from_db()
    assert overdue.status == OrderStatus.PENDING_PAYMENT
    run("--grace-minutes", "0")
    overdue.refresh_from_db()
    assert overdue.status == OrderStatus.CANCELLED


def test_cash_orders_are_cancelled_only_when_asked(make_order, product):
    order = make_order([(product, 1)])
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(days=10))
    run()
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_CASH
    fresh = make_order([(product, 1)])
    output = run("--cash-days", "7")
    order.refresh_from_db()
    fresh.refresh_from_db()
    assert (order.status, fresh.status) == (OrderStatus.CANCELLED, OrderStatus.AWAITING_CASH)
    assert "Cash orders cancelled" in output
    assert stock_of(product) == 4


@pytest.mark.parametrize("args", [["--grace-minutes", "-1"], ["--cash-days", "0"]])
def test_nonsense_options_are_refused(args):
    with pytest.raises(CommandError):
        run(*args)


# Stripe's answer to expiring a session that is no longer open (HTTP 400).
NOT_OPEN = {
    "error": {
        "message": 'Only Checkout Sessions with a status in ["open"] can be expired. This '
        "Checkout Session has a status of `complete`.",
        "type": "invalid_request_error",
    }
}


def paid_just_before_expiry(fake_stripe, order):
    """The shopper pays while the command runs: Stripe refuses to expire, the session is paid."""
    session = fake_stripe.sessions["cs_test_late"]
    session["status"] = "open"
    answer = fake_stripe.request

    def request(method, url, headers, post_data=None):
        if method == "post" and url.endswith("/cs_test_late/expire"):
            fake_stripe.requests.append({"method": method, "url": url, "data": post_data})
            session.update(
                status="complete",
                payment_status="paid",
                amount_total=order.total,
                currency="xof",
                payment_intent="pi_test_meanwhile",
            )
            return json.dumps(NOT_OPEN), 400, {}
        return answer(method, url, headers, post_data)

    fake_stripe.request = request


def test_a_session_stripe_refuses_to_expire_because_it_was_paid_makes_the_order_paid(
    overdue, product, fake_stripe, mailoutbox, django_capture_on_commit_callbacks
):
    paid_just_before_expiry(fake_stripe, overdue)
    with django_capture_on_commit_callbacks(execute=True):
        output = run()
    assert fake_stripe.posted("/v1/checkout/sessions/cs_test_late/expire")
    overdue.refresh_from_db()
    assert (overdue.status, overdue.payment_transaction_id) == (
        OrderStatus.PAID,
        "pi_test_meanwhile",
    )
    assert f"Paid after all: {overdue.reference}" in output
    assert stock_of(product) == 3
    [confirmation] = [message for message in mailoutbox if message.to == [overdue.email]]
    assert overdue.reference in confirmation.subject


def test_when_stripe_cannot_be_reached_to_expire_the_order_waits_for_the_next_run(
    overdue, product, fake_stripe
):
    fake_stripe.sessions["cs_test_late"]["status"] = "open"
    answer = fake_stripe.request

    def request(method, url, headers, post_data=None):
        if url.endswith("/expire"):
            return json.dumps({"error": {"type": "api_error", "message": "down"}}), 500, {}
        return answer(method, url, headers, post_data)

    fake_stripe.request = request
    assert f"Provider unreachable, retried next run: {overdue.reference}" in run()
    overdue.refresh_from_db()
    assert overdue.status == OrderStatus.PENDING_PAYMENT
    assert stock_of(product) == 3


@pytest.fixture
def never_opened(make_order, product, fake_stripe):
    """A card order (2 pieces) whose checkout died before Stripe answered: no page."""
    return make_order([(product, 2)], payment_method=PaymentMethod.CARD)


def test_an_order_whose_page_was_never_made_holds_its_pieces_for_minutes_only(never_opened):
    assert not never_opened.payment_reference
    assert never_opened.payment_expires_at - never_opened.created_at <= PAGE_OPENING_TIME


def test_an_order_whose_page_was_never_made_is_released_past_its_deadline_with_no_grace(
    never_opened, product, fake_stripe
):
    run()
    never_opened.refresh_from_db()
    assert never_opened.status == OrderStatus.PENDING_PAYMENT  # the checkout may still finish
    Order.objects.filter(pk=never_opened.pk).update(
        payment_expires_at=timezone.now() - timedelta(seconds=1)
    )
    output = run()
    never_opened.refresh_from_db()
    assert never_opened.status == OrderStatus.CANCELLED
    assert f"Released: {never_opened.reference}" in output
    assert stock_of(product) == 5
    assert fake_stripe.requests == []  # no page: nothing to ask Stripe


def test_an_opened_page_gets_the_providers_deadline(client, product, fake_stripe, new_orders):
    add(client, product, 1)
    submit(client, payment_method="card")
    order = new_orders.get()
    assert order.payment_reference == "cs_test_1"
    assert order.payment_expires_at - order.created_at == ONLINE_PAYMENT_TIME
    Order.objects.filter(pk=order.pk).update(
        payment_expires_at=order.created_at + PAGE_OPENING_TIME
    )
    run()  # a page that exists waits for the grace: Stripe's callback may come
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_a_wave_session_paid_while_the_command_closes_it_makes_the_order_paid(
    client, product, fake_wave, new_orders
):
    add(client, product, 1)
    submit(client, payment_method="mobile")
    order = new_orders.get()
    Order.objects.filter(pk=order.pk).update(payment_expires_at=timezone.now() - timedelta(hours=1))
    answer = fake_wave.send

    def send(request, **kwargs):
        if request.url.endswith(f"/{order.payment_reference}/expire"):
            fake_wave.pay(order.payment_reference)  # paid just before: Wave answers 409
        return answer(request, **kwargs)

    fake_wave.send = send
    output = run()
    assert fake_wave.posted(f"/v1/checkout/sessions/{order.payment_reference}/expire")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert f"Paid after all: {order.reference}" in output
