"""A buyer reviews a piece from the link in the fulfilment e-mail, with a photo of it at home;
a moderator approves it in the admin; it shows on the product and the artisan's pages."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from PIL import Image
from wagtail.models import Site

from shop import lifecycle
from shop.models import ShopSettings
from tests.sales import place
from voices.models import Review, ReviewStatus

from .test_accessibility import axe_violations
from .test_admin import artisan_who_consented_with_a_product_in_stock, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REVIEW_LINK = re.compile(r"https?://\S+/voices/review/\S+/")
WORDS = "Il trône dans notre salon depuis son arrivée, et tout le monde le remarque."
ALT = "La pièce posée sur un tapis, près d'une fenêtre"


def home_photo():
    output = io.BytesIO()
    Image.new("RGB", (2000, 1500), (196, 120, 60)).save(output, format="JPEG")
    return {"name": "chez-nous.jpg", "mimeType": "image/jpeg", "buffer": output.getvalue()}


def test_a_buyer_reviews_with_a_photo_and_a_moderator_approves_it(open_page, screenshots, axe):
    artisan, piece = artisan_who_consented_with_a_product_in_stock()
    shop_settings = ShopSettings.for_site(Site.objects.get(is_default_site=True))
    order = place(shop_settings, [(piece, 1)], pickup=True, email="lina@example.sn")
    lifecycle.mark_cash_paid(order, by=None, notify=False)
    mail.outbox.clear()
    lifecycle.mark_fulfilled(order, by=None)
    [message] = [m for m in mail.outbox if m.to == ["lina@example.sn"]]
    [link] = REVIEW_LINK.findall(message.body)

    # axe is injected as an inline script: this context bypasses the CSP for it only.
    buyer = open_page(bypass_csp=True)
    buyer.goto(urlsplit(link).path)
    buyer.get_by_role("heading", name=f"Votre avis sur « {piece.title} »").wait_for()
    screenshots.take(buyer, "the review form from the e-mail")
    assert axe_violations(buyer, axe) == []
    buyer.get_by_label("5", exact=True).check()
    buyer.get_by_role("textbox", name="Votre avis :", exact=True).fill(WORDS)
    buyer.get_by_label("Nom affiché avec votre avis").fill("Lina")
    buyer.get_by_label("Photo 1 de la pièce chez vous (facultatif)").set_input_files(home_photo())
    buyer.get_by_label("Ce que montre la photo 1").fill(ALT)
    screenshots.take(buyer, "the review filled in")
    buyer.get_by_role("button", name="Envoyer mon avis").click()
    buyer.get_by_role("heading", name="Merci pour votre avis").wait_for()
    screenshots.take(buyer, "thanked, pending moderation")
    review = Review.objects.get(order_line__order=order)
    assert review.status == ReviewStatus.PENDING

    buyer.goto(piece.url)
    assert WORDS not in buyer.content()

    moderator = open_page()
    log_in(moderator, "boutique", screenshots)
    moderator.goto("/admin/voices/")
    entry = moderator.locator("article", has_text=WORDS)
    entry.get_by_role("img", name=ALT).wait_for()
    screenshots.take(moderator, "the review waiting with its photo")
    entry.get_by_role("button", name="Approuver").click()
    moderator.get_by_text("Avis de Lina approuvé").wait_for()
    screenshots.take(moderator, "approved")

    for page_url in (piece.url, artisan.url):
        buyer.goto(page_url)
        voices = buyer.locator("section.voices")
        voices.get_by_text(WORDS).wait_for()
        voices.get_by_role("img", name=ALT).wait_for()
        assert "— Lina" in voices.inner_text()
        screenshots.take(buyer, "the voice on the page")
