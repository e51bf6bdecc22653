"""Orders: references, the shopper's order page, cancelling an unpaid card order, e-mails."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from shop import emails
from shop.cart import SESSION_KEY
from shop.checkout import next_reference
from shop.models import (
    Order,
    OrderReferenceCounter,
    OrderStatus,
    PaymentMethod,
    PickupPoint,
    ProductPage,
)

from .conftest import stock_of

pytestmark = pytest.mark.django_db


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_references_follow_each_other_within_a_year(make_order, product):
    first, second = make_order([(product, 1)]), make_order([(product, 1)])
    year = timezone.localdate().year
    assert re.fullmatch(rf"ML-{year}-\d{{5}}", first.reference)
    assert int(second.reference[-5:]) == int(first.reference[-5:]) + 1


def test_a_new_year_starts_again_at_one(settings):
    settings.SHOP_ORDER_REFERENCE_PREFIX = "YWS"
    with transaction.atomic():
        reference = next_reference(timezone.now() + timedelta(days=366 * 3))
    assert reference == f"YWS-{timezone.localdate().year + 3}-00001"
    assert OrderReferenceCounter.objects.filter(last_number=1).exists()


def test_the_order_page_is_for_the_session_that_ordered_or_the_e_mail_link(
    client, make_order, product
):
    order = make_order([(product, 1)])
    url = reverse("shop:order_detail", args=[order.reference])
    assert client.get(url).status_code == 404  # another browser, guessing the reference
    assert client.get(url, {"key": "0" * 32}).status_code == 404
    response = client.get(url, {"key": order.access_key()})
    assert response.status_code == 200
    assert order.reference in page_text(response)
    assert client.get(url).status_code == 200  # the link let this browser in
    assert Client().get(reverse("shop:order_detail", args=["ML-2026-99999"])).status_code == 404


@pytest.mark.parametrize("reference", ["ML-2026-00001%00", "ML 2026", "%C3%A9t%C3%A9", "a%2Fb"])
def test_an_order_address_that_no_reference_can_have_is_not_found(client, reference):
    # A NUL byte once reached PostgreSQL, which refuses it in any text it compares: a 500.
    assert client.get(f"/fr/orders/{reference}/").status_code == 404
    assert client.post(f"/fr/orders/{reference}/cancel/").status_code == 404


def test_the_order_page_shows_lines_breakdown_and_pickup_address(
    client, make_order, product, shop_settings
):
    point = shop_settings.pickup_points.last()
    PickupPoint.objects.filter(pk=point.pk).update(address="Atelier Mains Libres, 5 rue Vincens")
    order = make_order([(product, 2)], fulfilment="pickup", pickup_point_id=point.pk)
    response = client.get(
        reverse("shop:order_detail", args=[order.reference]), {"key": order.access_key()}
    )
    text = page_text(response)
    assert product.title in text
    assert "5 rue Vincens" in text
    assert "vont aux artisans qui les ont fabriqués" in text
    assert "Vous payez" in text and "au retrait" in text
    assert order.pickup_code and order.pickup_code in text


@pytest.fixture
def card_order_in_session(client, make_order, product, fake_stripe):
    """A card order whose Stripe page is open, placed from `client`'s session."""
    order = make_order([(product, 2)], payment_method=PaymentMethod.CARD)
    fake_stripe.sessions["cs_test_open"] = {
        "id": "cs_test_open",
        "status": "open",
        "url": "https://checkout.stripe.com/c/pay/cs_test_open",
    }
    Order.objects.filter(pk=order.pk).update(
        payment_reference="cs_test_open",
        payment_url="https://checkout.stripe.com/c/pay/cs_test_open",
    )
    client.get(reverse("shop:order_detail", args=[order.reference]), {"key": order.access_key()})
    order.refresh_from_db()
    return order


