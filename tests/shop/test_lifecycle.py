"""Order lifecycle services that staff call: cancelling closes the payment page first."""

import pytest

from shop import lifecycle
from shop.models import Order, OrderStatus, PaymentMethod

from .conftest import stock_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_card_order(make_order, product, fake_stripe):
    order = make_order([(product, 2)], payment_method=PaymentMethod.CARD)
    session = {"id": "cs_test_staff", "status": "open", "payment_status": "unpaid"}
    fake_stripe.sessions[session["id"]] = session
    Order.objects.filter(pk=order.pk).update(payment_reference=session["id"])
    order.refresh_from_db()
    return order


def test_staff_cancelling_closes_the_payment_page_then_releases_the_pieces(
    open_card_order, product, fake_stripe, admin_user
):
    assert stock_of(product) == 3
    order = lifecycle.cancel_by_staff(open_card_order, by=admin_user, note="Client injoignable")
    assert order.status == OrderStatus.CANCELLED
    assert fake_stripe.sessions["cs_test_staff"]["status"] == "expired"
    assert stock_of(product) == 5
    change = order.status_changes.last()
    assert (change.changed_by, change.note) == (admin_user, "Client injoignable")


def test_staff_cannot_cancel_an_order_whose_page_was_paid_meanwhile(
    open_card_order, product, fake_stripe, admin_user
):
    fake_stripe.sessions["cs_test_staff"].update(status="complete", payment_status="paid")
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle.cancel_by_staff(open_card_order, by=admin_user)
    open_card_order.refresh_from_db()
    assert open_card_order.status == OrderStatus.PENDING_PAYMENT
    assert stock_of(product) == 3
    assert not open_card_order.status_changes.filter(to_status=OrderStatus.CANCELLED).exists()


def test_staff_cancelling_a_cash_order_asks_no_provider(
    make_order, product, fake_stripe, admin_user
):
    order = lifecycle.cancel_by_staff(make_order([(product, 1)]), by=admin_user)
    assert order.status == OrderStatus.CANCELLED
    assert fake_stripe.requests == []
    assert stock_of(product) == 5


def test_every_staff_action_makes_a_move_of_the_transition_table():
    named = {action for action in lifecycle.TRANSITIONS.values() if action is not None}
    assert named == set(lifecycle.STAFF_ACTIONS)
