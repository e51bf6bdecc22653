"""A shopper orders a piece made to order; the shop manager moves it to « Prête »; the shopper
sees it on their order page, in a real browser."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from shop.models import Order, ProductionStatus, ProductPage

from .test_admin import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_shopper_orders_a_made_to_order_piece_and_follows_its_production(open_page, screenshots):
    product = ProductPage.objects.get(slug="table-basse-vene-sur-commande")
    with translation.override("fr"):
        expected_on = formats.date_format(timezone.localdate() + timedelta(days=21), "DATE_FORMAT")
    shopper = open_page()

    shopper.goto(product.url)
    shopper.get_by_text("Sur commande — fabriquée en 21 jours").first.wait_for()
    screenshots.take(shopper, "made to order product")
    shopper.locator("main form.add-to-cart").get_by_role("button", name="Ajouter au panier").click()
    # Adding stays on the piece; the message links to the cart.
    shopper.get_by_role("link", name="Voir le panier").click()
    shopper.wait_for_url("**/fr/cart/")
    shopper.get_by_text(f"Sur commande : prévue le {expected_on}").wait_for()
    shopper.get_by_role("link", name="Commander", exact=True).click()

    shopper.wait_for_url("**/fr/checkout/")
    shopper.get_by_text(f"Sur commande : prévue le {expected_on}").wait_for()
    shopper.get_by_label("Nom et prénom").fill("Awa Diallo")
    shopper.get_by_label("Adresse e-mail").fill("awa.diallo@example.org")
    shopper.get_by_label("Téléphone").fill("+221 77 123 45 67")
    shopper.get_by_label("Retrait", exact=True).check()
    shopper.get_by_label("Espèces à la livraison ou au retrait").check()
    shopper.get_by_role("button", name="Passer ma commande").click()

    shopper.wait_for_url("**/fr/orders/**")
    shopper.get_by_text("Production : Acceptée").wait_for()
    screenshots.take(shopper, "order accepted")
    reference = shopper.get_by_role("heading", level=1).inner_text().removeprefix("Commande ")
    order = Order.objects.get(reference=reference.strip())

    manager = open_page()
    log_in(manager, "boutique", screenshots)
    manager.goto(reverse("shop_order_modeladmin_inspect", args=[order.pk]))
    for status in ("En fabrication", "Prête"):
        manager.get_by_label("Faire passer la fabrication à").select_option(label=status)
        manager.get_by_role("button", name="Faire passer et prévenir l'acheteur").click()
        manager.locator(".messages").get_by_text(f"est maintenant « {status} »").wait_for()
    screenshots.take(manager, "production ready in the admin")
    line = order.lines.get()
    assert line.production_status == ProductionStatus.READY
    assert [change.changed_by.username for change in line.production_changes.all()[1:]] == [
        "boutique",
        "boutique",
    ]

    shopper.reload()
    shopper.get_by_text("Production : Prête").wait_for()
    history = shopper.locator(".production-history").inner_text()
    assert [step for step in ("Acceptée", "En fabrication", "Prête") if step in history] == [
        "Acceptée",
        "En fabrication",
        "Prête",
    ]
    screenshots.take(shopper, "order ready")
