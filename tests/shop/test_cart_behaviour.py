"""Adding stays on the piece; emptying asks first; a cart of sold pieces offers others."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from shop.models import ProductPage

from .conftest import set_stock


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def french_product(db):
    piece = ProductPage.objects.live().filter(locale__language_code="fr", stock__gte=2)
    return set_stock(piece.order_by("pk").first(), 4)


def add(client, product, **extra):
    return client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1, **extra})


def test_adding_goes_back_to_the_piece_with_a_message_linking_to_the_cart(client, french_product):
    response = add(client, french_product)
    assert response.status_code == 302
    assert response.url == french_product.url
    html = soup(client.get(response.url))
    message = html.select_one(".messages")
    assert "ajouté au panier" in message.get_text()
    assert message.select_one("a")["href"] == reverse("shop:cart")
    assert html.select_one(".cart-link__count").get_text(strip=True) == "1"


def test_adding_goes_back_to_the_page_it_came_from(client, french_product):
    catalogue = french_product.get_parent().url
    response = add(client, french_product, next=f"{catalogue}?page=2")
    assert response.url == f"{catalogue}?page=2"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/cart", "javascript:alert(1)"]
)
def test_adding_never_sends_the_shopper_to_another_site(client, french_product, next_url):
    response = add(client, french_product, next=next_url)
    assert response.status_code == 302
    assert response.url == french_product.url


def test_the_product_page_form_says_where_to_come_back(client, french_product):
    form = soup(client.get(french_product.url)).select_one("main form.add-to-cart")
    assert form.select_one("input[name=next]")["value"] == french_product.url


def test_the_cart_orders_first_and_empties_only_after_confirming(client, french_product):
    add(client, french_product)
    html = soup(client.get(reverse("shop:cart")))
    order = html.select_one(".cart-actions a.button")
    assert order.get_text(strip=True) == "Commander"
    assert order["href"] == reverse("shop:checkout")
    # Emptying is a plain link to a page that asks; it is not a button beside « Commander ».
    empty = html.select_one(".cart-actions__empty")
    assert empty.name == "a" and "button" not in empty["class"]
    assert not html.select(f".cart-actions form[action='{reverse('shop:cart_empty')}']")
    confirm = client.get(empty["href"])
    assert confirm.status_code == 200
    assert client.session["cart"]  # asking changed nothing
    form = soup(confirm).select_one(f"form[action='{reverse('shop:cart_empty')}']")
    assert form.select_one("button").get_text(strip=True) == "Oui, vider le panier"
    client.post(reverse("shop:cart_empty"))
    assert client.session["cart"] == {}


def test_the_confirmation_page_of_an_empty_cart_goes_back_to_the_cart(client, db):
    response = client.get(reverse("shop:cart_empty_confirm"))
    assert response.status_code == 302 and response.url == reverse("shop:cart")


def test_a_cart_whose_pieces_all_sold_says_so_and_offers_similar_pieces(client, french_product):
    add(client, french_product)
    set_stock(french_product, 0)
    html = soup(client.get(reverse("shop:cart")))
    text = html.get_text(" ", strip=True)
    assert "La pièce de votre panier a été vendue entre-temps." in text
    assert "reviennent aux artisans" not in text and "vont aux artisans" not in text
    assert "0\u202fFCFA" not in text and "0 FCFA" not in text
    assert html.select_one(".cart-table tfoot") is None
    assert not html.select(f"a[href='{reverse('shop:checkout')}']")
    similar = [card.get_text(strip=True) for card in html.select(".similar-pieces .card__title")]
    assert similar and french_product.title not in similar
    on_sale = ProductPage.objects.live().filter(title__in=similar, stock__gt=0)
    assert on_sale.count() == len(similar)


def test_a_cart_with_one_sold_piece_among_others_keeps_its_total(client, french_product):
    other = set_stock(
        ProductPage.objects.live()
        .filter(locale__language_code="fr", stock__gte=1)
        .exclude(pk=french_product.pk)
        .order_by("pk")
        .first(),
        2,
    )
    add(client, french_product)
    add(client, other)
    set_stock(french_product, 0)
    html = soup(client.get(reverse("shop:cart")))
    assert html.select_one(".cart-table tfoot") is not None
    assert html.select_one(".similar-pieces") is None
    assert html.select_one(".cart-actions .message--error") is not None  # remove it first
