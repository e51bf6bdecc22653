"""A shopper asks for a piece through the commission form; a shop manager turns the request
into a made-to-order order; the shopper follows its production from the link in their
e-mail, in a real browser."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from enquiries.models import CommissionRequestPage
from shop.models import Order, ProductionStatus
from shop.relations import artisan_model

from .test_admin import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
BUYER = "khady.fall@example.sn"


def test_a_shopper_commissions_a_piece_and_follows_its_production(open_page, screenshots):
    form_page = CommissionRequestPage.objects.live().get(locale__language_code="fr")
    artisan = artisan_model().objects.get(slug="ibrahima-sarr", locale__language_code="fr")
    shopper = open_page()

    shopper.goto(form_page.url)
    shopper.get_by_label("Ce que vous aimeriez").fill("Une table basse en vène pour le salon")
    shopper.get_by_label("Dimensions").fill("100 × 60 cm")
    shopper.get_by_label("Budget").fill("150000")
    deadline = timezone.localdate() + timedelta(days=40)
    shopper.get_by_label("Pour quand ?").fill(deadline.isoformat())
    shopper.get_by_label("Atelier ou artisan").select_option(f"artisan:{artisan.pk}")
    shopper.get_by_label("Votre nom").fill("Khady Fall")
    shopper.get_by_label("Adresse e-mail").fill(BUYER)
    shopper.get_by_label("Téléphone").fill("+221 77 321 54 76")
    screenshots.take(shopper, "commission request")
    shopper.get_by_role("button", name="Envoyer").click()
    shopper.get_by_role("heading", level=1).wait_for()
    assert "Merci" in shopper.locator("main").inner_text()

    manager = open_page()
    log_in(manager, "boutique", screenshots)
    manager.goto("/admin/forms/")
    manager.get_by_role("link", name=form_page.title).first.click()
    manager.get_by_role("link", name="Créer une commande sur mesure").first.click()
    manager.get_by_role("heading", name="Nouvelle commande sur mesure").wait_for()
    # The request fills in the maker, what is made, the price within the budget, the buyer.
    assert manager.locator('select[name="artisan"]').input_value() == str(artisan.pk)
    assert "100 × 60 cm" in manager.locator('input[name="description"]').input_value()
    assert manager.locator('input[name="email"]').input_value() == BUYER
    manager.get_by_label("Retrait", exact=True).check()
    manager.get_by_label("Espèces à la livraison ou au retrait").check()
    screenshots.take(manager, "commission order form")
    mail.outbox.clear()
    manager.get_by_role("button", name="Créer la commande").click()
    manager.get_by_role("heading", name="Statut : En attente du paiement en espèces").wait_for()
    order = Order.objects.get(email=BUYER)
    assert order.commission_submission_id is not None
    line = order.lines.get()
    assert line.production_status == ProductionStatus.ACCEPTED

    # The buyer's e-mail carries the link to their order.
    (message,) = [message for message in mail.outbox if message.to == [BUYER]]
    link = urlsplit(re.search(r"https?://\S+/orders/\S+", message.body).group(0))
    shopper.goto(f"{link.path}?{link.query}")  # the e-mail names the site's own address
    shopper.get_by_text("Production : Acceptée").wait_for()

    manager.goto(reverse("shop_order_modeladmin_inspect", args=[order.pk]))
    for status in ("En fabrication", "Prête"):
        manager.get_by_label("Faire passer la fabrication à").select_option(label=status)
        manager.get_by_role("button", name="Faire passer et prévenir l'acheteur").click()
        manager.locator(".messages").get_by_text(f"est maintenant « {status} »").wait_for()

    shopper.reload()
    shopper.get_by_text("Production : Prête").wait_for()
    screenshots.take(shopper, "commission ready")
    line.refresh_from_db()
    assert line.production_status == ProductionStatus.READY
