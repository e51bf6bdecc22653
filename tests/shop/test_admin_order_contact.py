"""The shop manager reaches the shopper from the order: phone and WhatsApp links at the top,
and the orders list shows phone, city or pickup point and payment method."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from shop.models import Fulfilment, Order, PaymentMethod

pytestmark = pytest.mark.django_db

INDEX = "shop_order_modeladmin_index"


def inspect(client, order):
    response = client.get(reverse("shop_order_modeladmin_inspect", args=[order.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def rows_of(client, **params):
    page = BeautifulSoup(client.get(reverse(INDEX), params).content, "html.parser")
    rows = {}
    for row in page.select("tbody tr"):
        reference = row.select_one("td.field-reference")
        if reference is not None:
            rows[re.search(r"ML-\d{4}-\d{5}", reference.get_text()).group()] = row
    return rows


def test_the_order_page_opens_with_call_whatsapp_and_mail_links(admin_client, make_order, product):
    order = make_order([(product, 1)], phone="77 123 45 67")
    page = inspect(admin_client, order)
    contact = page.select_one(".shop-order__contact")
    links = [link["href"] for link in contact.select("a")]
    assert links == ["tel:+221771234567", "https://wa.me/221771234567", "mailto:awa@example.sn"]
    # Before the lines, the breakdown and the actions: what the manager sees first.
    first_table = page.select_one(".shop-order table")
    assert contact.sourceline < first_table.sourceline
    actions = page.select_one(".shop-order__actions")
    assert contact.sourceline < actions.sourceline
    assert "Appeler le 77 123 45 67" in contact.get_text(" ", strip=True)


def test_a_number_that_cannot_be_read_gets_no_link(admin_client, make_order, product):
    order = make_order([(product, 1)])
    Order.objects.filter(pk=order.pk).update(phone="pas de téléphone")
    contact = inspect(admin_client, order).select_one(".shop-order__contact")
    assert [link["href"] for link in contact.select("a")] == ["mailto:awa@example.sn"]
    assert "pas de téléphone" in contact.get_text()


def test_the_list_shows_phone_place_and_method(admin_client, make_order, product, other_product):
    delivered = make_order([(product, 1)], delivery_place="Thiès", phone="+221 77 000 11 22")
    collected = make_order(
        [(other_product, 1)], payment_method=PaymentMethod.CARD, fulfilment=Fulfilment.PICKUP
    )
    rows = rows_of(admin_client)
    row = rows[delivered.reference]
    phone = row.select_one("td.field-phone_display a")
    assert phone["href"] == "tel:+221770001122"
    assert phone.get_text(strip=True) == "+221 77 000 11 22"
    assert row.select_one("td.field-place_display").get_text(strip=True) == "Thiès"
    assert "Espèces" in row.select_one("td.field-payment_method").get_text()
    point = collected.pickup_point.strip().splitlines()[0]
    pickup = rows[collected.reference].select_one("td.field-place_display").get_text(strip=True)
    assert pickup == f"Retrait : {point}"
    header = BeautifulSoup(admin_client.get(reverse(INDEX)).content, "html.parser")
    headings = header.select_one("thead").get_text(" ", strip=True).lower()
    assert "téléphone" in headings and "ville ou point de retrait" in headings


def test_the_list_filters_by_payment_method(admin_client, make_order, product, other_product):
    cash = make_order([(product, 1)])
    card = make_order([(other_product, 1)], payment_method=PaymentMethod.CARD)
    page = BeautifulSoup(admin_client.get(reverse(INDEX)).content, "html.parser")
    assert page.select_one("a[href*='payment_method__exact=card']") is not None
    cash_rows = rows_of(admin_client, payment_method__exact="cash")
    assert cash.reference in cash_rows and card.reference not in cash_rows
    card_rows = rows_of(admin_client, payment_method__exact="card")
    assert card.reference in card_rows and cash.reference not in card_rows
