"""Checkout: the form, the order it creates, and both ways of paying."""

from decimal import Decimal
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import translation

from shop.cart import SESSION_KEY
from shop.models import DeliveryZone, OrderStatus, ProductPage, ShopSettings
from stories.models import StoryPage

from .conftest import CUSTOMER, session_object, set_stock, stock_of
from .conftest import event as stripe_event

pytestmark = pytest.mark.django_db

FORM = {**CUSTOMER, "payment_method": "cash"}


def add(client, product, quantity=1, **extra):
    response = client.post(
        reverse("shop:cart_add"), {"product": product.pk, "quantity": quantity, **extra}
    )
    assert response.status_code == 302
    return response


def checkout_form(client):
    response = client.get(reverse("shop:checkout"))
    assert response.status_code == 200
    return response


def submit(client, **changes):
    signature = checkout_form(client).context["form"]["cart_signature"].value()
    data = {**FORM, "cart_signature": signature, **changes}
    return client.post(reverse("shop:checkout"), data)


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_empty_cart_cannot_check_out(client):
    response = client.get(reverse("shop:checkout"))
    assert response.status_code == 302
    assert response.url == reverse("shop:cart")


def test_checkout_page_shows_the_lines_the_zones_and_the_pickup_total(
    client, product, shop_settings, dakar_zone
):
    add(client, product, 2)
    response = checkout_form(client)
    unit = shop_settings.breakdown(product.artisan_price).unit_price
    # The fee depends on the shopper's city: none is known yet, every zone is listed.
    assert response.context["total_with_delivery"] is None
    assert response.context["total_with_pickup"] == unit * 2
    zones = BeautifulSoup(response.content, "html.parser").select_one(".delivery-zones")
    assert "Dakar" in zones.get_text() and "2\u202f000" in zones.get_text()
    html = BeautifulSoup(response.content, "html.parser")
    assert product.title in html.select_one(".checkout__summary").get_text()
    for name in ("name", "email", "phone", "delivery_address"):
        field = html.select_one(f"[name={name}]")
        assert html.select_one(f"label[for={field['id']}]"), name


def test_without_provider_keys_online_payment_is_hidden_with_a_sentence(client, product):
    add(client, product)
    response = checkout_form(client)
    html = BeautifulSoup(response.content, "html.parser")
    values = [radio["value"] for radio in html.select("input[name=payment_method]")]
    assert values == ["cash"]
    assert "Le paiement en ligne (carte ou mobile money) n'est pas disponible" in text_of(response)


def test_without_stripe_keys_a_posted_card_choice_is_refused(client, product, new_orders):
    add(client, product)
    response = submit(client, payment_method="card")
    assert response.status_code == 400
    assert not new_orders.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"phone": "abc"}, "phone"),
        ({"phone": ""}, "phone"),
        ({"fulfilment": "teleport"}, "fulfilment"),
        ({"delivery_address": ""}, "delivery_address"),
        ({"payment_method": "bitcoin"}, "payment_method"),
        ({"name": "x" * 500}, "name"),
    ],
)
def test_invalid_details_rerender_with_errors_and_create_nothing(
    client, product, changes, field, new_orders
):
    add(client, product)
    before = stock_of(product)
    response = submit(client, **changes)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one("[role=alert]")
    assert html.select_one(f"[name={field}][aria-invalid=true]") or field in (
        "fulfilment",
        "payment_method",
    )
    assert not new_orders.exists()
    assert stock_of(product) == before
    assert client.session[SESSION_KEY]


def test_pickup_needs_no_address_and_costs_no_delivery(client, product, shop_settings, new_orders):
    add(client, product)
    response = submit(client, fulfilment="pickup", delivery_address="")
    order = new_orders.get()
    assert response.status_code == 302
    assert order.delivery_fee == 0
    assert order.delivery_address == ""
    assert order.total == shop_settings.breakdown(product.artisan_price).unit_price


