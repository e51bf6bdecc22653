"""Returns from the order admin: pieces taken back line by line, refunded, restocked or not.

The orders are the hand-checked XAF sales of `tests.sales` (10 % markup, 2 000 delivery)
plus one piece priced 19 500 for its artisan: 1 950 markup, 21 450 for the shopper. A
return refunds the pieces at the price they were sold; the figures and the artisan's
earnings lose exactly the returned pieces' artisan share.
"""

import uuid
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from impact import figures
from shop import earnings, lifecycle
from shop.models import Order, OrderStatus, PaymentMethod, ProductPage, RefundStatus
from shop.sales import net_lines
from tests import sales as hand
from tests.sales import place

from .conftest import event, set_stock, stock_of
from .test_refunds import refund_object

pytestmark = pytest.mark.django_db

ARTISAN_PRICE = 19_500
MARKUP = 1_950
UNIT_PRICE = 21_450


@pytest.fixture
def piece(sales):
    """The first hand-checked product, priced 19 500 for its artisan, 4 in stock."""
    product = sales.products[0]
    ProductPage.objects.filter(translation_key=product.translation_key).update(
        artisan_price=ARTISAN_PRICE
    )
    product.refresh_from_db()
    return set_stock(product, 4)


@pytest.fixture
def manager_client(client, shop_manager):
    client.force_login(shop_manager)
    return client


def paid_in_cash(sales, lines, **options):
    order = place(sales.shop_settings, lines, **options)
    lifecycle.mark_cash_paid(order, by=sales.manager)
    order.refresh_from_db()
    return order


def take_back(client, order, pieces, *, delivery=False, key=None):
    """Post the return form: `pieces` is {line: (how many, put back on sale)}."""
    data = {"idempotency_key": key or uuid.uuid4(), "reason": "Rapportée au magasin"}
    for line, (quantity, restock) in pieces.items():
        data[f"line-{line.pk}-quantity"] = quantity
        if restock:
            data[f"line-{line.pk}-restock"] = "on"
    if delivery:
        data["delivery"] = "on"
    return client.post(reverse("shop_order_return", args=[order.pk]), data)


def totals():
    figures.invalidate()
    return figures.ledger(hand.CURRENCY).figures()


def owed_to(artisan):
    today = timezone.localdate()
    accounts = earnings.earnings(hand.CURRENCY, earnings.DateRange(date(today.year, 1, 1), today))
    return next(account.owed for account in accounts if account.artisan_id == artisan.pk)


def inspect(client, order):
    page = client.get(reverse("shop_order_modeladmin_inspect", args=[order.pk]))
    return BeautifulSoup(page.content, "html.parser")


def test_a_paid_cash_order_offers_a_return(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 1)])
    links = [link["href"] for link in inspect(manager_client, order).select("a.button")]
    assert reverse("shop_order_return", args=[order.pk]) in links


def test_a_cash_return_is_handed_back_in_cash_restocked_logged_and_mailed(
    manager_client, shop_manager, sales, piece, django_capture_on_commit_callbacks
):
    order = paid_in_cash(sales, [(piece, 1)])
    [line] = order.lines.all()
    assert (line.unit_price, stock_of(piece)) == (UNIT_PRICE, 3)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = take_back(manager_client, order, {line: (1, True)})
    assert response.status_code == 302
    [refund] = order.refunds.all()
    assert (refund.provider, refund.status, refund.amount, refund.created_by) == (
        "cash",
        RefundStatus.SUCCEEDED,
        UNIT_PRICE,
        shop_manager,
    )
    order.refresh_from_db()
    # Every piece came back: refunded, though the delivery fee was kept.
    assert (order.status, order.refunded_amount) == (OrderStatus.REFUNDED, UNIT_PRICE)
    assert stock_of(piece) == 4
    notes = list(
        order.status_changes.filter(changed_by=shop_manager).values_list("note", flat=True)
    )
    assert any("1 × " in note and "remise en vente" in note for note in notes), notes
    [message] = mail.outbox
    assert message.to == [order.email] and order.reference in message.subject
    assert "21\u202f450" in message.body or "21 450" in message.body


