"""Stories as readers and shoppers see them: live product cards, filters, feeds, provenance."""

import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from shop import pricing
from shop.models import ProductPage, ShopSettings
from stories.models import STORIES_PER_PAGE, StoryIndexPage, StoryPage

from .conftest import artisan_of, make_story, story_form_data

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def published(story):
    story.get_latest_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def card_blocks(product):
    return [
        {"type": "text", "value": "<p>Une pièce de l'atelier.</p>"},
        {"type": "product_card", "value": {"product": product.pk, "text": "À emporter."}},
        {"type": "product_row", "value": {"heading": "", "products": [product.pk]}},
    ]


def price_of(artisan_price):
    """The shopper's price as `shop.pricing` says it, in the demo's currency and markup."""
    settings = ShopSettings.objects.get()
    return pricing.format_money(settings.breakdown(artisan_price).unit_price, settings.currency)


@pytest.fixture
def product():
    return (
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .filter(stock__gte=2, one_of_a_kind=False)
        .first()
    )


def test_the_product_card_block_shows_the_live_price_and_sold_state(client, product):
    story = published(make_story([product.artisan], body=card_blocks(product)))
    card = soup(client.get(story.url)).select_one(".block-product-card")
    assert product.title in card.get_text()
    assert card.select_one("form.add-to-cart") is not None
    assert card.select_one(".price__amount").get_text(strip=True) == price_of(product.artisan_price)

    # The product changes after the story was published: the story follows.
    ProductPage.objects.filter(pk=product.pk).update(artisan_price=60_000, stock=0)
    html = soup(client.get(story.url))
    card = html.select_one(".block-product-card")
    assert card.select_one(".price__amount").get_text(strip=True) == price_of(60_000)
    assert "Vendu" in card.get_text()
    assert card.select_one("form.add-to-cart") is None
    assert "Vendu" in html.select_one(".block-product-row").get_text()


def test_an_unpublished_product_disappears_from_the_story(client, product):
    story = published(make_story([product.artisan], body=card_blocks(product)))
    ProductPage.objects.filter(pk=product.pk).update(live=False)
    html = soup(client.get(story.url))
    assert product.title not in html.select_one(".article__body").get_text()


def test_the_preview_shows_product_cards(admin_client, product):
    story = make_story([product.artisan])
    card = ("product_card", {"product": product.pk, "text": "Aperçu de la carte."})
    data = story_form_data(story, [product.artisan], [card])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    assert admin_client.post(url, data).json()["is_valid"]
    preview = admin_client.get(url)
    assert preview.status_code == 200
    card = soup(preview).select_one(".block-product-card")
    assert product.title in card.get_text()
    assert "Aperçu de la carte." in card.get_text()


def test_the_index_lists_newest_first_and_filters_by_theme_workshop_and_artisan(client):
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    titles = [h.get_text(strip=True) for h in soup(client.get(index.url)).select(".card__title")]
    live = StoryPage.objects.live().filter(locale__language_code="fr").order_by("-date")
    assert titles == [story.title for story in live[:STORIES_PER_PAGE]]

    family = soup(client.get(index.url, {"theme": "famille"})).select(".card__title")
    assert {h.get_text(strip=True) for h in family} == {
        story.title for story in live.filter(tags__slug="famille")
    }
    fatou = artisan_of("Fatou Diatta")
    by_workshop = soup(client.get(index.url, {"workshop": fatou.workshop_id}))
    assert "Premier marché après la sortie" in by_workshop.get_text()
    assert "Une journée à l'atelier du Baobab" not in by_workshop.get_text()
    by_artisan = soup(client.get(index.url, {"artisan": fatou.pk}))
    assert [h.get_text(strip=True) for h in by_artisan.select(".card__title")] == [
        "Premier marché après la sortie"
    ]
    assert "Fatou Diatta" in by_artisan.select_one(".filters__note").get_text()


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "n'existe-pas"},
        {"theme": "famille\x00"},  # PostgreSQL refuses a NUL in any text it compares
        {"workshop": "abc"},
        {"artisan": "99999999"},
        {"page": "x"},
    ],
)
def test_bad_filters_never_fail(client, query):
    response = client.get(StoryIndexPage.objects.get(locale__language_code="fr").url, query)
    assert response.status_code == 200


def test_pagination_keeps_the_filters(client):
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    for number in range(STORIES_PER_PAGE + 1):
        story = make_story([], title=f"Portes ouvertes {number}")
        story.tags.add("portes-ouvertes")
        story.save_revision().publish()
    html = soup(client.get(index.url, {"theme": "portes-ouvertes"}))
    assert len(html.select(".story-card")) == STORIES_PER_PAGE
    next_link = html.select_one(".pagination a[rel=next]")["href"]
    assert "theme=portes-ouvertes" in next_link and "page=2" in next_link
    page_two = soup(client.get(index.url + next_link))
    assert len(page_two.select(".story-card")) == 1


