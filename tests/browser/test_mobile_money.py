"""A shopper pays with mobile money on (a stand-in for) Wave's page and sees the paid order."""

import re

import pytest
import requests

from shop.models import Order, OrderStatus, PaymentEvent, ProductPage
from shop.payments import wave
from tests.shop.conftest import FakeWave

from . import fake_wave

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def wave_api(settings, monkeypatch, site_url):
    """Wave on, its API faked, its page served by the test server under /fake-wave/."""
    settings.WAVE_API_KEY = "wave_sn_prod_test_key"
    settings.ROOT_URLCONF = "tests.browser.fake_wave"
    api = FakeWave()
    api.launch_url = f"{site_url}/fake-wave/"
    session = requests.Session()
    session.mount("https://api.wave.com", api)
    monkeypatch.setattr(wave, "http_session", lambda: session)
    fake_wave.current["api"] = api
    yield api
    fake_wave.current["api"] = None


def test_shopper_pays_with_mobile_money_and_sees_the_paid_order(open_page, screenshots, wave_api):
    product = ProductPage.objects.live().filter(locale__language_code="fr", stock__gte=1).first()
    page = open_page(java_script_enabled=False)  # the buying path needs no JavaScript
    page.goto(product.url)
    page.locator("main form.add-to-cart").get_by_role("button", name="Ajouter au panier").click()
    # Adding stays on the piece; the message links to the cart.
    page.get_by_role("link", name="Voir le panier").click()
    page.wait_for_url("**/fr/cart/")
    page.get_by_role("link", name="Commander", exact=True).click()

    page.wait_for_url("**/fr/checkout/")
    page.get_by_label("Nom et prénom").fill("Moussa Sarr")
    page.get_by_label("Adresse e-mail").fill("moussa.sarr@example.org")
    page.get_by_label("Téléphone").fill("77 123 45 67")
    page.get_by_label("Retrait", exact=True).check()
    page.get_by_label("Wave / Orange Money").check()
    screenshots.take(page, "checkout with mobile money")
    page.get_by_role("button", name="Passer ma commande").click()

    page.wait_for_url(re.compile(r"/fake-wave/cos-"))
    screenshots.take(page, "wave page")
    page.get_by_role("button", name="Payer avec Wave").click()

    page.wait_for_url("**/fr/orders/**")
    screenshots.take(page, "paid order")
    reference = page.get_by_role("heading", level=1).inner_text().removeprefix("Commande ")
    order = Order.objects.get(reference=reference.strip())
    assert (order.status, order.payment_provider, order.phone) == (
        OrderStatus.PAID,
        "wave",
        "+221771234567",
    )
    assert PaymentEvent.objects.get(order=order).result == "handled"
    assert page.get_by_role("status").inner_text().startswith("Merci, votre paiement est confirmé.")
