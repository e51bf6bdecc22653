"""Two languages: French first, English second, and a switcher that keeps the reader's page."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from home.models import HomePage
from shop.models import ProductIndexPage, ProductPage
from stories.models import StoryPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def switcher(page):
    link = page.select_one(".language-switcher a")
    return link["href"], link["hreflang"], link["lang"], link.get_text(strip=True)


def english_of(page):
    return page.get_translation_or_none(Locale.objects.get(language_code="en"))


def test_a_translated_story_switches_to_its_english_address(client):
    story = next(
        s for s in StoryPage.objects.live().filter(locale__language_code="fr") if english_of(s)
    )
    html = soup(client.get(story.url))
    assert switcher(html) == (english_of(story).url, "en", "en", "English")
    back = soup(client.get(english_of(story).url))
    assert switcher(back) == (story.url, "fr", "fr", "Français")
    assert back.html["lang"] == "en" and html.html["lang"] == "fr"


def test_an_untranslated_story_switches_to_the_english_home_page(client):
    story = next(
        s for s in StoryPage.objects.live().filter(locale__language_code="fr") if not english_of(s)
    )
    english_home = HomePage.objects.get(locale__language_code="en")
    assert switcher(soup(client.get(story.url)))[0] == english_home.url == "/en/"


def test_translated_pages_list_their_language_versions_for_search_engines(client):
    story = next(
        s for s in StoryPage.objects.live().filter(locale__language_code="fr") if english_of(s)
    )
    links = {
        link["hreflang"]: link["href"]
        for link in soup(client.get(story.url)).select("head link[rel=alternate][hreflang]")
    }
    assert links == {
        "fr": story.get_full_url(),
        "en": english_of(story).get_full_url(),
    }
    untranslated = next(
        s for s in StoryPage.objects.live().filter(locale__language_code="fr") if not english_of(s)
    )
    assert not soup(client.get(untranslated.url)).select("link[hreflang]")


def test_views_that_are_not_pages_switch_with_their_query(client):
    html = soup(client.get("/fr/search/", {"q": "bois"}))
    assert switcher(html)[0] == "/en/search/?q=bois"
    assert switcher(soup(client.get("/en/cart/")))[0] == "/fr/cart/"


def test_interface_strings_dates_and_money_follow_the_language(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr", stock__gt=0)
    product = next(p for p in product if english_of(p) and p.artisan_price >= 10_000)
    french, english = soup(client.get(product.url)), soup(client.get(english_of(product).url))
    assert french.select_one(".skip-link").get_text(strip=True) == "Aller au contenu"
    assert english.select_one(".skip-link").get_text(strip=True) == "Skip to content"
    french_price = french.select_one(".price__amount").get_text(strip=True)
    english_price = english.select_one(".price__amount").get_text(strip=True)
    assert "," in english_price and "," not in french_price
    assert re.sub(r"\D", "", french_price) == re.sub(r"\D", "", english_price)
    story = next(
        s for s in StoryPage.objects.live().filter(locale__language_code="fr") if english_of(s)
    )
    french_date = soup(client.get(story.url)).select_one("time").get_text(strip=True)
    english_date = soup(client.get(english_of(story).url)).select_one("time").get_text(strip=True)
    assert story.date.year == int(french_date[-4:]) == int(english_date[-4:])
    assert french_date != english_date


def test_the_demo_has_english_home_stories_and_the_whole_shop():
    english = Locale.objects.get(language_code="en")
    assert HomePage.objects.get(locale=english).live
    assert StoryPage.objects.live().filter(locale=english).count() >= 3
    assert ProductIndexPage.objects.get(locale=english).title == "Shop"
    french_products = ProductPage.objects.filter(locale__language_code="fr")
    for product in french_products:
        translation = english_of(product)
        assert translation is not None and translation.live, product.title
        assert translation.title != product.title or product.title in {"Diamono"}
        alts = [image.alt_text for image in translation.gallery_images.all()]
        assert alts and all(
            alt not in {i.alt_text for i in product.gallery_images.all()} for alt in alts
        )
    for page in Page.objects.live().filter(locale=english, depth=3):
        assert page.title and page.url.startswith("/en/")


def test_the_sitemap_lists_the_pages_of_both_languages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    english = ProductPage.objects.live().filter(locale__language_code="en").first()
    french = ProductPage.objects.live().filter(locale__language_code="fr").first()
    assert english.get_full_url() in sitemap and french.get_full_url() in sitemap
