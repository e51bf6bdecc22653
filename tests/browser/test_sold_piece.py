"""On a sold piece a shopper signs up for a similar one, then buys one with a phone only,
without JavaScript."""

import pytest

from shop.cache_versions import forget_public_pages
from shop.models import Order, OrderStatus, ProductPage, SimilarPieceAlert

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_shopper_on_a_sold_piece_signs_up_then_buys_a_similar_piece_by_phone(
    open_page, screenshots
):
    sold = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", stock__gte=1, category__isnull=False)
        .order_by("pk")
        .first()
    )
    ProductPage.objects.filter(translation_key=sold.translation_key).update(stock=0)
    forget_public_pages()
    page = open_page(java_script_enabled=False)
    page.goto(sold.url)
    assert page.locator(".availability .badge").inner_text() == "Vendu"
    screenshots.take(page, "sold piece")

    page.get_by_label("ou numéro de téléphone (SMS)").fill("77 123 45 67")
    page.get_by_label("J'accepte d'être prévenu·e une fois").check()
    page.get_by_role("button", name="Prévenez-moi").click()
    page.wait_for_url(f"**{sold.url}")
    assert "nous vous préviendrons une fois" in page.get_by_role("status").first.inner_text()
    alert = SimilarPieceAlert.objects.get()
    assert (alert.phone, alert.email, alert.category_id) == ("+221771234567", "", sold.category_id)

    similar = page.locator(".similar-pieces .card__title a").first
    title = similar.inner_text()
    similar.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    page.locator(".product__buy form.add-to-cart").get_by_role("button").click()
    page.get_by_role("link", name="Voir le panier").click()
    page.wait_for_url("**/fr/cart/")
    page.get_by_role("link", name="Commander", exact=True).click()

    page.wait_for_url("**/fr/checkout/")
    page.get_by_label("Nom et prénom").fill("Fatou Sow")
    page.get_by_label("Téléphone").fill("77 123 45 67")  # and no e-mail address
    page.get_by_label("Retrait", exact=True).check()
    page.get_by_label("Espèces à la livraison ou au retrait").check()
    screenshots.take(page, "checkout by phone only")
    page.get_by_role("button", name="Passer ma commande").click()

    page.wait_for_url("**/fr/orders/**")
    screenshots.take(page, "order placed by phone")
    order = Order.objects.get(customer_name="Fatou Sow")
    assert (order.email, order.phone, order.status) == (
        "",
        "+221771234567",
        OrderStatus.AWAITING_CASH,
    )
    assert order.lines.get().product_title == title
