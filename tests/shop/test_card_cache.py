"""Cached product cards never show a stale price, stock, maker or address (see `shop.cards`)."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomeFeaturedProduct
from shop.cards import forget_cards
from shop.models import ProductIndexPage, ProductPage, ShopSettings
from shop.stock import adjust_stock
from stories.consent import save_record
from stories.models import ArtisanRecord, StoryPage
from tests.stories.conftest import keep_portrait_files  # noqa: F401 (a fixture)

from .conftest import set_stock

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    return StoryPage.objects.get(slug="une-journee-a-l-atelier-du-baobab")


@pytest.fixture
def product(story, home):
    """A product shown on the home page, its artisan's page, a story and the catalogue."""
    chosen = next(
        block.value["product"] for block in story.body if block.block_type == "product_card"
    )
    product = ProductPage.objects.get(pk=chosen.pk)
    HomeFeaturedProduct.objects.create(page=home, product=product)
    return set_stock(product, 1)


def surfaces(product, story, home):
    """{name: url} of the pages that show the product's card."""
    catalogue = ProductIndexPage.objects.get(locale__language_code="fr")
    return {
        "home": home.url,
        "artisan": product.artisan.url,
        "story": story.url,
        "catalogue": f"{catalogue.url}?artisan={product.artisan_id}",
    }


def card(client, url, product):
    """The product's card on the page at `url`, or None."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = BeautifulSoup(response.content, "html.parser")
    for article in html.select(".product-card"):
        if article.select_one(".card__title a")["href"].startswith(product.url):
            return article
    return None


def test_a_sold_piece_shows_sold_everywhere_at_once(client, product, story, home):
    urls = surfaces(product, story, home)
    for url in urls.values():
        assert card(client, url, product).select_one("form.add-to-cart") is not None, url
    adjust_stock(product, 0, expected=1)
    for name, url in urls.items():
        sold = card(client, url, product)
        assert sold.select_one(".badge--sold") is not None, name
        assert sold.select_one("form.add-to-cart") is None, name


def test_a_new_markup_rate_shows_new_prices(client, product, story, home, site):
    urls = surfaces(product, story, home)
    shop_settings = ShopSettings.for_site(site)
    old_price = shop_settings.format(shop_settings.breakdown(product.artisan_price).unit_price)
    for url in urls.values():
        assert card(client, url, product).select_one(".price__amount").text == old_price
    shop_settings.markup_rate = 25
    shop_settings.save()
    new_price = shop_settings.format(shop_settings.breakdown(product.artisan_price).unit_price)
    assert new_price != old_price
    for name, url in urls.items():
        assert card(client, url, product).select_one(".price__amount").text == new_price, name


@pytest.mark.usefixtures("keep_portrait_files")  # the withdrawal moves the portrait for real
def test_a_withdrawn_consent_takes_the_name_off_every_card(
    client, product, story, home, django_capture_on_commit_callbacks
):
    # Their stories are unpublished first: the withdrawal alone must refresh the cards.
    for featuring in product.artisan.stories.live():
        featuring.unpublish()
    urls = surfaces(product, story, home)
    del urls["story"]
    name = product.artisan.title
    for url in urls.values():
        assert name in card(client, url, product).select_one(".card__meta").text
    record = ArtisanRecord.objects.get(artisan__translation_key=product.artisan.translation_key)
    record.consent_withdrawn_on = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        save_record(record, user=None)
    product.artisan.refresh_from_db()
    assert product.artisan.title != name
    urls["artisan"] = product.artisan.url  # a new address, without the name
    for page, url in urls.items():
        assert name not in card(client, url, product).text, page


def test_an_unpublished_piece_leaves_every_list(client, product, story, home):
    urls = surfaces(product, story, home)
    for url in urls.values():
        assert card(client, url, product) is not None, url
    ProductPage.objects.get(pk=product.pk).unpublish()
    for name, url in urls.items():
        assert card(client, url, product) is None, name


def test_a_new_catalogue_address_reaches_every_card(client, product, story, home):
    urls = surfaces(product, story, home)
    for url in urls.values():
        card(client, url, product)
    catalogue = ProductIndexPage.objects.get(locale__language_code="fr")
    catalogue.slug = "boutique-solidaire"
    catalogue.save_revision().publish()
    product.refresh_from_db()
    assert "/boutique-solidaire/" in product.url
    urls["catalogue"] = f"{product.get_parent().url}?artisan={product.artisan_id}"
    for name, url in urls.items():
        assert card(client, url, product) is not None, name


def test_a_second_visit_reads_the_cards_from_the_cache(client, product, home):
    client.get(home.url)  # draws the pictures
    forget_cards()
    with CaptureQueriesContext(connection) as first:
        client.get(home.url)
    with CaptureQueriesContext(connection) as second:
        client.get(home.url)
    assert len(second) < len(first)
