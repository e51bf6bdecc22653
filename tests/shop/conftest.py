"""Fixtures for the shop's tests."""

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model

from shop.models import ProductImage
from shop.models.catalogue import CARD_IMAGE_FILTERS


@pytest.fixture(scope="session", autouse=True)
def product_card_renditions(django_db_setup, django_db_blocker):
    """Draw the product cards' pictures once per session, outside the rolled-back transactions.

    Otherwise every test that shows the catalogue would draw two dozen WebP files again.
    """
    # Renditions drawn by earlier tests were rolled back but linger in the cache: forget them
    # so that these are really saved.
    cache.clear()
    with django_db_blocker.unblock():
        images = get_image_model().objects.filter(pk__in=ProductImage.objects.values("image"))
        for image in images:
            image.get_renditions(*CARD_IMAGE_FILTERS)