def test_cash_checkout_reserves_stock_and_waits_for_cash(
    client, product, shop_settings, django_capture_on_commit_callbacks, new_orders, dakar_zone
):
    add(client, product, 2)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client)
    order = new_orders.get()
    assert response.status_code == 302
    assert response.url == reverse("shop:order_detail", args=[order.reference])
    assert order.status == OrderStatus.AWAITING_CASH
    assert order.stock_reserved
    assert stock_of(product) == 3
    price = shop_settings.breakdown(product.artisan_price)
    line = order.lines.get()
    assert (line.product_title, line.artisan_price, line.markup_rate, line.markup_amount) == (
        product.title,
        product.artisan_price,
        Decimal("10.00"),
        price.markup_amount,
    )
    assert line.unit_price == price.unit_price
    assert line.artisan_id == product.artisan_id
    assert line.artisan_name == product.artisan.title
    assert order.total == price.unit_price * 2 + dakar_zone.fee
    assert order.artisan_total == product.artisan_price * 2
    assert order.markup_total == price.markup_amount * 2
    assert client.session[SESSION_KEY] == {}
    page = client.get(response.url)
    assert "Merci, votre commande est enregistrée" in text_of(page)
    assert mail.outbox[0].to == ["awa@example.sn"]
    assert order.reference in mail.outbox[0].subject


def test_order_lines_remember_the_story_the_shopper_came_from(client, product, new_orders):
    story = StoryPage.objects.live().first()
    add(client, product, 1, story=story.pk)
    submit(client)
    assert new_orders.get().lines.get().story == story


def test_an_unknown_story_is_dropped_not_an_error(client, product, new_orders):
    add(client, product, 1, story=987654)
    assert submit(client).status_code == 302
    assert new_orders.get().lines.get().story is None


def test_a_piece_sold_meanwhile_sends_the_shopper_back_to_the_cart(
    client, unique_piece, new_orders
):
    add(client, unique_piece)
    signature = checkout_form(client).context["form"]["cart_signature"].value()
    set_stock(unique_piece, 0)
    response = client.post(reverse("shop:checkout"), {**FORM, "cart_signature": signature})
    assert response.status_code == 302
    assert response.url == reverse("shop:cart")
    cart_page = client.get(response.url)
    assert "Cette pièce a été vendue" in text_of(cart_page)
    assert not new_orders.exists()


def test_a_price_change_after_the_page_was_shown_asks_to_confirm_again(client, product, new_orders):
    add(client, product)
    signature = checkout_form(client).context["form"]["cart_signature"].value()
    ProductPage.objects.filter(pk=product.pk).update(artisan_price=product.artisan_price + 1000)
    response = client.post(reverse("shop:checkout"), {**FORM, "cart_signature": signature})
    assert response.status_code == 409
    assert "Votre panier ou ses prix ont changé" in text_of(response)
    assert not new_orders.exists()
    # Confirming the new amounts places the order at the new price.
    new_signature = response.context["form"]["cart_signature"].value()
    assert new_signature != signature
    client.post(reverse("shop:checkout"), {**FORM, "cart_signature": new_signature})
    assert new_orders.get().lines.get().artisan_price == product.artisan_price + 1000


def test_the_cart_shows_a_price_that_went_up_since_it_was_added(client, product):
    add(client, product)
    ProductPage.objects.filter(pk=product.pk).update(artisan_price=product.artisan_price * 2)
    text = text_of(client.get(reverse("shop:cart")))
    assert "Le prix a augmenté depuis que vous avez ajouté cette pièce" in text


def test_changing_the_markup_rate_changes_new_prices_but_not_existing_orders(
    client, product, shop_settings, make_order, new_orders
):
    old = make_order([(product, 1)])
    old_line = old.lines.get()
    ShopSettings.objects.filter(pk=shop_settings.pk).update(markup_rate=Decimal("20"))
    add(client, product)
    submit(client)
    new_line = new_orders.exclude(pk=old.pk).get().lines.get()
    assert new_line.markup_rate == Decimal("20")
    assert new_line.unit_price == product.artisan_price + round(product.artisan_price / 5)
    old_line.refresh_from_db()
    old.refresh_from_db()
    assert old_line.markup_rate == Decimal("10")
    assert old_line.unit_price == product.artisan_price + (product.artisan_price + 5) // 10
    assert old.markup_rate == Decimal("10")


