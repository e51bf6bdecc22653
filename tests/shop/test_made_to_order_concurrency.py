"""Many shoppers at once for the last made-to-order slot: one gets it, capacity never below 0.

PostgreSQL only, like `test_concurrency.py` (whose shoppers this reuses): capacity is taken
by `shop.stock.reserve_stock` under the same row locks as stock.
"""

import pytest

from shop.models import OrderLine, ProductionStatus, ProductPage

from .test_concurrency import SHOPPERS, checkout_at_once


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_orders_for_the_last_made_to_order_slot_only_one_succeeds():
    product = ProductPage.objects.get(slug="table-basse-vene-sur-commande")
    assert product.made_to_order
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=1)
    english = ProductPage.objects.get(
        translation_key=product.translation_key, locale__language_code="en"
    )

    outcomes = checkout_at_once(None, SHOPPERS, product_ids=[product.pk, english.pk])

    kinds = sorted(kind for kind, _detail in outcomes)
    assert kinds == ["ordered"] + ["sold out"] * (SHOPPERS - 1), outcomes
    capacities = ProductPage.objects.filter(translation_key=product.translation_key)
    assert sorted(capacities.values_list("stock", flat=True)) == [0, 0]
    (won,) = [detail for kind, detail in outcomes if kind == "ordered"]
    line = OrderLine.objects.get(order__reference=won)
    assert line.production_status == ProductionStatus.ACCEPTED
    assert line.production_changes.count() == 1
