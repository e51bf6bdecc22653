"""Receipts: numbered per site without gaps once an order is paid, as a page and a PDF."""

import re
import threading
import zlib
from decimal import Decimal

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from shop import lifecycle, pricing, receipts
from shop.models import (
    Fulfilment,
    Order,
    OrderStatus,
    PaymentMethod,
    ProductPage,
    Receipt,
    ReceiptCounter,
    ShopSettings,
)
from tests.sales import place


def pdf_text(data):
    """The text drawn in a PDF: its page streams, inflated (fpdf2 compresses them)."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S)
    inflated = []
    for stream in streams:
        try:
            inflated.append(zlib.decompress(stream))
        except zlib.error:
            inflated.append(stream)
    text = b"\n".join(inflated).replace(rb"\(", b"(").replace(rb"\)", b")")
    return text.decode("cp1252", errors="replace")


@pytest.mark.parametrize(
    ("amount", "rate", "tax"),
    [(11_800, "18", 1_800), (10_000, "0", 0), (1, "18", 0), (3, "18", 0), (100, "10", 9)],
)
def test_the_tax_inside_a_price_is_computed_on_integers(amount, rate, tax):
    assert pricing.included_tax(amount, Decimal(rate)) == tax


@pytest.fixture
def pay_cash(shop_manager, django_capture_on_commit_callbacks):
    """A shop manager records the cash; what waits for the commit (the receipt) runs."""

    def pay(order):
        with django_capture_on_commit_callbacks(execute=True):
            lifecycle.mark_cash_paid(order, by=shop_manager)

    return pay


@pytest.mark.django_db
def test_paid_orders_get_consecutive_numbers_and_unpaid_ones_none(
    make_order, product, pay_cash, site
):
    first = make_order([(product, 1)])
    second = make_order([(product, 1)])
    assert receipts.receipt_for(first) is None
    before = ReceiptCounter.objects.filter(site=site).values_list("last_number", flat=True).first()
    pay_cash(second)
    pay_cash(first)
    numbers = [Receipt.objects.get(order=order).number for order in (second, first)]
    assert numbers == [(before or 0) + 1, (before or 0) + 2]
    # Asking again gives the same receipt, never a second number.
    first.refresh_from_db()
    assert receipts.receipt_for(first).number == numbers[1]
    assert Receipt.objects.filter(order=first).count() == 1


@pytest.mark.django_db
def test_a_receipt_keeps_the_legal_details_it_was_issued_with(
    make_order, product, pay_cash, shop_settings
):
    ShopSettings.objects.filter(pk=shop_settings.pk).update(
        legal_name="Association Mains Libres", registration_number="NINEA 123", vat_rate="18"
    )
    order = make_order([(product, 1)])
    pay_cash(order)
    ShopSettings.objects.filter(pk=shop_settings.pk).update(legal_name="Autre", vat_rate="0")
    receipt = Receipt.objects.get(order=order)
    assert (receipt.issuer_name, receipt.registration_number, receipt.vat_rate) == (
        "Association Mains Libres",
        "NINEA 123",
        Decimal("18.00"),
    )


@pytest.mark.django_db
def test_the_receipt_pdf_opens_with_the_reference_accents_and_fcfa_amounts(
    client, make_order, product, pay_cash, shop_settings
):
    ShopSettings.objects.filter(pk=shop_settings.pk).update(vat_rate="18")
    order = make_order(
        [(product, 2)], delivery_address="Quartier Randoulène", delivery_place="Thiès"
    )
    pay_cash(order)
    order.refresh_from_db()
    receipt = order.receipt
    response = client.get(
        reverse("shop:receipt_pdf", args=[order.reference]), {"key": order.access_key()}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert receipt.reference.encode() in response.content
    assert order.reference.encode() in response.content
    text = pdf_text(response.content)
    assert f"Reçu {receipt.reference}" in text
    assert "Livraison (Thiès)" in text
    total = " ".join(pricing.format_money(order.total, "XOF", "fr").replace("\u202f", " ").split())
    assert total in text
    tax = pricing.format_money(pricing.included_tax(order.total, Decimal("18")), "XOF", "fr")
    assert "Dont TVA à 18 %" in text and " ".join(tax.replace("\u202f", " ").split()) in text


@pytest.mark.django_db
def test_no_tax_line_when_the_vat_rate_is_zero(client, make_order, product, pay_cash):
    order = make_order([(product, 1)])
    pay_cash(order)
    page = client.get(
        reverse("shop:receipt_detail", args=[order.reference]), {"key": order.access_key()}
    )
    assert page.status_code == 200
    assert "TVA" not in page.content.decode()
    pdf = client.get(
        reverse("shop:receipt_pdf", args=[order.reference]), {"key": order.access_key()}
    )
    assert "TVA" not in pdf_text(pdf.content)


@pytest.mark.django_db
def test_the_receipt_is_only_for_who_may_see_the_order_and_only_once_paid(
    client, make_order, product, pay_cash
):
    order = make_order([(product, 1)])
    url = reverse("shop:receipt_pdf", args=[order.reference])
    assert client.get(url, {"key": order.access_key()}).status_code == 404  # not paid yet
    pay_cash(order)
    stranger = Client()
    assert stranger.get(url).status_code == 404  # no key, not this session's order
    assert stranger.get(url, {"key": "0" * 32}).status_code == 404
    page = client.get(
        reverse("shop:order_detail", args=[order.reference]), {"key": order.access_key()}
    )
    assert f"Reçu {order.receipt.reference}" in page.content.decode()
    assert client.get(url).status_code == 200  # the link let this browser in
    assert stranger.get(url).status_code == 404


@pytest.mark.django_db
def test_the_cash_payment_sends_the_receipt_as_a_pdf_attachment(make_order, product, pay_cash):
    order = make_order([(product, 1)], fulfilment=Fulfilment.PICKUP)
    mail.outbox.clear()
    pay_cash(order)
    (message,) = [message for message in mail.outbox if order.email in message.to]
    assert "Paiement reçu" in message.subject
    ((filename, content, mimetype),) = message.attachments
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert Receipt.objects.get(order=order).reference in filename


@pytest.mark.django_db
def test_an_online_payment_confirmation_carries_the_receipt(
    make_order, product, django_capture_on_commit_callbacks
):
    order = make_order([(product, 1)], payment_method=PaymentMethod.CARD)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.confirm_payment(order, amount=order.total, currency=order.currency)
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID
    (message,) = [message for message in mail.outbox if order.email in message.to]
    ((_filename, content, _mimetype),) = message.attachments
    assert content.startswith(b"%PDF")
    assert Receipt.objects.filter(order=order).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_receipts_issued_at_once_share_no_number_and_leave_no_gap(django_user_model):
    shop_settings = ShopSettings.objects.select_related("site").get()
    manager = django_user_model.objects.create_user("caisse-recus", password="x")
    product = ProductPage.objects.live().filter(stock__gte=1).order_by("pk").first()
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=50)
    product.refresh_from_db()
    orders = [place(shop_settings, [(product, 1)], pickup=True) for _ in range(10)]
    before = ReceiptCounter.objects.filter(site=shop_settings.site).first()
    start = before.last_number if before else 0
    barrier = threading.Barrier(len(orders))
    errors = []

    def pay(order):
        try:
            barrier.wait(timeout=30)
            lifecycle.mark_cash_paid(order, by=manager)
            receipts.issue_receipt(Order.objects.get(pk=order.pk))
        except Exception as error:  # reported by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(order,)) for order in orders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    numbers = sorted(Receipt.objects.filter(order__in=orders).values_list("number", flat=True))
    assert numbers == list(range(start + 1, start + len(orders) + 1))
