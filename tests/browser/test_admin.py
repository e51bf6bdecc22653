"""Staff at work in the Wagtail admin, in a real browser: an editor publishes a story, a shop
manager moves a cash order along."""

import re

import pytest
from django.contrib.auth import get_user_model

from shop.models import Order, OrderStatus
from stories.consent import consent_problems
from stories.models import ArtisanPage, StoryIndexPage, StoryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
PASSWORD = "browser-test-password"


def log_in(page, username, screenshots):
    """Log a demo staff user into the admin with a password set for the test."""
    user = get_user_model().objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    screenshots.take(page, f"log in as {username}")
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/admin/")


def artisan_who_consented_with_a_product_in_stock():
    for artisan in ArtisanPage.objects.live().filter(locale__language_code="fr").order_by("pk"):
        product = artisan.products.live().filter(stock__gt=0).order_by("pk").first()
        if product is not None and not consent_problems([artisan]):
            return artisan, product
    raise AssertionError("the demo has no artisan with consent and a product for sale")


def test_editor_creates_previews_and_publishes_a_story_with_a_product_card(
    open_page, screenshots
):
    artisan, product = artisan_who_consented_with_a_product_in_stock()
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    page = open_page()
    log_in(page, "communication", screenshots)

    page.goto(f"/admin/pages/add/stories/storypage/{index.pk}/")
    page.fill("#id_title", "Une pièce de l'atelier, pas à pas")
    page.fill("#id_standfirst", "Comment une pièce naît à l'atelier, du bois brut au vernis.")
    page.check(f'input[name="artisans"][value="{artisan.pk}"]')
    page.get_by_title("Insérer un bloc").click()
    page.get_by_role("option", name="Fiche produit").click()
    page.get_by_role("button", name="Choisissez une page (Produit)").click()
    chooser = page.locator(".modal-content")
    chooser.get_by_placeholder("Rechercher").fill(product.title)
    chooser.get_by_role("link", name=product.title, exact=True).click()
    chooser.wait_for(state="hidden")
    screenshots.take(page, "story with a product card")

    page.get_by_role("button", name="Afficher/masquer la prévisualisation").click()
    # Wagtail loads the preview in a stand-in frame, then swaps it for the shown one.
    preview = page.frame_locator("iframe.w-preview__iframe:not(.w-preview__proxy)")
    preview_card = preview.locator(".block-product-card")
    assert product.title in preview_card.inner_text()
    screenshots.take(page, "preview")

    page.get_by_role("button", name="Plus d'actions").click()
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    # « créée et publiée », or « a été publiée » when Wagtail's autosave made the draft
    # while the preview loaded (a slow machine, other tests running beside this one).
    assert re.search(r"(créée et publiée|a été publiée)", page.locator(".messages").inner_text())
    screenshots.take(page, "published")

    story = StoryPage.objects.get(title="Une pièce de l'atelier, pas à pas")
    assert story.live and list(story.artisans.all()) == [artisan]
    page.goto(story.url)
    card = page.locator(".block-product-card")
    assert product.title in card.inner_text()
    screenshots.take(page, "public story")


def test_shop_manager_marks_a_cash_order_paid_then_fulfilled(open_page, screenshots):
    order = Order.objects.filter(status=OrderStatus.AWAITING_CASH).order_by("pk").first()
    page = open_page()
    log_in(page, "boutique", screenshots)

    page.goto("/admin/shop/order/")
    page.get_by_role("link", name=order.reference).first.click()
    page.get_by_role("heading", name="Statut : En attente du paiement en espèces").wait_for()
    screenshots.take(page, "order awaiting cash")

    page.get_by_role("button", name="Marquer payée (espèces reçues)").click()
    page.get_by_role("heading", name="Statut : Payée").wait_for()
    assert f"La commande {order.reference} est marquée payée." in page.content()
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    screenshots.take(page, "order paid")

    page.get_by_role("button", name="Marquer remise (envoyée ou retirée)").click()
    page.get_by_role("heading", name="Statut : Remise").wait_for()
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    last_two = list(order.status_changes.order_by("pk"))[-2:]
    assert [(change.to_status, change.changed_by.username) for change in last_two] == [
        (OrderStatus.PAID, "boutique"),
        (OrderStatus.FULFILLED, "boutique"),
    ]
    screenshots.take(page, "order fulfilled")