def test_an_unpaid_card_order_offers_to_pay_or_cancel(client, card_order_in_session):
    order = card_order_in_session
    response = client.get(
        reverse("shop:order_detail", args=[order.reference]), {"payment": "cancelled"}
    )
    html = BeautifulSoup(response.content, "html.parser")
    assert "Vous avez quitté la page de paiement sans payer" in page_text(response)
    assert html.select_one(f"a[href='{order.payment_url}']")
    assert html.select_one(f"form[action='{reverse('shop:order_cancel', args=[order.reference])}']")


def test_cancelling_an_unpaid_card_order_gives_the_cart_back(
    client, card_order_in_session, product, fake_stripe
):
    order = card_order_in_session
    response = client.post(reverse("shop:order_cancel", args=[order.reference]))
    assert response.status_code == 302
    assert response.url == reverse("shop:cart")
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    assert stock_of(product) == 5
    assert fake_stripe.sessions["cs_test_open"]["status"] == "expired"
    assert client.session[SESSION_KEY][str(product.pk)]["quantity"] == 2


def test_a_paid_session_cannot_be_cancelled_by_the_shopper(
    client, card_order_in_session, product, fake_stripe
):
    fake_stripe.sessions["cs_test_open"]["status"] = "complete"
    order = card_order_in_session
    response = client.post(reverse("shop:order_cancel", args=[order.reference]))
    assert response.status_code == 409
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert stock_of(product) == 3


def test_cash_orders_and_other_sessions_cannot_be_cancelled_by_the_shopper(
    client, make_order, product
):
    order = make_order([(product, 1)])
    url = reverse("shop:order_cancel", args=[order.reference])
    assert client.post(url).status_code == 404  # not this session's order
    client.get(reverse("shop:order_detail", args=[order.reference]), {"key": order.access_key()})
    assert client.post(url).status_code == 409
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_CASH


def test_no_e_mail_leaves_for_an_order_rolled_back(
    make_order, product, new_orders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                make_order([(product, 1)])
                raise RuntimeError("something failed after the order")
        except RuntimeError:
            pass
    assert mail.outbox == []
    assert not new_orders.exists()


def test_confirmation_in_french_with_the_breakdown_and_notice_to_managers(
    make_order, product, shop_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = make_order([(product, 2)])
    confirmation, notice = mail.outbox
    assert confirmation.to == ["awa@example.sn"]
    assert confirmation.subject.startswith(f"Commande {order.reference} reçue")
    assert "vont aux artisans qui les ont fabriqués" in confirmation.body
    assert order.format(order.artisan_total) in confirmation.body
    assert f"key={order.access_key()}" in confirmation.body
    html, mimetype = confirmation.alternatives[0]
    assert mimetype == "text/html" and product.title in html
    assert shop_manager.email in notice.to
    assert notice.subject.startswith(f"Nouvelle commande {order.reference}")
    assert "/admin/shop/order/inspect/" in notice.body


def test_an_order_placed_in_english_is_confirmed_in_english(
    make_order, product, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = make_order([(product, 1)], language="en")
    confirmation = mail.outbox[0]
    assert confirmation.subject.startswith(f"Order {order.reference} received")
    assert "go to the artisans who made them" in confirmation.body
    assert "/en/orders/" in confirmation.body
    assert translation.get_language() == "fr"


def test_a_failing_mail_server_does_not_break_the_order(
    make_order, product, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr(emails.EmailMultiAlternatives, "send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        order = make_order([(product, 1)])
    assert Order.objects.filter(pk=order.pk, status=OrderStatus.AWAITING_CASH).exists()


def test_the_demo_sells_its_sold_pieces_through_orders_in_every_status(django_user_model):
    statuses = set(Order.objects.values_list("status", flat=True))
    assert {"awaiting_cash", "paid", "fulfilled", "cancelled"} <= statuses
    for product in ProductPage.objects.live().filter(locale__language_code="fr").filter(stock=0):
        assert product.order_lines.filter(order__status__in=["paid", "fulfilled"]).exists()
    groups = {
        user.username: [group.name for group in user.groups.all()]
        for user in django_user_model.objects.filter(username__in=["communication", "boutique"])
    }
    assert groups == {"communication": ["Communications"], "boutique": ["Shop managers"]}
