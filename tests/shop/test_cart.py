"""The session cart: add, change, remove; bad input gets a 400 and changes nothing."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from shop.cart import SESSION_KEY
from shop.models import ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return ProductPage.objects.live().filter(stock__gte=3).order_by("pk").first()


def cart_in(client):
    return client.session.get(SESSION_KEY, {})


def test_add_shows_the_line_with_server_computed_price(client, product):
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 2})
    response = client.get(reverse("shop:cart"))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert product.title in html.select_one(".cart-table").get_text()
    assert html.select_one(".cart-link__count").get_text(strip=True) == "2"
    unit = product.artisan_price + (product.artisan_price * 10 + 50) // 100
    # Ids and quantities; the price shown is kept only to tell the shopper if it moves.
    assert cart_in(client) == {str(product.pk): {"quantity": 2, "price_seen": unit}}
    assert response.context["cart"].total == unit * 2


def test_add_twice_accumulates_and_update_replaces(client, product):
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    assert cart_in(client)[str(product.pk)]["quantity"] == 2
    client.post(reverse("shop:cart_update"), {"product": product.pk, "quantity": 3})
    assert cart_in(client)[str(product.pk)]["quantity"] == 3


def test_remove_takes_the_line_out(client, product):
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    response = client.post(reverse("shop:cart_remove"), {"product": product.pk})
    assert response.status_code == 302
    assert cart_in(client) == {}


@pytest.mark.parametrize("quantity", ["0", "-1", "abc", "", "1e3", "99999999999999999999", "2.5"])
def test_bad_quantities_get_a_400_with_a_message_and_leave_the_cart_unchanged(
    client, product, quantity
):
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    before = cart_in(client)
    response = client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": quantity})
    assert response.status_code == 400
    assert (
        BeautifulSoup(response.content, "html.parser")
        .select_one("[role=alert]")
        .get_text(strip=True)
    )
    assert cart_in(client) == before


@pytest.mark.parametrize("product_id", ["999999", "-3", "x", "", "1" * 40])
def test_unknown_products_get_a_400(client, product_id):
    response = client.post(reverse("shop:cart_add"), {"product": product_id, "quantity": 1})
    assert response.status_code == 400
    assert cart_in(client) == {}


def test_more_than_in_stock_is_refused(client):
    unique = ProductPage.objects.live().filter(stock=1).first()
    client.post(reverse("shop:cart_add"), {"product": unique.pk, "quantity": 1})
    response = client.post(reverse("shop:cart_add"), {"product": unique.pk, "quantity": 1})
    assert response.status_code == 400
    assert cart_in(client)[str(unique.pk)]["quantity"] == 1


def test_sold_piece_cannot_be_added(client):
    sold = ProductPage.objects.live().filter(stock=0).first()
    response = client.post(reverse("shop:cart_add"), {"product": sold.pk, "quantity": 1})
    assert response.status_code == 400
    assert cart_in(client) == {}


def test_unpublished_product_cannot_be_added(client, product):
    product.unpublish()
    response = client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    assert response.status_code == 400


def test_get_on_a_post_endpoint_is_refused(client):
    assert client.get(reverse("shop:cart_add")).status_code == 405


def test_missing_csrf_token_is_refused_and_changes_nothing(product):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    assert response.status_code == 403
    assert cart_in(client) == {}
