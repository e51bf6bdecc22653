"""Fuzzing the checkout: any form, any cart; a whole order holding its pieces, or none."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import event, given
from hypothesis import strategies as st

from shop.models import Fulfilment, PaymentMethod, ProductPage

from .conftest import CUSTOMER
from .fuzz import (
    FUZZ,
    assert_not_a_server_error,
    junk_fields,
    number_like,
    rolled_back,
    shop_unharmed,
)

pytestmark = pytest.mark.django_db

SIGNATURE = re.compile(rb'name="cart_signature" value="([0-9a-f]+)"')
CHECKOUT_FIELDS = [*CUSTOMER, "payment_method", "cart_signature"]


@pytest.fixture
def for_sale(db):
    """Ids of some products with pieces left, and of one sold out."""
    live = ProductPage.objects.live().filter(locale__language_code="fr").order_by("pk")
    ids = list(live.filter(stock__gte=1).values_list("pk", flat=True)[:4])
    ids += list(live.filter(stock=0).values_list("pk", flat=True)[:1])
    return [str(pk) for pk in ids]


def field_value(data, name, good):
    """The right value, an odd one, or nothing at all."""
    return data.draw(
        st.one_of(
            st.just(good),
            st.text(max_size=60),
            st.sampled_from(["", " ", "\x00", "é" * 2000, "<script>x</script>", "-1"]),
            st.none(),
        ),
        label=name,
    )


def checkout_form(data, signature):
    good = {
        **CUSTOMER,
        "fulfilment": data.draw(st.sampled_from(Fulfilment.values)),
        "payment_method": data.draw(st.sampled_from(PaymentMethod.values)),
        "cart_signature": signature,
    }
    form = data.draw(junk_fields(CHECKOUT_FIELDS))
    for name, value in good.items():
        value = field_value(data, name, value) if data.draw(st.booleans()) else value
        if value is not None:
            form[name] = value
    return form


@FUZZ
@given(data=st.data())
def test_any_checkout_places_a_whole_order_or_none(data, for_sale, fake_stripe):
    with rolled_back(), shop_unharmed():
        client = Client()
        for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
            quantity = st.one_of(st.sampled_from(["1", "1", "2"]), number_like())
            line = {
                "product": data.draw(st.sampled_from(for_sale)),
                "quantity": data.draw(quantity),
            }
            assert_not_a_server_error(client.post(reverse("shop:cart_add"), line))
        page = client.get(reverse("shop:checkout"))
        assert_not_a_server_error(page)
        found = SIGNATURE.search(page.content)
        signature = found.group(1).decode() if found else ""
        response = client.post(reverse("shop:checkout"), checkout_form(data, signature))
        assert_not_a_server_error(response)
        event(f"checkout answered {response.status_code} {response.get('Location', '')[:12]}")
        if response.status_code in (400, 409):
            assert b'role="alert"' in response.content or b"errorlist" in response.content
