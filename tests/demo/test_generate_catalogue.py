"""`generate_catalogue` grows the demo to the catalogue size asked for, with pages that work."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from shop.models import ProductPage
from stories.models import ArtisanPage, StoryPage

pytestmark = pytest.mark.django_db


def french_products():
    return ProductPage.objects.filter(locale__language_code="fr")


def generate(count):
    call_command("generate_catalogue", products=count, stdout=io.StringIO())


def test_brings_the_catalogue_to_the_size_asked_and_no_further():
    wanted = french_products().count() + 40
    generate(wanted)
    assert french_products().live().count() == wanted
    generate(wanted)
    assert french_products().count() == wanted


def test_the_page_tree_stays_sound():
    generate(french_products().count() + 40)
    # find_problems: bad paths, wrong depths, children counts, orphans.
    assert all(not problems for problems in Page.find_problems())


def test_generated_pages_render_and_stories_sell_the_generated_products(client):
    generate(french_products().count() + 40)
    story = StoryPage.objects.live().filter(slug__startswith="gen-").first()
    artisan = story.artisans.get()
    product = artisan.products.first()

    story_page = client.get(story.url)
    assert story_page.status_code == 200
    assert product.url in story_page.content.decode()
    assert client.get(artisan.url).status_code == 200
    product_page = client.get(product.url)
    assert product_page.status_code == 200
    assert product.title in product_page.content.decode()
    catalogue = client.get(product.get_parent().url)
    assert catalogue.status_code == 200
    assert ArtisanPage.objects.live().filter(slug__startswith="gen-").count() >= 40 // 6
