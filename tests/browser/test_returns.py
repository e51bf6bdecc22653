"""A shop manager takes back a piece paid in cash, in a real browser: refunded, restocked, and
the impact figures lower by exactly the artisan's share."""

import pytest
from wagtail.models import Site

from impact import figures
from shop import lifecycle
from shop.models import OrderStatus, ProductPage, RefundStatus, ShopSettings
from tests.sales import place

from .test_admin import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_shop_manager_takes_back_a_cash_piece_refunds_and_restocks_it(open_page, screenshots):
    shop_settings = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    piece = (
        ProductPage.objects.live()
        .filter(one_of_a_kind=True, stock=1, locale__language_code="fr")
        .order_by("pk")
        .first()
    )
    order = place(shop_settings, [(piece, 1)], pickup=True)
    lifecycle.mark_cash_paid(order, by=None)
    [line] = order.lines.all()
    before = figures.ledger(shop_settings.currency).figures()

    page = open_page()
    page.goto(piece.url)
    assert page.get_by_text("Vendu").count() > 0
    assert page.locator(".product__buy button", has_text="Ajouter au panier").count() == 0
    screenshots.take(page, "the piece is sold")

    log_in(page, "boutique", screenshots)
    page.goto("/admin/shop/order/")
    page.get_by_role("link", name=order.reference).first.click()
    page.get_by_role("heading", name="Statut : Payée").wait_for()
    screenshots.take(page, "a paid cash order")

    page.get_by_role("link", name="Reprendre des pièces (retour)").click()
    page.get_by_label(f"Pièces de « {piece.title} » reprises (sur 1)").fill("1")
    page.get_by_label(f"Les remettre en vente (pas abîmées): {piece.title}").check()
    page.get_by_label("Pourquoi").fill("Rapportée intacte")
    screenshots.take(page, "the return form")
    page.get_by_role("button", name="Reprendre et rembourser").click()

    page.get_by_role("heading", name="Statut : Remboursée").wait_for()
    assert "Remboursement de" in page.locator(".messages").inner_text()
    screenshots.take(page, "the order refunded")
    order.refresh_from_db()
    refund = order.refunds.get()
    assert (order.status, refund.provider, refund.status, refund.created_by.username) == (
        OrderStatus.REFUNDED,
        "cash",
        RefundStatus.SUCCEEDED,
        "boutique",
    )
    assert refund.amount == line.line_total

    after = figures.ledger(shop_settings.currency).figures()
    assert before.paid_to_artisans - after.paid_to_artisans == line.artisan_price
    assert before.items - after.items == 1

    page.goto(piece.url)
    page.locator(".product__buy button", has_text="Ajouter au panier").wait_for()
    screenshots.take(page, "the piece is on sale again")
    piece.refresh_from_db()
    assert piece.stock == 1
