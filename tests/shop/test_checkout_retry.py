"""Checkout is idempotent: the same cart sent again from the same session places one order.

The first answer can be lost after its order committed (a worker killed, a timeout, a
hung mail server): the session is then not saved, so the retry still holds the full cart.
"""

from unittest import mock

import pytest
from django.urls import reverse

from shop import lifecycle

from .conftest import CUSTOMER, stock_of

pytestmark = pytest.mark.django_db

FORM = {**CUSTOMER, "payment_method": "cash"}


def add(client, product, quantity=1):
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": quantity})


def checkout_data(client):
    page = client.get(reverse("shop:checkout"))
    return {**FORM, "cart_signature": page.context["form"]["cart_signature"].value()}


def lost_answer(client, data):
    """Post the checkout and lose its answer after the order committed, session unsaved."""
    client.raise_request_exception = False
    with mock.patch("shop.views.checkout.remember_order", side_effect=RuntimeError("killed")):
        response = client.post(reverse("shop:checkout"), data)
    client.raise_request_exception = True
    assert response.status_code == 500
    return response


def test_a_retry_after_a_lost_answer_places_no_second_order(client, product, new_orders):
    add(client, product)
    data = checkout_data(client)
    lost_answer(client, data)
    client.post(reverse("shop:checkout"), data)
    assert new_orders.count() == 1
    assert stock_of(product) == 4


def test_a_retry_after_a_lost_answer_shows_the_first_order(client, product, new_orders):
    add(client, product)
    data = checkout_data(client)
    lost_answer(client, data)
    response = client.post(reverse("shop:checkout"), data)
    assert response.status_code == 302
    assert response.url == reverse("shop:order_detail", args=[new_orders.get().reference])


def test_a_retry_after_a_lost_answer_empties_the_cart(client, product):
    add(client, product)
    data = checkout_data(client)
    lost_answer(client, data)
    client.post(reverse("shop:checkout"), data)
    assert client.get(reverse("shop:cart")).context["cart"].lines == []


def test_the_same_cart_bought_again_after_its_order_is_a_second_order(client, product, new_orders):
    add(client, product)
    client.post(reverse("shop:checkout"), checkout_data(client))
    add(client, product)
    client.post(reverse("shop:checkout"), checkout_data(client))
    assert new_orders.count() == 2
    assert stock_of(product) == 3


def test_a_retry_after_the_first_order_was_cancelled_places_a_new_order(
    client, product, new_orders
):
    add(client, product)
    data = checkout_data(client)
    lost_answer(client, data)
    lifecycle.cancel(new_orders.get())
    client.post(reverse("shop:checkout"), data)
    assert new_orders.exclude(status="cancelled").count() == 1
    assert stock_of(product) == 4