def test_the_figures_and_earnings_drop_by_exactly_the_returned_pieces_artisan_share(
    manager_client, sales, piece, django_capture_on_commit_callbacks
):
    other = sales.products[1]
    order = paid_in_cash(sales, [(piece, 1), (other, 1)])
    before, owed_before, other_before = totals(), owed_to(piece.artisan), owed_to(other.artisan)
    line = order.lines.get(product=piece)
    with django_capture_on_commit_callbacks(execute=True):
        take_back(manager_client, order, {line: (1, True)})
    after = totals()
    assert before.paid_to_artisans - after.paid_to_artisans == ARTISAN_PRICE
    assert before.markup - after.markup == MARKUP
    assert (before.items - after.items, before.orders - after.orders) == (1, 0)
    assert owed_before - owed_to(piece.artisan) == ARTISAN_PRICE
    assert owed_to(other.artisan) == other_before
    order.refresh_from_db()
    # One piece of two came back: still paid, refunded in part, as the order page says.
    assert (order.status, order.refunded_amount) == (OrderStatus.PAID, UNIT_PRICE)
    assert "en partie" in inspect(manager_client, order).get_text()


def test_a_piece_not_restocked_stays_off_sale(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 2)])
    [line] = order.lines.all()
    take_back(manager_client, order, {line: (2, False)})
    assert stock_of(piece) == 2
    assert order.refunds.get().amount == 2 * UNIT_PRICE


def test_a_sold_piece_returned_and_restocked_is_on_sale_again(client, shop_manager, sales):
    unique = sales.products[2]
    set_stock(unique, 1)
    order = paid_in_cash(sales, [(unique, 1)])
    assert "Vendu" in client.get(unique.url).content.decode()
    client.force_login(shop_manager)
    take_back(client, order, {order.lines.get(): (1, True)})
    client.logout()
    assert stock_of(unique) == 1
    assert "Vendu" not in client.get(unique.url).content.decode()


def test_the_delivery_fee_is_refunded_only_when_ticked(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 3)])
    [line] = order.lines.all()
    take_back(manager_client, order, {line: (1, True)})
    take_back(manager_client, order, {line: (1, True)}, delivery=True)
    assert [refund.amount for refund in order.refunds.all()] == [UNIT_PRICE, UNIT_PRICE + 2_000]
    order.refresh_from_db()
    assert (order.status, order.refunded_amount) == (OrderStatus.PAID, 2 * UNIT_PRICE + 2_000)
    # The figures keep the third piece whole: the fee refunded is not taken from it.
    [net] = net_lines(order)
    assert (net.quantity, net.artisan_share, net.markup) == (1, ARTISAN_PRICE, MARKUP)


def test_a_fulfilled_order_whose_pieces_all_came_back_is_refunded(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 1)])
    lifecycle.mark_fulfilled(order, by=sales.manager, notify=False)
    take_back(manager_client, order, {order.lines.get(): (1, True)}, delivery=True)
    order.refresh_from_db()
    assert (order.status, order.refunded_amount) == (OrderStatus.REFUNDED, order.total)
    assert order.status_changes.filter(
        from_status=OrderStatus.FULFILLED, to_status=OrderStatus.REFUNDED
    ).exists()


def test_the_same_form_sent_twice_takes_the_piece_back_once(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 2)])
    [line] = order.lines.all()
    key = uuid.uuid4()
    take_back(manager_client, order, {line: (1, True)}, key=key)
    take_back(manager_client, order, {line: (1, True)}, key=key)
    assert order.refunds.count() == 1
    assert stock_of(piece) == 3


@pytest.mark.parametrize("quantity", [3, -1, "deux"])
def test_a_wrong_quantity_is_a_form_error_and_changes_nothing(
    manager_client, sales, piece, quantity
):
    order = paid_in_cash(sales, [(piece, 2)])
    response = take_back(manager_client, order, {order.lines.get(): (quantity, True)})
    assert response.status_code == 400
    assert BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert not order.refunds.exists()
    assert stock_of(piece) == 2


