"""The catalogue: filters, sort orders and pagination with plain links, in constant queries."""

import random
from decimal import Decimal
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from shop import pricing
from shop.models import ProductCategory, ProductImage, ProductIndexPage, ProductPage
from shop.models.catalogue import PRODUCTS_PER_PAGE
from shop.models.products import LARGEST_INTEGER

from .conftest import change_settings

pytestmark = pytest.mark.django_db

RATES = ["10", "0", "100", "12.5", "0.01", "33.33", "99.99"]


@pytest.fixture
def catalogue():
    return ProductIndexPage.objects.get(locale__language_code="fr")


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def listed(client, url):
    """Titles of every product the catalogue lists at `url`, following the « next » links."""
    titles = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = soup(response)
        titles += [
            title.get_text(strip=True) for title in html.select(".product-card .card__title")
        ]
        following = html.select_one(".pagination a[rel=next]")
        url = urlsplit(url).path + following["href"] if following else None
    return titles


def unit_price(product, rate=Decimal("10")):
    return pricing.unit_price(product.artisan_price, rate)


def live_products():
    return list(
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .select_related("artisan__workshop", "category")
    )


# Filters ---------------------------------------------------------------------


def test_unfiltered_catalogue_lists_every_live_product_sold_ones_included(client, catalogue):
    titles = listed(client, catalogue.url)
    assert sorted(titles) == sorted(product.title for product in live_products())
    assert any(product.is_sold for product in live_products())


def filter_cases():
    """(query, predicate) pairs covering each filter and some combinations."""
    products = live_products()
    cases = []
    for slug in {product.category.slug for product in products}:
        cases.append(({"category": slug}, lambda p, slug=slug: p.category.slug == slug))
    for workshop_id in {product.artisan.workshop_id for product in products}:
        cases.append(
            ({"workshop": workshop_id}, lambda p, w=workshop_id: p.artisan.workshop_id == w)
        )
    for artisan_id in {product.artisan_id for product in products}:
        cases.append(({"artisan": artisan_id}, lambda p, a=artisan_id: p.artisan_id == a))
    cases += [
        ({"available": "1"}, lambda p: p.stock > 0),
        ({"price_min": "50000"}, lambda p: unit_price(p) >= 50_000),
        ({"price_max": "50 000"}, lambda p: unit_price(p) <= 50_000),
        (
            {"price_min": "20000", "price_max": "100000", "available": "1"},
            lambda p: 20_000 <= unit_price(p) <= 100_000 and p.stock > 0,
        ),
        (
            {"category": "mobilier", "price_max": "80000", "available": "on"},
            lambda p: p.category.slug == "mobilier" and unit_price(p) <= 80_000 and p.stock > 0,
        ),
    ]
    return cases


def test_each_filter_returns_exactly_the_matching_products(client, catalogue):
    products = live_products()
    for query, matches in filter_cases():
        expected = sorted(product.title for product in products if matches(product))
        url = f"{catalogue.url}?{urlencode(query)}"
        assert sorted(listed(client, url)) == expected, query


def test_price_range_uses_the_price_the_shopper_pays_not_the_artisans(client, catalogue):
    product = (
        ProductPage.objects.live().filter(locale__language_code="fr").get(artisan_price=12_345)
    )  # pays 13 580 at 10 %
    shopper_price = unit_price(product)
    assert shopper_price == 13_580

    def titles(low, high):
        return listed(client, f"{catalogue.url}?price_min={low}&price_max={high}")

    assert product.title in titles(shopper_price, shopper_price)
    assert product.title not in titles(product.artisan_price, shopper_price - 1)
    assert product.title not in titles(shopper_price + 1, shopper_price + 100)


