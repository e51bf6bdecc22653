"""The story index, a story and an artisan page cost the same queries with ten times the content."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shop.models import ProductImage, ProductIndexPage, ProductPage
from stories.models import StoryIndexPage, StoryPage

from .conftest import artisan_of, text_body

pytestmark = pytest.mark.django_db

GROWTH = 10


def queries_for(client, url):
    """Queries of a second visit: the first one makes the image renditions once and for all."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow_the_demo(artisan):
    """Nine more stories and products for every one the demo has, featuring this artisan."""
    story_index = StoryIndexPage.objects.get(locale__language_code="fr")
    product_index = ProductIndexPage.objects.get(locale__language_code="fr")
    stories = StoryPage.objects.live()
    products = ProductPage.objects.live()
    hero = stories.exclude(hero_image=None).first().hero_image
    picture = products.first().gallery_images.first().image
    category = products.first().category
    body = text_body()
    for number in range(stories.count() * (GROWTH - 1)):
        story = StoryPage(
            title=f"Histoire {number}",
            standfirst="Encore une histoire d'atelier.",
            date=date(2024, 1, 1) + timedelta(days=number),
            hero_image=hero,
            body=body,
        )
        story.artisans = [artisan]
        story_index.add_child(instance=story)
        story.tags.add("atelier", f"theme-{number % 5}")
        story.save()
    for number in range(products.count() * (GROWTH - 1)):
        product = ProductPage(
            title=f"Pièce {number}",
            artisan=artisan,
            category=category,
            description="<p>Une pièce.</p>",
            artisan_price=10_000 + number,
            stock=number % 3,
        )
        product.gallery_images.add(ProductImage(image=picture, alt_text="Une pièce"))
        product_index.add_child(instance=product)


def test_pages_stay_at_a_constant_number_of_queries(client, django_assert_max_num_queries):
    artisan = artisan_of("Ibrahima Sarr")
    story = StoryPage.objects.get(slug="une-journee-a-l-atelier-du-baobab")
    urls = {
        "story index": StoryIndexPage.objects.get(locale__language_code="fr").url,
        "story": story.url,
        "artisan": artisan.url,
    }
    before = {name: queries_for(client, url) for name, url in urls.items()}

    grow_the_demo(artisan)
    assert StoryPage.objects.live().count() >= GROWTH * 11
    assert artisan.products.live().count() >= GROWTH * 4

    for name, url in urls.items():
        client.get(url)  # renditions for the new content
        with django_assert_max_num_queries(before[name]):
            response = client.get(url)
        assert response.status_code == 200, name