def test_a_line_of_another_order_is_refused(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 1)])
    other = paid_in_cash(sales, [(piece, 1)])
    pieces = {order.lines.get(): (0, False), other.lines.get(): (1, True)}
    response = take_back(manager_client, order, pieces)
    assert response.status_code == 400
    assert "pas une ligne de cette commande" in response.content.decode()
    assert not order.refunds.exists() and not other.refunds.exists()
    assert stock_of(piece) == 2


def test_a_piece_cannot_come_back_twice(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 1), (sales.products[1], 1)])
    line = order.lines.get(product=piece)
    take_back(manager_client, order, {line: (1, True)})
    response = take_back(manager_client, order, {line: (1, True)})
    assert response.status_code == 400
    assert order.refunds.count() == 1
    assert stock_of(piece) == 4


def test_nothing_chosen_is_a_form_error(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 1)])
    response = take_back(manager_client, order, {order.lines.get(): (0, True)})
    assert response.status_code == 400
    assert not order.refunds.exists()


def test_only_staff_who_may_change_orders_take_pieces_back(
    client, communications_staff, sales, piece
):
    order = paid_in_cash(sales, [(piece, 1)])
    client.force_login(communications_staff)
    response = take_back(client, order, {order.lines.get(): (1, True)})
    assert response.status_code in (302, 403)
    assert not order.refunds.exists()
    assert stock_of(piece) == 3


def test_an_unpaid_order_takes_nothing_back(manager_client, sales, piece):
    order = place(sales.shop_settings, [(piece, 1)])
    response = take_back(manager_client, order, {order.lines.get(): (1, True)})
    assert response.status_code == 302
    assert not order.refunds.exists()


def test_a_card_return_goes_through_stripe_and_restocks_per_line(
    admin_client,
    paid_card_order,
    fake_stripe,
    product,
):
    [line] = paid_card_order.lines.all()
    stock = stock_of(product)
    take_back(admin_client, paid_card_order, {line: (1, True)})
    [request] = fake_stripe.posted("/v1/refunds")
    assert f"amount={line.unit_price}" in request["data"]
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (
        OrderStatus.PAID,
        line.unit_price,
    )
    assert stock_of(product) == stock + 1


def test_a_card_return_stripe_refuses_counts_nothing_and_may_be_asked_again(
    admin_client,
    paid_card_order,
    fake_stripe,
    product,
):
    [line] = paid_card_order.lines.all()
    fake_stripe.fail_with = (400, {"error": {"type": "invalid_request_error", "message": "No"}})
    take_back(admin_client, paid_card_order, {line: (2, False)})
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (OrderStatus.PAID, 0)
    fake_stripe.fail_with = None
    take_back(admin_client, paid_card_order, {line: (2, False)}, delivery=True)
    paid_card_order.refresh_from_db()
    assert paid_card_order.status == OrderStatus.REFUNDED
    assert Order.objects.get(pk=paid_card_order.pk).payment_method == PaymentMethod.CARD


def test_the_reconciliation_still_matches_after_a_return(manager_client, sales, piece):
    order = paid_in_cash(sales, [(piece, 1), (sales.products[1], 1)])
    take_back(manager_client, order, {order.lines.get(product=piece): (1, False)}, delivery=True)
    figures.invalidate()
    response = manager_client.get(reverse("impact_reconciliation"))
    assert response.context["all_match"]
    assert totals().paid_to_artisans == hand.PAID_TO_ARTISANS + 24_000


def test_a_return_whose_card_refund_fails_later_is_fulfilled_and_counted_again(
    admin_client, paid_card_order, fake_stripe, post_event
):
    lifecycle.mark_fulfilled(paid_card_order, by=None, notify=False)
    [line] = paid_card_order.lines.all()
    take_back(admin_client, paid_card_order, {line: (2, True)}, delivery=True)
    paid_card_order.refresh_from_db()
    assert paid_card_order.status == OrderStatus.REFUNDED
    refund = refund_object(paid_card_order, paid_card_order.total, "failed")
    post_event(event("refund.failed", refund))
    paid_card_order.refresh_from_db()
    assert (paid_card_order.status, paid_card_order.refunded_amount) == (
        OrderStatus.FULFILLED,
        0,
    )
    [net] = net_lines(paid_card_order)
    assert (net.quantity, net.artisan_share) == (2, line.artisan_total)