def test_prices_are_typed_in_euros_and_cents_on_a_euro_site(client, catalogue, site):
    change_settings(site, currency="EUR")
    product = (
        ProductPage.objects.live().filter(locale__language_code="fr").get(artisan_price=12_345)
    )  # 135,80 € at 10 %
    html = soup(client.get(f"{catalogue.url}?price_min=135,80&price_max=135.80"))
    assert [t.get_text(strip=True) for t in html.select(".card__title")] == [product.title]
    assert html.select_one("label[for=filter-price_min]").get_text(strip=True) == "Prix minimum (€)"
    canonical = html.select_one("link[rel=canonical]")["href"]
    assert dict(parse_qsl(urlsplit(canonical).query)) == {
        "price_min": "135.80",
        "price_max": "135.80",
    }


# Sort orders -----------------------------------------------------------------


def card_prices(client, url):
    """(sold, shopper price) of each listed card, in order."""
    by_title = {product.title: product for product in live_products()}
    return [(by_title[title].is_sold, unit_price(by_title[title])) for title in listed(client, url)]


def test_price_sort_orders_available_pieces_then_sold_ones(client, catalogue):
    ascending = card_prices(client, f"{catalogue.url}?sort=price_asc")
    descending = card_prices(client, f"{catalogue.url}?sort=price_desc")
    assert ascending == sorted(ascending)
    assert descending == sorted(descending, key=lambda item: (item[0], -item[1]))
    assert ascending[-1][0] and not ascending[0][0]


def test_newest_first_is_the_default_order(client, catalogue):
    products = sorted(
        live_products(), key=lambda p: (p.is_sold, -p.first_published_at.timestamp(), -p.pk)
    )
    assert listed(client, catalogue.url) == [product.title for product in products]
    assert listed(client, f"{catalogue.url}?sort=newest") == listed(client, catalogue.url)


# The price in SQL agrees with shop.pricing -----------------------------------


@pytest.mark.parametrize("rate", RATES)
def test_database_price_agrees_with_pricing_for_every_demo_product(rate):
    rate = Decimal(rate)
    products = ProductPage.objects.annotate(paid=pricing.unit_price_expression(rate))
    assert products.count() >= 30
    for product in products:
        assert product.paid == pricing.unit_price(product.artisan_price, rate), product.title


def test_database_price_agrees_with_pricing_on_rounding_edges_and_random_prices():
    products = list(ProductPage.objects.order_by("pk"))
    edges = [1, 4, 5, 49, 50, 51, 99, 4_999, 5_000, 5_001, 12_345, 99_995, 10**9, LARGEST_INTEGER]
    draw = random.Random(4)
    batches = [
        edges,
        *([draw.randint(1, 10 ** draw.randint(1, 9)) for _ in products] for _ in "abc"),
    ]
    for prices in batches:
        for product, price in zip(products, prices, strict=False):
            product.artisan_price = price
        ProductPage.objects.bulk_update(products, ["artisan_price"])
        for rate in map(Decimal, RATES):
            rows = ProductPage.objects.filter(pk__in=[p.pk for p in products]).annotate(
                paid=pricing.unit_price_expression(rate)
            )
            for artisan_price, paid in rows.values_list("artisan_price", "paid"):
                assert paid == pricing.unit_price(artisan_price, rate), (artisan_price, rate)