def parse_feed(response):
    return ET.fromstring(response.content)  # noqa: S314 - our own feed, not untrusted input


def test_rss_and_atom_feeds_list_published_stories_with_absolute_links(client):
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    newest = StoryPage.objects.live().filter(locale__language_code="fr").order_by("-date").first()
    rss = client.get(index.url + "rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    channel = parse_feed(rss).find("channel")
    items = channel.findall("item")
    assert items[0].findtext("title") == newest.title
    assert items[0].findtext("link").startswith("http")
    assert len(items) == StoryPage.objects.live().filter(locale__language_code="fr").count()
    atom = client.get(index.url + "atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    entries = parse_feed(atom).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == len(items)
    family = parse_feed(client.get(index.url + "rss/", {"theme": "famille"}))
    assert len(family.find("channel").findall("item")) == (
        StoryPage.objects.live()
        .filter(locale__language_code="fr")
        .filter(tags__slug="famille")
        .count()
    )
    head = soup(client.get(index.url)).select_one('link[type="application/rss+xml"]')
    assert head["href"].endswith("/rss/")


def test_a_product_page_shows_the_stories_behind_it(client):
    tabouret = ProductPage.objects.get(locale__language_code="fr", slug="tabouret-trois-pieds-vene")
    html = soup(client.get(tabouret.url))
    behind = {h.get_text(strip=True) for h in html.select(".story-behind .card__title")}
    # Both stories feature Ibrahima Sarr, who made it; no editor linked them twice.
    assert behind == {story.title for story in tabouret.artisan.stories.live()}


def test_a_story_showing_a_product_is_behind_it_even_about_someone_else(client):
    khady_bag = ProductPage.objects.get(
        locale__language_code="fr", slug="sac-bandouliere-pagne-tisse"
    )
    story = published(
        make_story(
            [artisan_of("Ibrahima Sarr")], title="Le marché du samedi", body=card_blocks(khady_bag)
        )
    )
    titles = [
        h.get_text(strip=True)
        for h in soup(client.get(khady_bag.url)).select(".story-behind .card__title")
    ]
    assert story.title in titles
    story.unpublish()
    titles = [
        h.get_text(strip=True)
        for h in soup(client.get(khady_bag.url)).select(".story-behind .card__title")
    ]
    assert story.title not in titles


def test_an_artisan_page_lists_products_available_first_and_their_stories(client):
    artisan = artisan_of("Ibrahima Sarr")
    html = soup(client.get(artisan.url))
    cards = html.select(".product-card")
    sold = ["product-card--sold" in card["class"] for card in cards]
    assert sold == sorted(sold)  # available ones first, then sold ones
    assert len(cards) == artisan.products.live().count()
    story_titles = {h.get_text(strip=True) for h in html.select(".story-card .card__title")}
    assert story_titles == {story.title for story in artisan.stories.live()}


def test_a_story_page_has_related_stories_and_meets_its_artisans(client):
    story = StoryPage.objects.get(slug="une-journee-a-l-atelier-du-baobab")
    html = soup(client.get(story.url))
    artisans = {a.get_text(strip=True) for a in html.select(".artisan-card .card__title")}
    assert artisans == {"Ibrahima Sarr", "Diamono"}
    related = html.select("#related-heading ~ .grid .card__title")
    assert related and story.title not in {h.get_text(strip=True) for h in related}


def test_a_story_carries_article_json_ld_open_graph_and_a_canonical_url(client):
    story = StoryPage.objects.get(slug="une-journee-a-l-atelier-du-baobab")
    html = soup(client.get(story.url))
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Article"
    assert data["headline"] == story.title
    assert data["datePublished"] == story.date.isoformat()
    assert data["image"][0].startswith("http")
    assert "author" in data and "Person" not in json.dumps(data)
    canonical = html.select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(story.url)
    assert html.select_one('meta[property="og:type"]')["content"] == "article"
    assert html.select_one('meta[property="og:image"]')["content"].endswith(".jpg")
    assert html.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_a_product_carries_product_json_ld_with_its_live_price(client):
    product = ProductPage.objects.get(locale__language_code="fr", slug="panier-raphia-anses")
    data = json.loads(
        soup(client.get(product.url)).select_one('script[type="application/ld+json"]').string
    )
    assert data["@type"] == "Product"
    assert data["offers"]["price"] == "16500"
    assert data["offers"]["priceCurrency"] == "XOF"
    assert data["offers"]["availability"].endswith("InStock")


def test_the_sitemap_lists_stories_artisans_and_products_but_no_draft(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for model_slug in ("une-journee-a-l-atelier-du-baobab", "diamono", "panier-raphia-anses"):
        assert f"/{model_slug}/" in sitemap
    assert "a-saint-louis-le-bois-et-le-fleuve" not in sitemap  # unpublished: consent withdrawn
