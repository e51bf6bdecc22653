"""Who gets a cached page and who does not (`config.pagecache`), in one process.

The rules across processes are in `test_page_cache.py` (two gunicorns sharing Redis).
"""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse

from shop.models import ProductPage
from shop.stock import adjust_stock
from stories.models import StoryPage

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def product(db):
    return ProductPage.objects.live().filter(locale__language_code="fr", stock__gt=2).first()


def state(response):
    return response["X-Page-Cache"]


def read_twice(client, url):
    first = client.get(url)
    return first, client.get(url)


def test_an_anonymous_visitor_gets_the_second_view_from_the_cache(client, product):
    first, second = read_twice(client, product.url)
    assert (state(first), state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert TOKEN.sub("", first.content.decode()) == TOKEN.sub("", second.content.decode())


def test_a_cached_page_carries_each_visitor_s_own_valid_token(client):
    story = StoryPage.objects.live().filter(locale__language_code="fr").first()
    product = ProductPage.objects.live().filter(locale__language_code="fr", stock__gt=2).first()
    client.get(product.url)
    tokens = []
    for visitor in (Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)):
        page = visitor.get(product.url)
        assert state(page) == "hit"
        token = TOKEN.search(page.content.decode()).group(1)
        assert "__page_cache" not in token
        tokens.append(token)
        added = visitor.post(
            reverse("shop:cart_add"),
            {"csrfmiddlewaretoken": token, "product": product.pk, "quantity": 1},
        )
        assert added.status_code == 302
        # From now on the visitor has a cart: their pages are theirs alone.
        assert state(visitor.get(story.url)) == "bypass"
    assert tokens[0] != tokens[1]


def test_a_forged_token_is_still_refused_on_a_cached_page(product):
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(product.url)
    assert state(visitor.get(product.url)) == "hit"
    refused = visitor.post(
        reverse("shop:cart_add"),
        {"csrfmiddlewaretoken": "x" * 64, "product": product.pk, "quantity": 1},
    )
    assert refused.status_code == 403


def test_logged_in_staff_are_never_served_from_the_cache(client, admin_client, product):
    read_twice(client, product.url)
    assert state(admin_client.get(product.url)) == "bypass"


def test_unknown_query_strings_go_to_the_view(client, product):
    read_twice(client, product.url)
    assert state(client.get(product.url + "?utm_source=x")) == "bypass"
    assert state(client.get(product.url + "?utm_source=x")) == "bypass"


def test_each_language_has_its_own_page(client):
    french, english = client.get("/fr/"), client.get("/en/")
    assert client.get("/fr/")["Content-Language"] == "fr"
    assert client.get("/en/")["Content-Language"] == "en"
    assert state(client.get("/en/")) == "hit"
    assert french.content != english.content


def test_a_page_is_fresh_after_its_product_sells_out(client, product):
    read_twice(client, product.url)
    adjust_stock(product, 0, expected=product.stock)
    after = client.get(product.url)
    assert state(after) == "miss"
    # Sold out: no add-to-cart form for the piece any more, the « Prévenez-moi » sign-up instead.
    page = BeautifulSoup(after.content, "html.parser")
    assert page.select_one(".product__buy form.add-to-cart") is None
    assert page.select_one("#alert-product")["value"] == str(product.pk)


def test_pages_with_messages_or_a_session_are_not_cached(client, product):
    read_twice(client, product.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "whatever"
    assert state(client.get(product.url)) == "bypass"
    del client.cookies[settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "whatever"
    assert state(client.get(product.url)) == "bypass"


def test_the_page_cache_can_be_turned_off(client, settings, product):
    settings.PAGE_CACHE_SECONDS = 0  # the `settings` fixture, not django.conf's
    assert state(client.get(product.url)) == "bypass"
    assert state(client.get(product.url)) == "bypass"