# Bad input never breaks the page ----------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "category=nope", "category=", "category=%3Cscript%3E", "workshop=abc", "workshop=-1",
        "workshop=99999999999999999999999", "artisan=0", "artisan=1e3", "artisan=999999",
        "price_min=abc", "price_min=-5", "price_max=1e9", "price_min=12.5",
        "price_max=99999999999999999999999999", "price_min=" + "9" * 500, "sort=zzz",
        "sort=price", "page=abc", "page=0", "page=-1", "page=99999999999999999999",
        "price_min=50000&price_max=10000", "available=yes", "category=art&category=mobilier",
        "price_min=%00", "price_min=\u0661\u0662",
    ],
)  # fmt: skip
def test_invalid_filters_are_ignored_or_explained_never_a_server_error(client, catalogue, query):
    response = client.get(f"{catalogue.url}?{query}")
    assert response.status_code == 200
    html = soup(response)
    assert html.select(".product-card")
    canonical = html.select_one("link[rel=canonical]")["href"]
    assert "<" not in canonical and "nope" not in canonical and "zzz" not in canonical


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("price_min=abc", "price_min", "Saisissez un montant en FCFA avec des chiffres"),
        ("price_min=-5", "price_min", "Saisissez un montant en FCFA avec des chiffres"),
        ("price_max=12,5", "price_max", "Les prix en FCFA n'ont pas de décimales"),
        ("price_max=" + "9" * 30, "price_max", "Ce montant est trop élevé"),
        ("category=nope", "category", "Cette catégorie n'existe pas"),
        ("workshop=abc", "workshop", "Cet atelier n'existe pas"),
        ("artisan=999999", "artisan", "Cet artisan n'existe pas"),
        ("sort=zzz", "sort", "Ordre inconnu"),
        ("price_min=9000&price_max=10", "price_max", "Le prix maximum est inférieur"),
    ],
)
def test_invalid_values_are_explained_beside_their_field_in_french(
    client, catalogue, query, field, message
):
    html = soup(client.get(f"{catalogue.url}?{query}"))
    assert message in html.select_one("[role=alert]").get_text()
    widget = html.select_one(f"#filter-{field}")
    assert widget["aria-invalid"] == "true"
    assert message in html.select_one(f"#{widget['aria-describedby']}").get_text()


def test_an_invalid_filter_leaves_the_others_working(client, catalogue):
    expected = sorted(p.title for p in live_products() if p.category.slug == "mobilier")
    url = f"{catalogue.url}?category=mobilier&price_min=abc&workshop=-4&sort=zzz"
    assert sorted(listed(client, url)) == expected


# Addresses: plain links, canonical and paginated --------------------------------


def test_filters_are_a_plain_get_form_with_labels(client, catalogue):
    html = soup(client.get(catalogue.url))
    form = html.select_one("form.catalogue-filters")
    assert form["method"] == "get" and form["action"] == catalogue.url
    for field in form.select("select, input:not([type=hidden])"):
        assert html.select_one(f"label[for={field['id']}]"), field
    # No inline script; the only script (search suggestions) is deferred and optional.
    assert not html.select("script:not([type='application/ld+json']):not([src])")
    assert all(script.has_attr("defer") for script in html.select("script[src]"))


def test_canonical_address_keeps_only_valid_values_in_a_fixed_order(client, catalogue):
    artisan = ProductPage.objects.live().filter(locale__language_code="fr").first().artisan
    query = (
        f"utm_source=mail&sort=price_desc&available=on&price_min=0050000&artisan={artisan.pk}"
        "&category=nope&sort=price_desc"
    )
    html = soup(client.get(f"{catalogue.url}?{query}"))
    canonical = html.select_one("link[rel=canonical]")["href"]
    assert canonical == (
        f"http://testserver{catalogue.url}"
        f"?artisan={artisan.pk}&price_min=50000&available=1&sort=price_desc"
    )
    assert soup(client.get(catalogue.url)).select_one("link[rel=canonical]")["href"] == (
        f"http://testserver{catalogue.url}"
    )


def test_pagination_links_keep_the_filters(client, catalogue):
    assert ProductPage.objects.live().filter(locale__language_code="fr").count() > PRODUCTS_PER_PAGE
    html = soup(client.get(f"{catalogue.url}?sort=price_asc&price_min=abc"))
    assert len(html.select(".product-card")) == PRODUCTS_PER_PAGE
    following = html.select_one(".pagination a[rel=next]")["href"]
    assert dict(parse_qsl(following.lstrip("?"))) == {"sort": "price_asc", "page": "2"}
    second = soup(client.get(f"{catalogue.url}{following}"))
    assert second.select_one("link[rel=canonical]")["href"].endswith("?sort=price_asc&page=2")
    previous = second.select_one(".pagination a[rel=prev]")["href"]
    assert dict(parse_qsl(previous.lstrip("?"))) == {"sort": "price_asc", "page": "1"}