def test_card_checkout_creates_a_stripe_session_and_redirects_to_it(
    client, product, fake_stripe, shop_settings, new_orders, dakar_zone
):
    add(client, product, 2)
    response = submit(client, payment_method="card")
    order = new_orders.get()
    assert response.status_code == 302
    assert response.url.startswith("https://checkout.stripe.com/")
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.stock_reserved and stock_of(product) == 3
    assert order.payment_reference == "cs_test_1"
    [request] = fake_stripe.posted("/v1/checkout/sessions")
    assert request["headers"]["Idempotency-Key"] == f"checkout-{order.reference}-{order.pk}"
    params = parse_qs(request["data"])
    assert params["client_reference_id"] == [order.reference]
    assert params["metadata[order_id]"] == [str(order.pk)]
    assert params["mode"] == ["payment"]
    unit = shop_settings.breakdown(product.artisan_price).unit_price
    # XOF has no minor unit: Stripe receives francs as they are.
    assert params["line_items[0][price_data][unit_amount]"] == [str(unit)]
    assert params["line_items[0][price_data][currency]"] == ["xof"]
    assert params["line_items[0][quantity]"] == ["2"]
    assert params["line_items[1][price_data][unit_amount]"] == [str(dakar_zone.fee)]
    expires_at = int(params["expires_at"][0])
    assert expires_at == int(order.payment_expires_at.timestamp())
    # Stripe wants at least 30 minutes from the session's creation.
    assert 30 * 60 < expires_at - order.created_at.timestamp() <= 31 * 60
    assert params["success_url"][0].startswith("http://testserver/fr/orders/")
    assert f"key={order.access_key()}" in params["success_url"][0]


def test_eur_amounts_go_to_stripe_in_cents(
    client, product, fake_stripe, shop_settings, dakar_zone
):
    ShopSettings.objects.filter(pk=shop_settings.pk).update(currency="EUR")
    DeliveryZone.objects.filter(pk=dakar_zone.pk).update(fee=450)
    ProductPage.objects.filter(pk=product.pk).update(artisan_price=1999)
    add(client, product, 1)
    submit(client, payment_method="card")
    params = parse_qs(fake_stripe.posted("/v1/checkout/sessions")[0]["data"])
    assert params["line_items[0][price_data][currency]"] == ["eur"]
    assert params["line_items[0][price_data][unit_amount]"] == [str(1999 + 200)]
    assert params["line_items[1][price_data][unit_amount]"] == ["450"]


def test_stripe_failure_cancels_the_order_and_gives_the_cart_back(
    client, product, fake_stripe, new_orders
):
    fake_stripe.fail_with = (500, {"error": {"type": "api_error", "message": "down"}})
    add(client, product, 2)
    response = submit(client, payment_method="card")
    assert response.status_code == 302
    assert response.url == reverse("shop:checkout")
    order = new_orders.get()
    assert order.status == OrderStatus.CANCELLED
    assert stock_of(product) == 5
    assert client.session[SESSION_KEY][str(product.pk)]["quantity"] == 2


def test_whole_journey_from_product_page_to_paid_order(
    client, product, fake_stripe, post_event, django_capture_on_commit_callbacks, new_orders
):
    page = client.get(product.url)
    form = BeautifulSoup(page.content, "html.parser").select_one("form.add-to-cart")
    client.post(form["action"], {"product": product.pk, "quantity": 1})
    response = submit(client, payment_method="card")
    order = new_orders.get()
    assert response.url.startswith("https://checkout.stripe.com/")

    # Back from Stripe before the webhook: the page says the payment is being confirmed.
    waiting = client.get(reverse("shop:order_detail", args=[order.reference]))
    assert "Votre paiement est en cours de confirmation" in text_of(waiting)

    with django_capture_on_commit_callbacks(execute=True):
        answer = post_event(stripe_event("checkout.session.completed", session_object(order)))
    assert answer.status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.payment_transaction_id == f"pi_test_{order.pk}"
    assert stock_of(product) == 4
    paid = client.get(reverse("shop:order_detail", args=[order.reference]))
    assert "Merci, votre paiement est confirmé" in text_of(paid)
    assert [message.to for message in mail.outbox][0] == ["awa@example.sn"]


def test_checkout_page_is_light_on_queries(
    client, product, other_product, django_assert_max_num_queries
):
    add(client, product)
    add(client, other_product)
    # 12, and 2 for the lines' pictures (shop.cards.with_main_images), whatever their number.
    with django_assert_max_num_queries(14):
        client.get(reverse("shop:checkout"))


def test_a_double_click_on_place_my_order_shows_the_order_placed_once(client, product, new_orders):
    add(client, product)
    signature = checkout_form(client).context["form"]["cart_signature"].value()
    first = client.post(reverse("shop:checkout"), {**FORM, "cart_signature": signature})
    second = client.post(reverse("shop:checkout"), {**FORM, "cart_signature": signature})
    assert second.status_code == 302
    assert second.url == first.url
    assert new_orders.count() == 1


def test_an_order_placed_on_the_english_site_is_in_english(client, product, new_orders):
    with translation.override("en"):
        add(client, product)
        page = checkout_form(client)
        assert "Place my order" in page.content.decode()
        response = submit(client)
    order = new_orders.get()
    assert order.language == "en"
    assert response.url == f"/en/orders/{order.reference}/"
