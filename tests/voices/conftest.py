"""Buyers' voices fixtures: a fulfilled order of a named artisan's piece, its review link."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from shop import lifecycle
from shop.models import ProductPage, ShopSettings
from tests.sales import place
from voices import moderation
from voices.links import review_url
from voices.models import Review


def new_reviews():
    """Reviews written during the test, apart from the demo's (its buyers are @exemple.sn)."""
    return Review.objects.exclude(order_line__order__email__endswith="@exemple.sn")


def path_of(url):
    return urlsplit(url).path


def product_of(artisan_title):
    """A French demo product of this artisan that no demo buyer reviewed, 5 in stock."""
    product = (
        ProductPage.objects.live()
        .filter(artisan__title=artisan_title, locale__language_code="fr", reviews__isnull=True)
        .order_by("pk")
        .first()
    )
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=5)
    product.stock = 5
    return product


def default_shop_settings():
    return ShopSettings.objects.get(site__is_default_site=True)


def fulfilled_order(products, by, email="acheteuse@example.sn"):
    order = place(
        default_shop_settings(), [(product, 1) for product in products], pickup=True, email=email
    )
    lifecycle.mark_cash_paid(order, by=by, note="Espèces reçues", notify=False)
    lifecycle.mark_fulfilled(order, by=by, notify=False)
    order.refresh_from_db()
    return order


def jpeg_bytes(size=(2400, 1800), colour=(180, 90, 40), exif=None):
    output = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, colour).save(output, format="JPEG", quality=90, **options)
    return output.getvalue()


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def review_data(**changes):
    data = {
        "rating": "5",
        "text": "Le tabouret a trouvé sa place près de la fenêtre, il est superbe.",
        "display_name": "Aminata",
        "alt_1": "",
        "alt_2": "",
        "alt_3": "",
    }
    data.update(changes)
    return data


def pending_review(line, text="Très belle pièce, solide et bien finie.", **changes):
    """A review written through the service, as the buyer's form does."""
    fields = {"rating": 4, "display_name": "Binta", "photos": [], **changes}
    return moderation.submit_review(line, text=text, language="fr", people_agreed=False, **fields)


def approved_review(line, moderator, text="Très belle pièce, solide et bien finie.", **changes):
    """A review written and approved through the services, as buyer and moderator do."""
    return moderation.approve_review(pending_review(line, text, **changes), by=moderator)


@pytest.fixture
def named_product(db):
    return product_of("Ibrahima Sarr")


@pytest.fixture
def order(named_product, shop_manager):
    return fulfilled_order([named_product], shop_manager)


@pytest.fixture
def line(order):
    return order.lines.get()


@pytest.fixture
def link(line):
    return path_of(review_url(line))
