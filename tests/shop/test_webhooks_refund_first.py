"""Refund and payment news from Stripe reconcile in any order (signed events, both orders).

Stripe may report a refund (`charge.refunded`, `refund.created`) before the payment it
gives back (`checkout.session.completed`): a charge carries no metadata of ours, only
its payment intent. Whole refund first: the order ends refunded, its pieces back on sale,
no "paid" e-mail. Part refund first: the order is paid, the part recorded.
"""

import pytest
from django.core import mail

from shop.models import OrderStatus, PaymentEvent, RefundStatus
from shop.webhooks import AWAITING_PAYMENT

from . import test_webhooks
from .conftest import event, stock_of
from .test_webhooks import completed

pytestmark = pytest.mark.django_db

card_order = test_webhooks.card_order  # a card order for 2 of `product`'s 5 pieces


@pytest.fixture
def send(post_event, django_capture_on_commit_callbacks):
    """Post signed events one after the other, each committed (its e-mails sent)."""

    def post(*events):
        for stripe_event in events:
            with django_capture_on_commit_callbacks(execute=True):
                assert post_event(stripe_event).status_code == 200

    return post


def charge_refunded(order, amount, with_metadata):
    charge = {
        "id": f"ch_test_{order.pk}",
        "object": "charge",
        "payment_intent": f"pi_test_{order.pk}",
        "amount": order.total,
        "amount_refunded": amount,
        "currency": order.currency.lower(),
        "refunds": {"data": [{"id": f"re_test_{order.pk}", "amount": amount}]},
    }
    if with_metadata:
        charge["metadata"] = {"order_id": str(order.pk), "order_reference": order.reference}
    return event("charge.refunded", charge)


def refund_created(order, amount, refund_id="re_test_part"):
    refund = {
        "id": f"{refund_id}_{order.pk}",
        "object": "refund",
        "amount": amount,
        "currency": order.currency.lower(),
        "payment_intent": f"pi_test_{order.pk}",
        "status": "succeeded",
        "metadata": {},
    }
    return event("refund.created", refund)


def state(order, product):
    order.refresh_from_db()
    refunds = list(order.refunds.values_list("amount", "status"))
    subjects = sorted(message.subject for message in mail.outbox)
    return order.status, order.refunded_amount, stock_of(product), refunds, subjects


@pytest.mark.parametrize("with_metadata", [True, False], ids=["metadata", "no metadata"])
def test_a_whole_refund_before_the_payment_ends_refunded_with_the_pieces_back_and_no_mail(
    card_order, product, send, with_metadata
):
    send(charge_refunded(card_order, card_order.total, with_metadata))
    # Kept, not applied: the shop has not seen this payment yet.
    assert card_order.refunds.count() == 0
    assert PaymentEvent.objects.get(event_type="charge.refunded").result == AWAITING_PAYMENT
    assert stock_of(product) == 3
    send(completed(card_order))
    assert state(card_order, product) == (
        OrderStatus.REFUNDED,
        card_order.total,
        5,
        [(card_order.total, RefundStatus.SUCCEEDED)],
        [],
    )
    assert PaymentEvent.objects.get(event_type="charge.refunded").result == "handled"
    assert card_order.net_total == 0


@pytest.mark.parametrize("with_metadata", [True, False], ids=["metadata", "no metadata"])
def test_a_whole_refund_after_the_payment_refunds_the_paid_order(
    card_order, product, send, with_metadata
):
    send(completed(card_order), charge_refunded(card_order, card_order.total, with_metadata))
    status, refunded, stock, refunds, subjects = state(card_order, product)
    assert (status, refunded, refunds) == (
        OrderStatus.REFUNDED,
        card_order.total,
        [(card_order.total, RefundStatus.SUCCEEDED)],
    )
    assert stock == 3  # paid first: the pieces may be on their way; staff put them back
    assert len(subjects) == 2  # the paid order's e-mails, sent before the refund
    assert any(f"Commande {card_order.reference} payée" in subject for subject in subjects)


def test_a_part_refund_before_the_payment_leaves_the_order_paid_with_its_mails(
    card_order, product, send
):
    send(refund_created(card_order, 1000))
    assert card_order.refunds.count() == 0
    send(completed(card_order))
    status, refunded, stock, refunds, subjects = state(card_order, product)
    assert (status, refunded, stock) == (OrderStatus.PAID, 1000, 3)
    assert refunds == [(1000, RefundStatus.SUCCEEDED)]
    assert len(subjects) == 2
    assert any(f"Commande {card_order.reference} payée" in subject for subject in subjects)


def test_the_same_refund_reported_twice_before_the_payment_is_recorded_once(
    card_order, product, send
):
    send(
        charge_refunded(card_order, card_order.total, with_metadata=False),
        refund_created(card_order, card_order.total, refund_id="re_test"),
    )
    send(completed(card_order))
    status, refunded, stock, _refunds, subjects = state(card_order, product)
    assert (status, refunded, stock, subjects) == (OrderStatus.REFUNDED, card_order.total, 5, [])
    assert list(card_order.refunds.values_list("amount", flat=True)) == [card_order.total]


def test_a_refund_of_a_payment_that_never_comes_changes_no_order(card_order, product, send):
    stranger = charge_refunded(card_order, 500, with_metadata=False)
    stranger["data"]["object"]["payment_intent"] = "pi_of_another_shop"
    send(stranger)
    send(completed(card_order))
    status, refunded, stock, refunds, _subjects = state(card_order, product)
    assert (status, refunded, stock, refunds) == (OrderStatus.PAID, 0, 3, [])
    assert PaymentEvent.objects.get(event_type="charge.refunded").result == AWAITING_PAYMENT
