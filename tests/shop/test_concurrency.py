"""Many shoppers at once for the last piece: exactly one gets it, stock never goes below 0.

Runs on PostgreSQL only (SQLite serialises every write, so it would prove nothing).
Each thread has its own database connection, as each web server process would; the
test is transactional so that their commits are real. pytest-django runs such tests
after every ordinary one, and empties the database afterwards.
"""

import threading

import pytest
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.db import connection

from shop.cart import Cart
from shop.checkout import Customer, place_order
from shop.models import Order, OrderLine, PaymentMethod, ProductPage, ShopSettings
from shop.stock import OutOfStock

SHOPPERS = 12


def checkout_at_once(product_id, shoppers, product_ids=None):
    """Each shopper prices a cart, waits for the others, then checks out. Returns outcomes.

    `product_ids`, when given, is the page each shopper adds (e.g. the French and the
    English page of one piece, in turn).
    """
    barrier = threading.Barrier(shoppers)
    outcomes = []

    def shopper(number):
        try:
            shop_settings = ShopSettings.objects.select_related("site").get()
            cart = Cart(SessionStore())
            cart.set(product_ids[number % len(product_ids)] if product_ids else product_id, 1)
            summary = cart.summary(shop_settings)
            customer = Customer(
                name=f"Client {number}",
                email=f"client{number}@example.sn",
                phone="+221 77 000 00 00",
                fulfilment="pickup",
            )
            barrier.wait(timeout=30)
            order = place_order(
                summary,
                customer,
                PaymentMethod.CASH,
                shop_settings,
                language="fr",
                site=shop_settings.site,
            )
            outcomes.append(("ordered", order.reference))
        except OutOfStock:
            outcomes.append(("sold out", None))
        except Exception as error:  # reported by the assertion below
            outcomes.append(("error", repr(error)))
        finally:
            connection.close()

    threads = [threading.Thread(target=shopper, args=(number,)) for number in range(shoppers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_checkouts_for_the_last_piece_only_one_succeeds():
    product = ProductPage.objects.live().filter(stock__gte=1).order_by("pk").first()
    ProductPage.objects.filter(pk=product.pk).update(stock=1)
    orders_before = Order.objects.count()

    outcomes = checkout_at_once(product.pk, SHOPPERS)

    kinds = sorted(kind for kind, _detail in outcomes)
    assert kinds == ["ordered"] + ["sold out"] * (SHOPPERS - 1), outcomes
    assert ProductPage.objects.get(pk=product.pk).stock == 0
    assert OrderLine.objects.filter(product=product).count() == 1

    # With enough pieces for all, every checkout succeeds and no two share a reference.
    ProductPage.objects.filter(pk=product.pk).update(stock=SHOPPERS)
    outcomes = checkout_at_once(product.pk, SHOPPERS)
    references = [detail for kind, detail in outcomes if kind == "ordered"]
    assert len(references) == SHOPPERS, outcomes
    assert len(set(references)) == SHOPPERS
    all_references = Order.objects.values_list("reference", flat=True)
    assert len(set(all_references)) == orders_before + SHOPPERS + 1
    assert ProductPage.objects.get(pk=product.pk).stock == 0

    # Shoppers reading the piece in French and in English still queue on the same locks.
    # (In this test: transactional tests empty the database after them, demo included.)
    english = ProductPage.objects.get(
        translation_key=product.translation_key, locale__language_code="en"
    )
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=1)
    outcomes = checkout_at_once(None, SHOPPERS, product_ids=[product.pk, english.pk])
    kinds = sorted(kind for kind, _detail in outcomes)
    assert kinds == ["ordered"] + ["sold out"] * (SHOPPERS - 1), outcomes
    stocks = ProductPage.objects.filter(translation_key=product.translation_key)
    assert sorted(stocks.values_list("stock", flat=True)) == [0, 0]
