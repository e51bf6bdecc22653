"""The shop manager at 1280×800: the buyer's phone within reach at the top of the order, and a
cash order handed over and paid in one step."""

import pytest

from shop.models import Order, OrderStatus

from .test_admin import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_shop_manager_calls_then_hands_over_a_cash_order_in_one_step(open_page, screenshots):
    order = Order.objects.filter(status=OrderStatus.AWAITING_CASH).order_by("pk").first()
    page = open_page(viewport={"width": 1280, "height": 800})
    log_in(page, "boutique", screenshots)

    page.goto("/admin/shop/order/")
    page.get_by_role("link", name=order.reference).first.click()
    page.get_by_role("heading", name="Statut : En attente du paiement en espèces").wait_for()
    call = page.locator(".shop-order__contact a[href^='tel:']")
    whatsapp = page.locator(".shop-order__contact a[href^='https://wa.me/']")
    mail = page.locator(".shop-order__contact a[href^='mailto:']")
    for link in (call, whatsapp, mail):
        box = link.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 800, "below the fold"
    screenshots.take(page, "order with the buyer's phone at the top")

    page.get_by_role("button", name="Remise et payée").click()
    page.get_by_role("heading", name="Statut : Remise").wait_for()
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    moves = [(change.from_status, change.to_status) for change in order.status_changes.all()]
    assert moves[-2:] == [
        (OrderStatus.AWAITING_CASH, OrderStatus.PAID),
        (OrderStatus.PAID, OrderStatus.FULFILLED),
    ]
    screenshots.take(page, "handed over and paid")
