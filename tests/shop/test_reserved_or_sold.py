"""« Réservé » is not « Vendu »: a piece an unpaid order holds may come back on sale."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from shop import lifecycle
from shop.models import PaymentMethod, ProductPage

from .conftest import set_stock

RESERVED_NOTE = "elle peut revenir en vente"


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def last_piece(db):
    """A French demo piece with one piece left, that nobody's order holds."""
    piece = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", stock__gte=1, order_lines__isnull=True)
        .order_by("pk")
        .first()
    )
    return set_stock(piece, 1)


@pytest.fixture
def held_by_cash_order(make_order, last_piece):
    """The last piece, held by a cash order not paid yet."""
    return make_order([(last_piece, 1)], payment_method=PaymentMethod.CASH)


def badge(html):
    return html.select_one(".availability .badge").get_text(strip=True)


def test_a_piece_held_by_an_unpaid_cash_order_shows_reserved_with_its_sentence(
    client, last_piece, held_by_cash_order
):
    html = soup(client.get(last_piece.url))
    assert badge(html) == "Réservé"
    assert RESERVED_NOTE in html.select_one(".availability").get_text()
    assert html.select_one(".product__buy form.add-to-cart") is None
    assert html.select_one("form.similar-alert") is not None


def test_the_same_piece_shows_sold_once_the_cash_is_paid(
    client, last_piece, held_by_cash_order, shop_manager
):
    lifecycle.mark_cash_paid(held_by_cash_order, by=shop_manager, notify=False)
    html = soup(client.get(last_piece.url))
    assert badge(html) == "Vendu"
    assert RESERVED_NOTE not in html.get_text()


def test_a_piece_held_by_an_open_payment_page_is_reserved(
    client, make_order, last_piece, fake_stripe
):
    make_order([(last_piece, 1)], payment_method=PaymentMethod.CARD)
    assert badge(soup(client.get(last_piece.url))) == "Réservé"


def test_a_cancelled_order_puts_the_piece_back_on_sale(client, last_piece, held_by_cash_order):
    lifecycle.cancel(held_by_cash_order, note="test")
    html = soup(client.get(last_piece.url))
    assert html.select_one(".product__buy form.add-to-cart") is not None
    assert "Réservé" not in badge(html)


def test_the_catalogue_card_says_reserved_with_the_sentence(client, last_piece, held_by_cash_order):
    catalogue = last_piece.get_parent()
    found = None
    for page_number in range(1, 20):
        html = soup(client.get(catalogue.url, {"page": page_number}))
        for card in html.select(".product-card"):
            if card.select_one(".card__title").get_text(strip=True) == last_piece.title:
                found = card
        if found or not html.select(".product-card"):
            break
    assert found is not None
    assert found.select_one(".badge--reserved").get_text(strip=True) == "Réservé"
    assert RESERVED_NOTE in found.get_text()


def found_in_search(client, piece):
    html = soup(client.get(reverse("search:search"), {"q": piece.title, "type": "products"}))
    return next(li for li in html.select("li.search-result") if piece.title in li.get_text())


def test_a_search_result_says_reserved_and_a_sold_one_sold(client, last_piece, held_by_cash_order):
    assert found_in_search(client, last_piece).select_one(".badge--reserved") is not None
    sold = ProductPage.objects.live().filter(locale__language_code="fr", stock=0)
    sold = sold.exclude(order_lines__order__status__in=["awaiting_cash", "pending_payment"])
    badge = found_in_search(client, sold.first()).select_one(".badge--sold")
    assert badge.get_text(strip=True) == "Vendu"


def test_reserved_or_sold_costs_one_query_for_a_whole_catalogue_page(
    client, last_piece, held_by_cash_order, django_assert_max_num_queries
):
    catalogue = last_piece.get_parent()
    client.get(catalogue.url)  # warm the settings and menus caches
    with django_assert_max_num_queries(40):
        client.get(catalogue.url, {"page": 2})
