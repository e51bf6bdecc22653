"""Stories that sell: from a story's product link to the order line, and link views."""

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop import attribution
from shop.models import ProductPage, StoryProductView
from stories.models import StoryPage

from .conftest import CUSTOMER, set_stock

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def reader(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def story():
    """A demo story with a product row."""
    return StoryPage.objects.live().get(slug="preparer-la-sortie-pas-a-pas")


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def product_links(client, story):
    return [link["href"] for link in soup(client.get(story.url)).select(".card__title a")]


def views(story, product):
    return sum(
        StoryProductView.objects.filter(story=story, product=product).values_list(
            "views", flat=True
        )
    )


def test_product_cards_in_a_story_link_to_the_product_with_the_story(reader, story):
    links = [link for link in product_links(reader, story) if "/boutique/" in link]
    assert links and all(link.endswith(f"?from={story.pk}") for link in links)
    forms = soup(reader.get(story.url)).select("form.add-to-cart")
    assert forms and all(
        form.select_one("input[name=story]")["value"] == str(story.pk) for form in forms
    )


def test_a_product_card_block_carries_the_story_too(reader):
    story = next(
        story
        for story in StoryPage.objects.live()
        if any(block.block_type == "product_card" for block in story.body)
    )
    cards = soup(reader.get(story.url)).select(".block-product-card .card__title a")
    assert cards and all(card["href"].endswith(f"?from={story.pk}") for card in cards)


def test_cards_elsewhere_carry_no_story(reader, home):
    links = [link["href"] for link in soup(reader.get(home.url)).select(".card__title a")]
    assert links and not any("from=" in link for link in links)


def first_product(client, story):
    """The first product link of the story and its product."""
    link = next(link for link in product_links(client, story) if "/boutique/" in link)
    path = link.split("?")[0]
    return link, next(product for product in ProductPage.objects.live() if product.url == path)


def test_the_whole_chain_from_story_to_order_line(reader, story, new_orders):
    """Story page → product link → product page's form → cart → checkout → order line."""
    link, product = first_product(reader, story)
    set_stock(product, 3)
    form = soup(reader.get(link)).select_one("form.add-to-cart")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    assert data["story"] == str(story.pk)
    assert reader.post(form["action"], data).status_code == 302
    signature = reader.get(reverse("shop:checkout")).context["form"]["cart_signature"].value()
    response = reader.post(
        reverse("shop:checkout"),
        {**CUSTOMER, "payment_method": "cash", "cart_signature": signature},
    )
    assert response.status_code == 302
    line = new_orders.get().lines.get()
    assert line.product == product and line.story == story


def test_a_story_that_does_not_show_the_product_is_ignored(reader, story):
    shown = {link.split("?")[0] for link in product_links(reader, story)}
    product = next(
        product
        for product in ProductPage.objects.live().filter(stock__gt=0)
        if product.url not in shown
    )
    before = views(story, product)
    form = soup(reader.get(product.url, {"from": story.pk})).select_one("form.add-to-cart")
    assert form.select_one("input[name=story]") is None
    assert views(story, product) == before


@pytest.mark.parametrize("value", ["abc", "-3", "0", "987654321", "1" * 40, "1e3", ""])
def test_a_bad_story_id_is_ignored(reader, value):
    product = ProductPage.objects.live().filter(stock__gt=0).first()
    response = reader.get(product.url, {"from": value})
    assert soup(response).select_one("form.add-to-cart input[name=story]") is None


def test_an_unpublished_story_is_ignored(reader, story):
    link, product = first_product(reader, story)
    story.unpublish()
    assert soup(reader.get(link)).select_one("form.add-to-cart input[name=story]") is None


def test_a_view_counts_once_per_session_and_day(reader, story):
    link, product = first_product(reader, story)
    before = views(story, product)
    reader.get(link)
    reader.get(link)
    assert views(story, product) == before + 1
    reader.cookies.clear()  # another visitor
    reader.get(link)
    assert views(story, product) == before + 2


def test_robots_prefetches_and_previews_are_not_counted(client, story):
    link, product = first_product(client, story)
    before = views(story, product)
    for agent in ("Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5", ""):
        client.get(link, HTTP_USER_AGENT=agent)
        client.cookies.clear()
    client.get(link, HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch")
    assert views(story, product) == before


def test_a_database_error_never_breaks_the_product_page(reader, story, monkeypatch):
    def broken(*args):
        raise DatabaseError("disk full")

    monkeypatch.setattr(attribution, "_count_view", broken)
    link, _product = first_product(reader, story)
    form = soup(reader.get(link)).select_one("form.add-to-cart")
    assert form.select_one("input[name=story]")["value"] == str(story.pk)


def test_a_product_page_from_a_story_costs_a_few_queries_more(reader, story):
    link, _product = first_product(reader, story)
    reader.get(link.split("?")[0])
    with CaptureQueriesContext(connection) as plain:
        reader.get(link.split("?")[0])
    reader.cookies.clear()
    reader.get(link)
    reader.cookies.clear()
    with CaptureQueriesContext(connection) as from_story:
        reader.get(link)
    # The story, the reference check, the counter (update, insert) and saving the session.
    assert len(from_story.captured_queries) <= len(plain.captured_queries) + 8