def test_choices_offer_only_what_the_catalogue_holds(client, catalogue):
    ProductCategory.objects.create(name="Bijoux", slug="bijoux")
    html = soup(client.get(catalogue.url))
    categories = [option["value"] for option in html.select("#filter-category option")]
    assert "bijoux" not in categories
    assert set(categories) == {"", *(p.category.slug for p in live_products())}
    artisans = {option.get_text(strip=True) for option in html.select("#filter-artisan option")}
    assert {p.artisan.title for p in live_products()} < artisans


def test_an_empty_result_says_so_and_offers_the_whole_catalogue(client, catalogue):
    html = soup(client.get(f"{catalogue.url}?price_min=900000000"))
    assert not html.select(".product-card")
    assert "Aucun produit ne correspond à ces filtres." in html.get_text()
    assert html.select_one("[role=status]").get_text(strip=True) == "0 produit"


# Query counts --------------------------------------------------------------------


def add_products(catalogue, count):
    """`count` more live products, each pictured with one of the demo's product images."""
    template = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .select_related("artisan")
        .first()
    )
    images = [item.image for item in ProductImage.objects.select_related("image").order_by("pk")]
    now = timezone.now()
    for number in range(count):
        product = ProductPage(
            title=f"Pièce de série {number}",
            slug=f"piece-de-serie-{number}",
            artisan=template.artisan,
            category=template.category,
            description="<p>Une pièce.</p>",
            artisan_price=1_000 + number,
            stock=number % 4,
            first_published_at=now,
        )
        product.gallery_images.add(
            ProductImage(image=images[number % len(images)], alt_text="Une pièce", sort_order=0)
        )
        catalogue.add_child(instance=product)


def queries_for(client, url):
    client.get(url)  # the first visit may draw renditions; the count is for every later visit
    cache.clear()  # renditions found in the cache would hide missing prefetches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), len(soup(response).select(".product-card"))


def test_catalogue_renders_in_the_same_number_of_queries_for_30_and_300_products(client, catalogue):
    french = ProductPage.objects.live().filter(locale__language_code="fr")
    for newest in french.order_by("-pk")[: french.count() - 30]:  # the demo has a few more
        newest.unpublish()
    assert french.count() == 30
    # A page listing a sold piece asks once more (« Réservé » or « Vendu »): none is sold here,
    # so that the pages compared differ by the catalogue's size only.
    ProductPage.objects.filter(stock=0).update(stock=1)
    filtered = f"{catalogue.url}?available=1&sort=price_desc&price_min=1"
    first_page_30, cards = queries_for(client, catalogue.url)
    assert cards == PRODUCTS_PER_PAGE
    last_page_30, cards = queries_for(client, f"{catalogue.url}?page=2")
    assert cards == 30 - PRODUCTS_PER_PAGE
    filtered_30, _cards = queries_for(client, filtered)

    add_products(catalogue, 270)
    ProductPage.objects.filter(stock=0).update(stock=1)
    assert ProductPage.objects.live().filter(locale__language_code="fr").count() == 300
    first_page_300, cards = queries_for(client, catalogue.url)
    assert cards == PRODUCTS_PER_PAGE
    last_page_300, cards = queries_for(client, f"{catalogue.url}?page=13")
    assert cards == 300 - 12 * PRODUCTS_PER_PAGE
    filtered_300, _cards = queries_for(client, filtered)

    assert first_page_30 == last_page_30 == first_page_300 == last_page_300
    assert filtered_30 == filtered_300
    # 25, and up to 3 for the language switcher and hreflang links (the page's translations).
    assert first_page_30 <= 28
