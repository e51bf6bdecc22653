"""A shopper in Thiès sees the regional fee and lead time, pays in cash, and opens the receipt."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from shop import lifecycle
from shop.models import Order, OrderStatus, ProductPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_shopper_in_thies_sees_the_regional_fee_and_opens_the_receipt_pdf(
    open_page, screenshots, javascript
):
    product = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", stock__gte=1)
        .order_by("pk")
        .first()
    )
    page = open_page(java_script_enabled=javascript)
    page.goto(product.url)
    page.locator("main form.add-to-cart").get_by_role("button", name="Ajouter au panier").click()
    # Adding stays on the piece; the message links to the cart.
    page.get_by_role("link", name="Voir le panier").click()
    page.wait_for_url("**/fr/cart/")
    page.get_by_role("link", name="Commander", exact=True).click()

    page.wait_for_url("**/fr/checkout/")
    page.get_by_label("Nom et prénom").fill("Moussa Sarr")
    page.get_by_label("Adresse e-mail").fill("moussa.sarr@example.org")
    page.get_by_label("Téléphone").fill("77 555 12 34")
    page.get_by_label("Livraison", exact=True).check()
    page.get_by_label("Ville ou région").fill("thies")
    quote = page.locator("#delivery-quote")
    if javascript:
        # The fee appears as the city is typed, without leaving the page.
        expect(quote).to_contain_text("3\u202f500\u00a0FCFA")
        expect(page.locator(".checkout__summary tfoot")).to_contain_text("Total avec livraison")
    else:
        page.get_by_role("button", name="Voir les frais et le délai de livraison").click()
        page.wait_for_load_state()
    assert "Thiès" in quote.inner_text()
    assert "3\u202f500\u00a0FCFA" in quote.inner_text()
    assert "sous 2 jours" in quote.inner_text()
    # What the shopper typed is still there after the round trip.
    assert page.get_by_label("Nom et prénom").input_value() == "Moussa Sarr"
    screenshots.take(page, "thies fee and lead time")

    page.get_by_label("Adresse de livraison").fill("Quartier Randoulène, villa 8")
    page.get_by_label("Espèces à la livraison ou au retrait").check()
    page.get_by_role("button", name="Passer ma commande").click()
    page.wait_for_url("**/fr/orders/**")
    reference = page.get_by_role("heading", level=1).inner_text().removeprefix("Commande ").strip()
    order = Order.objects.get(reference=reference)
    assert (order.delivery_fee, order.delivery_zone, order.delivery_lead_days) == (3500, "Thiès", 2)

    # The courier brings the cash back; the shop records it.
    manager = get_user_model().objects.get(username="admin")
    lifecycle.mark_cash_paid(order, by=manager)
    assert Order.objects.get(pk=order.pk).status == OrderStatus.PAID
    page.reload()
    link = page.get_by_role("link", name="Télécharger le reçu (PDF)")
    screenshots.take(page, "order paid with its receipt")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    assert order.receipt.reference.encode() in response.body()
