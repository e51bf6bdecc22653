"""The order admin: list, filters, search, inspect, status actions and the CSV export."""

import csv
import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse

from shop import lifecycle
from shop.models import Fulfilment, Order, OrderStatus, PaymentMethod

from .conftest import stock_of

pytestmark = pytest.mark.django_db

INDEX = "shop_order_modeladmin_index"


@pytest.fixture
def cash_order(make_order, product):
    return make_order([(product, 2)])


@pytest.fixture
def paid_card_order(make_order, other_product):
    order = make_order(
        [(other_product, 1)],
        payment_method=PaymentMethod.CARD,
        fulfilment=Fulfilment.PICKUP,
        name="=Moussa Diop",
        email="moussa@example.sn",
    )
    Order.objects.filter(pk=order.pk).update(
        payment_reference="cs_test_admin", payment_transaction_id="pi_test_admin"
    )
    return lifecycle.confirm_payment(
        order, amount=order.total, currency=order.currency, transaction_id="pi_test_admin"
    )


def inspect_url(order):
    return reverse("shop_order_modeladmin_inspect", args=[order.pk])


def act(client, order, action, note=""):
    return client.post(
        reverse("shop_order_action", args=[order.pk]), {"action": action, "note": note}
    )


def references_in(response):
    html = BeautifulSoup(response.content, "html.parser")
    cells = html.select("td.field-reference")
    return {re.search(r"ML-\d{4}-\d{5}", cell.get_text()).group() for cell in cells}


def test_list_shows_orders_with_status_total_and_payment(admin_client, cash_order):
    response = admin_client.get(reverse(INDEX))
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert cash_order.reference in text
    assert "En attente du paiement en espèces" in text
    assert cash_order.format(cash_order.total).replace("\u202f", " ") in text.replace("\u202f", " ")
    assert "Espèces à la livraison ou au retrait" in text


def test_filters_and_search(admin_client, cash_order, paid_card_order):
    index = reverse(INDEX)
    paid = references_in(admin_client.get(index, {"status__exact": "paid"}))
    assert paid_card_order.reference in paid and cash_order.reference not in paid
    assert all(order.status == "paid" for order in Order.objects.filter(reference__in=paid))
    cash = references_in(admin_client.get(index, {"payment_method__exact": "cash"}))
    assert cash_order.reference in cash and paid_card_order.reference not in cash
    for term in (paid_card_order.reference, "moussa@example", "Moussa"):
        assert references_in(admin_client.get(index, {"q": term})) == {paid_card_order.reference}


def test_bad_filter_parameters_do_not_break_the_list(admin_client, cash_order):
    response = admin_client.get(reverse(INDEX), {"created_at__gte": "pas-une-date"})
    assert response.status_code in (200, 302)
    response = admin_client.get(reverse(INDEX), {"p": "abc", "o": "zz"})
    assert response.status_code == 200


def test_inspect_shows_lines_breakdown_history_and_stripe_ids(admin_client, paid_card_order):
    response = admin_client.get(inspect_url(paid_card_order))
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    line = paid_card_order.lines.get()
    for expected in (
        line.product_title,
        line.artisan_name,
        "pi_test_admin",
        "cs_test_admin",
        "Part des artisans",
        "En attente de paiement → Payée",
    ):
        assert expected in text
    buttons = BeautifulSoup(response.content, "html.parser").select("button[name=action]")
    assert [button["value"] for button in buttons] == ["fulfil"]


def test_mark_cash_paid_then_fulfilled_logs_who_and_tells_the_shopper(
    admin_client, cash_order, django_capture_on_commit_callbacks
):
    response = act(admin_client, cash_order, "mark-paid", "Espèces reçues par Fatou")
    assert response.status_code == 302
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.PAID
    change = cash_order.status_changes.last()
    assert (change.changed_by.username, change.note) == ("admin", "Espèces reçues par Fatou")
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, cash_order, "fulfil")
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.FULFILLED
    assert cash_order.fulfilled_at is not None
    # Paid in cash at the handover: « remise », never « en route » after it.
    [message] = mail.outbox
    assert "remise" in message.subject and "en route" not in message.body


def test_fulfilling_a_paid_card_order_tells_the_shopper(
    admin_client, paid_card_order, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, paid_card_order, "fulfil")
    [message] = mail.outbox
    assert message.to == ["moussa@example.sn"]
    assert "est prête" in message.subject
    assert message.alternatives[0][1] == "text/html"


def test_cancel_releases_the_pieces(admin_client, cash_order, product):
    assert stock_of(product) == 3
    act(admin_client, cash_order, "cancel")
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.CANCELLED
    assert stock_of(product) == 5


def test_cancelling_a_pending_card_order_closes_its_stripe_page(
    admin_client, make_order, product, fake_stripe
):
    order = make_order([(product, 1)], payment_method=PaymentMethod.CARD)
    session = fake_stripe.sessions.setdefault(
        "cs_test_open", {"id": "cs_test_open", "status": "open"}
    )
    Order.objects.filter(pk=order.pk).update(payment_reference=session["id"])
    act(admin_client, order, "cancel")
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert fake_stripe.posted("/v1/checkout/sessions/cs_test_open/expire")
    assert stock_of(product) == 5


def test_an_action_the_status_does_not_allow_changes_nothing(admin_client, paid_card_order):
    response = act(admin_client, paid_card_order, "cancel")
    assert response.status_code == 302
    paid_card_order.refresh_from_db()
    assert paid_card_order.status == OrderStatus.PAID
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("ne peut pas passer" in message for message in messages)


