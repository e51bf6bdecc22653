"""The story index, a story and an artisan page cost the same queries with ten times the content."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from demo.catalogue import add_children_in_bulk, index_in_bulk
from shop.models import ProductImage, ProductIndexPage, ProductPage
from stories.models import StoryIndexPage, StoryPage
from stories.models.stories import StoryTag

from .conftest import artisan_of, text_body

pytestmark = pytest.mark.django_db

GROWTH = 10
THEMES = ["atelier", *(f"theme-{number}" for number in range(5))]


def queries_for(client, url):
    """Queries of a second visit: the first one makes the image renditions once and for all."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def grow_the_demo(artisan):
    """Nine more stories and products for every one the demo has, featuring this artisan.

    Inserted as `generate_catalogue` inserts its pages (`demo.catalogue`), with the themes,
    makers and pictures the pages under test list.
    """
    story_index = StoryIndexPage.objects.get(locale__language_code="fr")
    product_index = ProductIndexPage.objects.get(locale__language_code="fr")
    stories = StoryPage.objects.live()
    products = ProductPage.objects.live()
    hero = stories.exclude(hero_image=None).first().hero_image
    picture = products.first().gallery_images.first().image
    category = products.first().category
    body = text_body()
    new_stories = add_children_in_bulk(
        story_index,
        [
            StoryPage(
                title=f"Histoire {number}",
                slug=f"histoire-{number}",
                standfirst="Encore une histoire d'atelier.",
                date=date(2024, 1, 1) + timedelta(days=number),
                hero_image=hero,
                body=body,
            )
            for number in range(stories.count() * (GROWTH - 1))
        ],
    )
    StoryPage.artisans.through.objects.bulk_create(
        StoryPage.artisans.through(storypage_id=story.pk, artisanpage_id=artisan.pk)
        for story in new_stories
    )
    themes = {name: Tag.objects.get_or_create(name=name)[0] for name in THEMES}
    StoryTag.objects.bulk_create(
        StoryTag(content_object_id=story.pk, tag=themes[name])
        for number, story in enumerate(new_stories)
        for name in ("atelier", f"theme-{number % 5}")
    )
    new_products = add_children_in_bulk(
        product_index,
        [
            ProductPage(
                title=f"Pièce {number}",
                slug=f"piece-{number}",
                artisan=artisan,
                category=category,
                description="<p>Une pièce.</p>",
                artisan_price=10_000 + number,
                stock=number % 3,
            )
            for number in range(products.count() * (GROWTH - 1))
        ],
    )
    ProductImage.objects.bulk_create(
        ProductImage(product_id=product.pk, image=picture, alt_text="Une pièce")
        for product in new_products
    )
    index_in_bulk(StoryPage, [story.pk for story in new_stories])
    index_in_bulk(ProductPage, [product.pk for product in new_products])


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
