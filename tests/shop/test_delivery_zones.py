"""Delivery zones and pickup points: what the checkout offers for the shopper's place."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from shop import delivery
from shop.checkout import CartNotReady
from shop.models import DeliveryZone, Fulfilment, Order, PaymentMethod

from .conftest import CUSTOMER

FORM = {**CUSTOMER, "payment_method": "cash"}


def zone(name, areas, fee=1000, lead=1, cash=True):
    return SimpleNamespace(
        name=name, areas=areas, fee=fee, lead_time_days=lead, cash_allowed=cash, pk=name
    )


ZONES = [
    zone("Dakar", "Dakar\nPikine, Guédiawaye"),
    zone("Thiès", "Thiès; Mbour"),
    zone("Ailleurs", ""),
]


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("THIES", "Thiès"),
        ("  thiès ", "Thiès"),
        ("Guediawaye", "Dakar"),
        ("Villa 12, Mbour", "Thiès"),
        ("Rue 5, Dakar-Plateau, Pikine", "Dakar"),
        ("Kaolack", "Ailleurs"),
    ],
)
def test_places_match_without_capitals_accents_or_the_street(place, expected):
    assert delivery.zone_for(ZONES, place).name == expected


def test_without_a_default_zone_an_unknown_place_has_no_zone():
    assert delivery.zone_for(ZONES[:2], "Paris") is None
    assert delivery.zone_for(ZONES[:2], "") is None
    assert delivery.zone_for(ZONES[:2], "\x00 ,;") is None


def add(client, product, quantity=1):
    response = client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": quantity})
    assert response.status_code == 302


def signature(client):
    response = client.get(reverse("shop:checkout"))
    assert response.status_code == 200
    return response.context["form"]["cart_signature"].value()


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.mark.django_db
def test_a_shopper_in_thies_is_shown_the_regional_fee_and_lead_time_without_javascript(
    client, product, shop_settings
):
    add(client, product, 2)
    response = client.post(
        reverse("shop:checkout"),
        {**FORM, "delivery_place": "thies", "quote": "1", "cart_signature": signature(client)},
    )
    assert response.status_code == 200
    quote = BeautifulSoup(response.content, "html.parser").select_one("#delivery-quote")
    assert "Thiès" in quote.get_text()
    assert "3\u202f500\u00a0FCFA" in quote.get_text()
    assert "2 jours" in quote.get_text()
    unit = shop_settings.breakdown(product.artisan_price).unit_price
    assert response.context["total_with_delivery"] == unit * 2 + 3500
    # The quote places nothing, and keeps what the shopper typed.
    assert not Order.objects.filter(email=CUSTOMER["email"]).exists()
    assert response.context["form"]["name"].value() == CUSTOMER["name"]


@pytest.mark.django_db
def test_an_order_to_thies_pays_and_keeps_the_zone_even_after_the_zone_changes(
    client, product, shop_settings, new_orders
):
    add(client, product)
    response = client.post(
        reverse("shop:checkout"),
        {**FORM, "delivery_place": "Thiès", "cart_signature": signature(client)},
    )
    assert response.status_code == 302
    order = new_orders.get()
    assert (order.delivery_fee, order.delivery_zone, order.delivery_lead_days) == (3500, "Thiès", 2)
    assert order.delivery_place == "Thiès"
    unit = shop_settings.breakdown(product.artisan_price).unit_price
    assert order.total == unit + 3500

    DeliveryZone.objects.filter(settings=shop_settings, name="Thiès").update(
        fee=9000, lead_time_days=9, name="Thiès-Mbour"
    )
    order.refresh_from_db()
    assert (order.delivery_fee, order.delivery_zone, order.delivery_lead_days) == (3500, "Thiès", 2)
    page = client.get(reverse("shop:order_detail", args=[order.reference]))
    assert "3\u202f500" in text_of(page) and "Thiès, livraison sous 2 jours" in text_of(page)


@pytest.mark.django_db
def test_cash_is_refused_where_the_zone_does_not_allow_it(client, product, new_orders):
    add(client, product)
    response = client.post(
        reverse("shop:checkout"),
        {**FORM, "delivery_place": "Saint-Louis", "cart_signature": signature(client)},
    )
    assert response.status_code == 400
    assert "Le paiement en espèces à la livraison n'est pas possible" in text_of(response)
    assert "Reste du Sénégal" in text_of(response)
    assert not new_orders.exists()
    # Pickup, paid in cash, is fine for the same shopper.
    response = client.post(
        reverse("shop:checkout"),
        {**FORM, "fulfilment": "pickup", "cart_signature": signature(client)},
    )
    assert response.status_code == 302
    assert new_orders.get().payment_method == PaymentMethod.CASH


@pytest.mark.django_db
def test_the_checkout_service_refuses_cash_outside_the_cash_zones(make_order, product):
    with pytest.raises(CartNotReady) as refused:
        make_order([(product, 1)], delivery_address="Quartier Sor", delivery_place="Saint-Louis")
    assert "Reste du Sénégal" in refused.value.messages[0]


@pytest.mark.django_db
def test_an_address_in_no_zone_gets_a_message_and_the_pickup_points(
    client, product, shop_settings, new_orders
):
    add(client, product)
    response = client.post(
        reverse("shop:checkout"),
        {**FORM, "delivery_place": "Paris", "cart_signature": signature(client)},
    )
    assert response.status_code == 400
    text = text_of(response)
    assert "Nous ne livrons pas encore à « Paris »" in text
    for point in shop_settings.pickup_points.all():
        assert point.name in text and point.opening_hours in text
    assert not new_orders.exists()


@pytest.mark.django_db
def test_a_pickup_order_keeps_its_point_and_gets_a_code(make_order, product, shop_settings):
    point = shop_settings.pickup_points.last()
    order = make_order([(product, 1)], fulfilment=Fulfilment.PICKUP, pickup_point_id=point.pk)
    assert order.delivery_fee == 0
    assert order.pickup_point.startswith(point.name) and point.opening_hours in order.pickup_point
    assert order.pickup_code.isdigit() and len(order.pickup_code) == 6
    assert order.delivery_address == "" and order.delivery_zone == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"delivery_place": "x" * 5000},
        {"delivery_place": "Dakar\x00"},
        {"pickup_point": "not a number", "fulfilment": "pickup"},
        {"pickup_point": "999999999", "fulfilment": "pickup"},
        {"notify_by": "pigeon"},
        {"quote": "1", "delivery_place": "\x00" * 10},
    ],
)
def test_bad_delivery_input_gives_a_form_error_not_a_500(client, product, new_orders, changes):
    add(client, product)
    response = client.post(
        reverse("shop:checkout"), {**FORM, "cart_signature": signature(client), **changes}
    )
    assert response.status_code in (200, 400)
    assert not new_orders.exists()


@pytest.mark.django_db
def test_a_zone_changed_while_the_shopper_reads_asks_them_to_check_again(
    client, product, shop_settings, new_orders, dakar_zone
):
    add(client, product)
    seen = signature(client)
    DeliveryZone.objects.filter(pk=dakar_zone.pk).update(fee=2500)
    response = client.post(reverse("shop:checkout"), {**FORM, "cart_signature": seen})
    assert response.status_code == 409
    assert not new_orders.exists()


@pytest.mark.django_db
def test_the_confirmation_e_mail_gives_the_pickup_code_or_the_zone_and_lead_time(
    make_order, product, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pickup = make_order([(product, 1)], fulfilment=Fulfilment.PICKUP)
        delivered = make_order(
            [(product, 1)], delivery_address="Villa 3, Mbour", email="moussa@example.sn"
        )
    (to_pickup,) = [m for m in mail.outbox if m.to == [pickup.email]]
    assert f"Votre code de retrait : {pickup.pickup_code}" in to_pickup.body
    assert pickup.pickup_point.splitlines()[0] in to_pickup.body
    (to_deliver,) = [m for m in mail.outbox if m.to == ["moussa@example.sn"]]
    assert "Zone Thiès : livraison sous 2 jours." in to_deliver.body
    assert delivered.delivery_fee == 3500