def test_actions_refuse_get_unknown_actions_and_missing_csrf(
    admin_client, cash_order, django_user_model
):
    url = reverse("shop_order_action", args=[cash_order.pk])
    assert admin_client.get(url).status_code == 405
    assert act(admin_client, cash_order, "delete").status_code == 400
    # An unknown order is a 404, which the language middleware turns into a redirect.
    missing = admin_client.post(reverse("shop_order_action", args=[999999]), {})
    assert missing.status_code in (302, 404)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(django_user_model.objects.get(username="admin"))
    assert strict.post(url, {"action": "mark-paid"}).status_code == 403
    cash_order.refresh_from_db()
    assert cash_order.status == OrderStatus.AWAITING_CASH


# What staff may do to an order in each status: take the cash (at the handover or before
# it), hand it over, cancel it
# unpaid. Every other move belongs to the providers, refunds and the release command.
STAFF_MOVES = {
    OrderStatus.PENDING_PAYMENT: {"cancel": OrderStatus.CANCELLED},
    OrderStatus.AWAITING_CASH: {
        "hand-over-paid": OrderStatus.FULFILLED,
        "mark-paid": OrderStatus.PAID,
        "cancel": OrderStatus.CANCELLED,
    },
    OrderStatus.PAID: {"fulfil": OrderStatus.FULFILLED},
    OrderStatus.FULFILLED: {},
    OrderStatus.CANCELLED: {},
    OrderStatus.REFUNDED: {},
}


def order_in(status, make_order, product):
    """An order brought to `status` the way the shop brings it there."""
    if status == OrderStatus.PENDING_PAYMENT:
        return make_order([(product, 1)], payment_method=PaymentMethod.CARD)
    order = make_order([(product, 1)])
    if status == OrderStatus.CANCELLED:
        return lifecycle.cancel(order)
    if status == OrderStatus.AWAITING_CASH:
        return order
    order = lifecycle.mark_cash_paid(order, by=None)
    if status == OrderStatus.FULFILLED:
        return lifecycle.mark_fulfilled(order, by=None, notify=False)
    if status == OrderStatus.REFUNDED:
        lifecycle.record_refund(order, order.total)
        order.refresh_from_db()
    return order


@pytest.mark.parametrize("status", OrderStatus.values)
def test_each_status_offers_exactly_the_moves_staff_may_make(
    admin_client, make_order, product, status
):
    order = order_in(status, make_order, product)
    assert order.status == status
    page = BeautifulSoup(admin_client.get(inspect_url(order)).content, "html.parser")
    offered = [button["value"] for button in page.select("button[name=action]")]
    assert offered == list(STAFF_MOVES[status])
    for action in ("hand-over-paid", "mark-paid", "fulfil", "cancel"):
        order = order_in(status, make_order, product)
        act(admin_client, order, action)
        order.refresh_from_db()
        assert order.status == STAFF_MOVES[status].get(action, status), action


def test_orders_cannot_be_created_edited_or_deleted(admin_client, cash_order):
    for action in ("edit", "delete"):
        url = reverse(f"shop_order_modeladmin_{action}", args=[cash_order.pk])
        assert admin_client.get(url).status_code in (302, 403)
        assert admin_client.post(url).status_code in (302, 403)
    assert admin_client.get(reverse("shop_order_modeladmin_create")).status_code in (302, 403)
    assert Order.objects.filter(pk=cash_order.pk).exists()
    with pytest.raises(ProtectedError):
        cash_order.delete()
    page = BeautifulSoup(admin_client.get(reverse(INDEX)).content, "html.parser")
    assert not page.select(
        f"a[href='{reverse('shop_order_modeladmin_delete', args=[cash_order.pk])}']"
    )


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


def test_csv_export_of_the_filtered_list(admin_client, cash_order, paid_card_order):
    response = admin_client.get(reverse(INDEX), {"export": "csv", "status__exact": "paid"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = {row["Référence"]: row for row in read_csv(response)}
    assert set(rows) == set(Order.objects.filter(status="paid").values_list("reference", flat=True))
    assert cash_order.reference not in rows
    order = paid_card_order
    row = rows[order.reference]
    assert row["Référence"] == order.reference
    assert row["Total (unités mineures)"] == str(order.total)
    assert row["Part des artisans (unités mineures)"] == str(order.artisan_total)
    assert row["Part de la boutique (unités mineures)"] == str(order.markup_total)
    assert row["Total"] == order.format(order.total)
    assert (row["Prestataire de paiement"], row["Paiement chez le prestataire"]) == (
        "stripe",
        "pi_test_admin",
    )
    # A name starting with "=" is text for Excel, not a formula.
    assert row["Nom"] == "'=Moussa Diop"


def test_csv_export_sums_reconcile_with_the_orders(admin_client, cash_order, paid_card_order):
    rows = read_csv(admin_client.get(reverse(INDEX), {"export": "csv"}))
    assert sum(int(row["Total (unités mineures)"]) for row in rows) == sum(
        order.total for order in Order.objects.all()
    )
    assert admin_client.get(reverse(INDEX), {"export": "xlsx"}).status_code == 200


def test_list_and_export_queries_stay_flat(
    admin_client, make_order, product, django_assert_max_num_queries
):
    for _number in range(5):
        make_order([(product, 1)])
    # Measured: 10 queries for the list and 6 for the CSV (the refunds and their returned
    # pieces prefetched), whatever the number of orders.
    with django_assert_max_num_queries(12):
        admin_client.get(reverse(INDEX))
    with django_assert_max_num_queries(7):
        b"".join(admin_client.get(reverse(INDEX), {"export": "csv"}).streaming_content)
