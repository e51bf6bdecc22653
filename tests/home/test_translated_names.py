"""Product categories and story themes read in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale

from shop.models import ProductCategory, ProductIndexPage, ProductPage
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def options(html, name):
    return [
        o.get_text(strip=True) for o in html.select(f'select[name="{name}"] option') if o["value"]
    ]


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def test_the_english_catalogue_names_categories_in_english(client):
    catalogue = ProductIndexPage.objects.get(locale__language_code="fr")
    french = options(soup(client.get(catalogue.url)), "category")
    assert "Mobilier" in french and "Furniture" not in french
    assert sorted(options(soup(client.get(english(catalogue).url)), "category")) == sorted(
        ProductCategory.objects.values_list("name_en", flat=True)
    )


def test_a_product_page_shows_its_category_in_the_readers_language(client):
    product = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", category__slug="mobilier")
        .first()
    )
    translation = product.get_translations().live().get()
    assert "Mobilier" in soup(client.get(product.url)).select_one("main").get_text()
    text = soup(client.get(translation.url)).select_one("main").get_text()
    assert "Furniture" in text and "Mobilier" not in text


def test_a_category_without_an_english_name_shows_its_first_name():
    category = ProductCategory(name="Bijoux", slug="bijoux")
    with translation.override("en"):
        assert category.display_name == "Bijoux"
        category.name_en = "Jewellery"
        assert category.display_name == "Jewellery"


def test_the_english_story_index_lists_english_themes(client):
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    french = options(soup(client.get(index.url)), "theme")
    assert "famille" in french and "family" not in french
    english_themes = options(soup(client.get(english(index).url)), "theme")
    assert english_themes and "family" in english_themes
    assert not set(english_themes) & set(french)
    story = StoryPage.objects.live().filter(locale__language_code="en", tags__slug="family").first()
    assert story is not None
    themes = [link.get_text() for link in soup(client.get(story.url)).select('a[href*="?theme="]')]
    assert "family" in themes and "famille" not in themes
