"""Pieces made to order: capacity, the promised day, prices, production status and its news."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail.models import Locale

from shop import earnings, lifecycle, pricing, production
from shop.checkout import CartNotReady
from shop.models import (
    Notification,
    OrderLine,
    OrderStatus,
    ProductionStatus,
    ProductionStatusChange,
    ProductPage,
)
from shop.sms import locmem

from .conftest import CUSTOMER, stock_of

pytestmark = pytest.mark.django_db

DEMO_SLUG = "table-basse-vene-sur-commande"


@pytest.fixture
def made_to_order():
    """The demo's made-to-order coffee table: 21 days, capacity set to 3."""
    product = ProductPage.objects.get(slug=DEMO_SLUG)
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=3)
    product.stock = 3
    return product


@pytest.fixture
def manager_client(client, shop_manager):
    client.force_login(shop_manager)
    return client


@pytest.fixture
def sms_outbox():
    locmem.outbox.clear()
    yield locmem.outbox
    locmem.outbox.clear()


def shop_date(day):
    """A day as the shop writes it (the French site's DATE_FORMAT, e.g. « 25 décembre 2026 »)."""
    with translation.override("fr"):
        return formats.date_format(day, "DATE_FORMAT")


def in_days(count):
    return timezone.localdate() + timedelta(days=count)


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def move(client, line, to_status, expected):
    return client.post(
        reverse("shop_production_move", args=[line.order_id, line.pk]),
        {"to_status": to_status, "expected": expected},
    )


def test_the_product_page_and_its_card_say_made_to_order_in_n_days(client, made_to_order):
    page = text_of(client.get(made_to_order.url))
    assert "Sur commande — fabriquée en 21 jours" in page
    assert "En stock" not in page
    catalogue = text_of(client.get(made_to_order.get_parent().url))
    assert "Sur commande — fabriquée en 21 jours" in catalogue


def test_a_made_to_order_piece_says_so_in_english_too(client, made_to_order):
    english = made_to_order.get_translation(Locale.objects.get(language_code="en"))
    assert "Made to order — made in 21 days" in text_of(client.get(english.url))


def test_no_capacity_left_means_no_more_orders(client, made_to_order, make_order):
    ProductPage.objects.filter(translation_key=made_to_order.translation_key).update(stock=0)
    page = text_of(client.get(made_to_order.url))
    assert "Plus de commandes possibles pour le moment" in page
    with pytest.raises(CartNotReady, match="ne peut plus prendre de commandes"):
        make_order([(made_to_order, 1)])


def test_the_cart_and_the_checkout_say_the_expected_date(client, made_to_order):
    client.post(reverse("shop:cart_add"), {"product": made_to_order.pk, "quantity": 1})
    expected = f"Sur commande : prévue le {shop_date(in_days(21))}"
    assert expected in text_of(client.get(reverse("shop:cart")))
    assert expected in text_of(client.get(reverse("shop:checkout")))


def test_an_order_takes_capacity_and_keeps_the_promised_day(made_to_order, make_order):
    order = make_order([(made_to_order, 2)])
    line = order.lines.get()
    assert stock_of(made_to_order) == 1
    assert line.lead_time_days == 21
    assert line.ready_by == in_days(21)
    assert line.production_status == ProductionStatus.ACCEPTED
    assert list(line.production_changes.values_list("from_status", "to_status")) == [
        ("", ProductionStatus.ACCEPTED)
    ]
    with pytest.raises(CartNotReady, match="ne peut plus en fabriquer que 1"):
        make_order([(made_to_order, 2)])
    lifecycle.cancel(order)
    assert stock_of(made_to_order) == 3  # a cancelled order gives its capacity back


def test_the_confirmation_e_mail_says_the_expected_date(
    made_to_order, make_order, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        make_order([(made_to_order, 1)])
    (confirmation,) = [message for message in mail.outbox if CUSTOMER["email"] in message.to]
    assert f"Sur commande : prévue le {shop_date(in_days(21))}" in confirmation.body


def test_prices_and_the_artisans_share_are_those_of_any_piece_and_owed_once_paid(
    made_to_order, make_order, shop_settings, shop_manager
):
    order = make_order([(made_to_order, 2)])
    line = order.lines.get()
    unit = pricing.unit_price(made_to_order.artisan_price, shop_settings.markup_rate)
    assert (line.artisan_price, line.unit_price) == (made_to_order.artisan_price, unit)
    assert order.artisan_total == 2 * made_to_order.artisan_price
    assert order.items_total == 2 * unit
    period = earnings.DateRange(timezone.localdate(), timezone.localdate())

    def owed_for_order():
        report = earnings.statement(made_to_order.artisan, order.currency, period)
        return sum(sale.owed for sale in report.sales if sale.reference == order.reference)

    assert owed_for_order() == 0  # not paid yet: nothing owed
    lifecycle.mark_cash_paid(order, by=shop_manager)
    assert owed_for_order() == 2 * made_to_order.artisan_price


def test_a_shop_manager_moves_production_forward_logged_and_e_mailed(
    manager_client, made_to_order, make_order, shop_manager, django_capture_on_commit_callbacks
):
    order = make_order([(made_to_order, 1)])
    line = order.lines.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = move(manager_client, line, "in_progress", expected="accepted")
    assert response.status_code == 302
    line.refresh_from_db()
    assert line.production_status == ProductionStatus.IN_PROGRESS
    change = line.production_changes.last()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "accepted",
        "in_progress",
        shop_manager,
    )
    (notice,) = mail.outbox
    assert notice.to == [order.email]
    assert "En fabrication" in notice.subject and made_to_order.title in notice.body
    page = text_of(manager_client.get(reverse("shop_order_modeladmin_inspect", args=[order.pk])))
    assert "Acceptée → En fabrication" in page


