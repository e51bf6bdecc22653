"""A shopper reads a story, buys what it shows and pays in cash at pickup, in a real browser."""

import re

import pytest

from shop.models import Order, OrderStatus, PaymentMethod, ProductPage
from stories.models import StoryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def story_selling_a_piece_in_stock():
    """A French story whose product card offers a product of which two can be bought."""
    for story in StoryPage.objects.live().filter(locale__language_code="fr").order_by("pk"):
        for block in story.body:
            if block.block_type != "product_card" or block.value["product"] is None:
                continue
            product = block.value["product"].localized.specific
            if product.live and product.orderable_quantity >= 2:
                return story, product
    raise AssertionError("the demo has no story with a product card for a piece in stock")


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_shopper_buys_from_a_story_and_pays_cash_at_pickup(
    open_page, screenshots, javascript
):
    story, product = story_selling_a_piece_in_stock()
    stock_before = product.stock
    page = open_page(java_script_enabled=javascript)

    page.goto(story.url)
    screenshots.take(page, "story")
    card = page.locator(".block-product-card").filter(has_text=product.title).first
    card.get_by_role("link", name=product.title).click()

    page.wait_for_url(re.compile(rf"{re.escape(product.url)}\?from={story.pk}$"))
    assert page.get_by_role("heading", level=1).inner_text() == product.title
    screenshots.take(page, "product")
    page.locator("main form.add-to-cart").get_by_role("button", name="Ajouter au panier").click()
    # Adding stays on the piece; the message links to the cart.
    page.get_by_role("link", name="Voir le panier").click()

    page.wait_for_url("**/fr/cart/")
    screenshots.take(page, "cart with one piece")
    page.get_by_label(f"Quantité de {product.title}").fill("2")
    page.get_by_role("button", name="Mettre à jour").click()
    page.wait_for_load_state()
    assert page.get_by_label(f"Quantité de {product.title}").input_value() == "2"
    screenshots.take(page, "cart with two pieces")
    page.get_by_role("link", name="Commander", exact=True).click()

    page.wait_for_url("**/fr/checkout/")
    page.get_by_label("Nom et prénom").fill("Awa Diallo")
    page.get_by_label("Adresse e-mail").fill("awa.diallo@example.org")
    page.get_by_label("Téléphone").fill("+221 77 123 45 67")
    page.get_by_label("Retrait", exact=True).check()
    page.get_by_label("Espèces à la livraison ou au retrait").check()
    screenshots.take(page, "checkout filled in")
    page.get_by_role("button", name="Passer ma commande").click()

    page.wait_for_url("**/fr/orders/**")
    heading = page.get_by_role("heading", level=1).inner_text()
    reference = heading.removeprefix("Commande ").strip()
    assert page.get_by_role("status").inner_text().startswith("Merci, votre commande est")
    screenshots.take(page, "confirmation")

    order = Order.objects.get(reference=reference)
    line = order.lines.get()
    assert (line.product_id, line.quantity, line.story_id) == (product.pk, 2, story.pk)
    assert order.total == 2 * line.unit_price == line.line_total
    assert order.delivery_fee == 0
    assert (order.status, order.payment_method) == (OrderStatus.AWAITING_CASH, PaymentMethod.CASH)
    assert order.stock_reserved
    assert ProductPage.objects.get(pk=product.pk).stock == stock_before - 2