def test_a_shopper_who_chose_sms_gets_the_production_news_by_sms(
    manager_client, made_to_order, make_order, sms_outbox, django_capture_on_commit_callbacks
):
    order = make_order([(made_to_order, 1)], notify_by=Notification.SMS)
    sms_outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        move(manager_client, order.lines.get(), "ready", expected="accepted")
    (text,) = sms_outbox
    assert "Prête" in text.text and order.reference in text.text


@pytest.mark.parametrize(
    ("to_status", "expected", "message"),
    [
        ("in_progress", "in_progress", "entre-temps"),  # stale: another tab moved it already
        ("accepted", "ready", "entre-temps"),  # stale and backwards
        ("accepted", "accepted", "seulement vers l'avant"),  # not forward
        ("finished", "accepted", "inconnu"),  # forged status
    ],
)
def test_stale_backward_or_forged_moves_are_refused_and_change_nothing(
    manager_client, made_to_order, make_order, to_status, expected, message
):
    order = make_order([(made_to_order, 1)])
    line = order.lines.get()
    mail.outbox.clear()
    response = manager_client.post(
        reverse("shop_production_move", args=[order.pk, line.pk]),
        {"to_status": to_status, "expected": expected},
        follow=True,
    )
    assert response.status_code == 200
    assert message in text_of(response)
    line.refresh_from_db()
    assert line.production_status == ProductionStatus.ACCEPTED
    assert line.production_changes.count() == 1
    assert not mail.outbox


def test_a_line_of_another_order_or_a_stocked_piece_cannot_be_moved(
    manager_client, made_to_order, product, make_order
):
    order = make_order([(made_to_order, 1), (product, 1)])
    other = make_order([(product, 1)])
    made = order.lines.get(product=made_to_order)
    stocked = order.lines.get(product=product)
    url = reverse("shop_production_move", args=[other.pk, made.pk])
    # A 404, which the language middleware turns into a redirect.
    assert manager_client.post(url, {"to_status": "ready", "expected": "accepted"}).status_code in (
        302,
        404,
    )
    made.refresh_from_db()
    assert made.production_status == ProductionStatus.ACCEPTED
    response = move(manager_client, stocked, "ready", expected="accepted")
    assert response.status_code == 302
    stocked.refresh_from_db()
    assert stocked.production_status == ""
    assert not ProductionStatusChange.objects.filter(line=stocked).exists()


def test_only_shop_managers_move_production(
    client, communications_staff, made_to_order, make_order
):
    line = make_order([(made_to_order, 1)]).lines.get()
    client.force_login(communications_staff)
    response = move(client, line, "ready", expected="accepted")
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    line.refresh_from_db()
    assert line.production_status == ProductionStatus.ACCEPTED


def test_a_cancelled_order_s_production_does_not_move(manager_client, made_to_order, make_order):
    order = make_order([(made_to_order, 1)])
    lifecycle.cancel(order)
    response = move(manager_client, order.lines.get(), "ready", expected="accepted")
    assert response.status_code == 302
    assert OrderLine.objects.get(order=order).production_status == ProductionStatus.ACCEPTED


def test_the_shoppers_order_page_shows_the_production_status_and_its_history(
    client, made_to_order, make_order, shop_manager
):
    order = make_order([(made_to_order, 1)])
    line = order.lines.get()
    production.move_production(line, "in_progress", expected="accepted", by=shop_manager)
    url = reverse("shop:order_detail", args=[order.reference])
    page = text_of(client.get(f"{url}?key={order.access_key()}"))
    assert "Production : En fabrication" in page
    assert f"prévue le {shop_date(in_days(21))}" in page
    assert "Acceptée" in page and "En fabrication" in page
    assert order.status == OrderStatus.AWAITING_CASH


def test_the_demo_has_an_order_in_production():
    line = OrderLine.objects.filter(production_status=ProductionStatus.IN_PROGRESS).get()
    assert line.order.status == OrderStatus.AWAITING_CASH
    assert line.production_changes.count() == 2
    assert line.ready_by == timezone.localdate(line.order.created_at) + timedelta(days=21)
