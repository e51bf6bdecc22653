"""Product pages: the price and its breakdown, availability, the gallery and structured data."""

import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from shop import pricing
from shop.models import ProductImage, ProductIndexPage, ProductPage

from .conftest import change_settings

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(text):
    """Text with every run of spaces (no-break ones included) made one plain space."""
    return " ".join(text.split())


def structured_data(html):
    scripts = html.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_every_demo_product_page_shows_the_breakdown_computed_by_pricing(client):
    products = ProductPage.objects.live().filter(locale__language_code="fr")
    assert products.count() >= 30
    for product in products:
        expected = pricing.price_breakdown(product.artisan_price, Decimal("10"))
        html = soup(client.get(product.url))
        price = html.select_one(".price--large .price__amount").get_text()
        assert price.strip() == pricing.format_money(expected.unit_price, "XOF", "fr")
        artisan_share = pricing.format_money(expected.artisan_price, "XOF", "fr")
        shop_share = pricing.format_money(expected.markup_amount, "XOF", "fr")
        assert words(html.select_one(".breakdown").get_text()) == words(
            f"L'artisan reçoit {artisan_share} ; {shop_share} couvrent les frais de la boutique."
        )
        offer = structured_data(html)["offers"]
        assert offer["price"] == str(expected.unit_price)
        assert offer["priceCurrency"] == "XOF"


def test_changing_the_rate_changes_new_prices_on_pages_in_the_catalogue_and_in_the_cart(
    client, site
):
    product = (
        ProductPage.objects.live().filter(locale__language_code="fr").get(artisan_price=12_345)
    )
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 2})
    assert client.get(reverse("shop:cart")).context["cart"].total == 2 * 13_580

    change_settings(site, markup_rate=Decimal("12.5"))
    new_price = pricing.unit_price(12_345, Decimal("12.5"))
    assert new_price == 13_888  # 1 543.125 of markup, rounded half up
    html = soup(client.get(product.url))
    assert (
        html.select_one(".price--large")
        .get_text()
        .startswith(pricing.format_money(new_price, "XOF", "fr"))
    )
    assert client.get(reverse("shop:cart")).context["cart"].total == 2 * new_price
    catalogue = ProductIndexPage.objects.get(locale__language_code="fr")
    listing = soup(client.get(f"{catalogue.url}?price_min={new_price}&price_max={new_price}"))
    assert [title.get_text(strip=True) for title in listing.select(".card__title")] == [
        product.title
    ]


# Availability -------------------------------------------------------------------


def product_with(**fields):
    product = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .filter(one_of_a_kind=False)
        .order_by("pk")
        .first()
    )
    ProductPage.objects.filter(pk=product.pk).update(**fields)
    product.refresh_from_db()
    return product


@pytest.mark.parametrize(
    ("fields", "label", "schema"),
    [
        ({"stock": 1, "one_of_a_kind": True}, "Pièce unique", "InStock"),
        ({"stock": 3}, "Plus que 3", "LimitedAvailability"),
        ({"stock": 1}, "Plus que 1", "LimitedAvailability"),
        ({"stock": 12}, "En stock", "InStock"),
        ({"stock": 0}, "Vendu", "SoldOut"),
        ({"stock": 0, "one_of_a_kind": True}, "Vendu", "SoldOut"),
    ],
)
def test_availability_is_worded_for_shoppers_on_the_page_and_in_data(client, fields, label, schema):
    product = product_with(**fields)
    html = soup(client.get(product.url))
    assert html.select_one(".availability").get_text(strip=True) == label
    availability = structured_data(html)["offers"]["availability"]
    assert availability == f"https://schema.org/{schema}"


def test_cards_show_the_availability_badge_except_for_plenty_in_stock(client):
    low = product_with(stock=2)
    plenty = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .filter(stock__gt=5, one_of_a_kind=False)
        .first()
    )
    catalogue = ProductIndexPage.objects.get(locale__language_code="fr").url
    cards = {
        card.select_one("h3").get_text(strip=True): card
        for url in (catalogue, f"{catalogue}?page=2")  # sold pieces come last
        for card in soup(client.get(url)).select(".card")
    }
    assert cards[low.title].select_one(".badge").get_text(strip=True) == "Plus que 2"
    assert cards[plenty.title].select_one(".badge") is None
    sold = ProductPage.objects.live().filter(locale__language_code="fr").filter(stock=0).first()
    assert cards[sold.title].select_one(".badge--sold").get_text(strip=True) == "Vendu"
    assert cards[sold.title].select_one("form.add-to-cart") is None


@pytest.mark.parametrize(("stock", "limit"), [(3, "3"), (7, "7"), (50, "20")])
def test_quantity_is_limited_to_what_is_available(client, stock, limit):
    product = product_with(stock=stock)
    field = soup(client.get(product.url)).select_one("form.add-to-cart input[name=quantity]")
    assert field["type"] == "number"
    assert field["min"] == "1" and field["max"] == limit
    label = soup(client.get(product.url)).select_one(f"label[for={field['id']}]")
    assert label.get_text(strip=True) == "Quantité"


def test_a_single_piece_is_added_without_asking_a_quantity(client):
    product = product_with(stock=1, one_of_a_kind=True)
    field = soup(client.get(product.url)).select_one("form.add-to-cart input[name=quantity]")
    assert field["type"] == "hidden" and field["value"] == "1"


# Sold pieces ---------------------------------------------------------------------


def test_a_sold_piece_links_to_the_artisans_pieces_still_for_sale(client):
    sold = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .filter(stock=0, artisan__products__stock__gt=0)
        .first()
    )
    html = soup(client.get(sold.url))
    # No way to buy the piece itself (the similar pieces below have their own buttons).
    assert html.select_one(".product__buy form.add-to-cart") is None
    link = html.find("a", string="Voir les pièces de cet artisan encore en vente")
    catalogue = soup(client.get(link["href"]))
    listed = sorted(title.get_text(strip=True) for title in catalogue.select(".card__title"))
    expected = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr")
        .filter(artisan=sold.artisan, stock__gt=0)
    )
    assert listed == sorted(product.title for product in expected)
    assert listed


def test_a_sold_piece_says_when_its_artisan_has_nothing_else_for_sale(client):
    sold = ProductPage.objects.live().filter(locale__language_code="fr").filter(stock=0).first()
    ProductPage.objects.filter(artisan=sold.artisan).update(stock=0)
    html = soup(client.get(sold.url))
    assert "Cet artisan n'a pas d'autre pièce en vente pour le moment." in html.get_text()
    assert html.find("a", href=sold.artisan.url)  # « Fabriqué par » still leads to them


# Euros beside CFA francs -----------------------------------------------------------


def test_cfa_prices_show_an_approximate_euro_amount_and_the_peg(client):
    # 13 580 FCFA
    product = (
        ProductPage.objects.live().filter(locale__language_code="fr").get(artisan_price=12_345)
    )
    html = soup(client.get(product.url))
    cents = pricing.approximate_euros(13_580, "XOF")
    assert cents == 2_070
    assert html.select_one(".price--large .price__approx").get_text() == "(environ 20,70\u00a0€)"
    note = words(html.select_one(".price-note").get_text())
    assert note == words(
        "Les montants en euros sont indicatifs, au taux fixe de 1 € = 655,957 FCFA. "
        "Vous payez en FCFA."
    )


def test_euro_sites_show_no_approximation(client, site):
    change_settings(site, currency="EUR")
    product = (
        ProductPage.objects.live().filter(locale__language_code="fr").get(artisan_price=12_345)
    )
    html = soup(client.get(product.url))
    assert html.select_one(".price--large").get_text(strip=True) == "135,80\u00a0€"
    assert html.select_one(".price-note") is None
    assert structured_data(html)["offers"]["price"] == "135.80"


@pytest.mark.parametrize(
    ("language", "price", "euros"),
    [("fr", "49\u202f500\u00a0FCFA", "75,46\u00a0€"), ("en", "49,500\u00a0FCFA", "€75.46")],
)
def test_price_tags_format_for_french_and_english_readers(rf, site, language, price, euros):
    template = Template(
        "{% load shop_tags %}{% money 49500 %}|{% approximate_euros 49500 %}|{% euro_peg %}"
    )
    with translation.override(language):
        text = template.render(Context({"request": rf.get("/")}))
    peg = "655,957" if language == "fr" else "655.957"
    assert text == f"{price}|{euros}|{peg}"


# Gallery and structured data ---------------------------------------------------------


def test_gallery_works_without_javascript_large_first_then_thumbnails(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").first()
    items = list(product.gallery_images.all())
    assert len(items) >= 2
    html = soup(client.get(product.url))
    main = html.select_one(".product__main-image a")
    assert main["href"] == "#picture-1"
    assert main.img["alt"] == items[0].alt_text and "max-1200x1200" in main.img["srcset"]
    # The main picture is in the thumbnail row too, first.
    thumbnails = html.select(".product__thumbnails li a")
    assert len(thumbnails) == len(items)
    for number, (link, item) in enumerate(zip(thumbnails, items, strict=True), start=1):
        assert link["href"] == f"#picture-{number}"
        assert link.img["alt"] == item.alt_text
        assert "fill-160x160" in link.img["srcset"]
    # No inline script; the only scripts (search suggestions, menu) are deferred and optional.
    assert not html.select("script:not([type='application/ld+json']):not([src])")


def test_each_picture_opens_in_a_lightbox_without_javascript(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").first()
    items = list(product.gallery_images.all())
    html = soup(client.get(product.url))
    boxes = html.select(".product__gallery .lightbox")
    assert [box["id"] for box in boxes] == [f"picture-{n}" for n in range(1, len(items) + 1)]
    for number, (box, item) in enumerate(zip(boxes, items, strict=True), start=1):
        picture = box.select_one("img")
        # A large rendition, never the original upload.
        assert "max-1200x1200" in picture["src"] and picture["src"].endswith(".webp")
        assert picture["src"] != item.image.file.url
        assert picture["alt"] == item.alt_text and picture["loading"] == "lazy"
        assert box["aria-label"] == f"Photo {number} sur {len(items)}"
        close = box.select_one("a.lightbox__close")
        assert close["href"] == "#gallery" and close.get_text(strip=True) == "Fermer"
        following = box.find("a", string="Photo suivante")
        previous = box.find("a", string="Photo précédente")
        assert (following["href"] if following else None) == (
            f"#picture-{number + 1}" if number < len(items) else None
        )
        assert (previous["href"] if previous else None) == (
            f"#picture-{number - 1}" if number > 1 else None
        )
    assert html.select_one("#gallery") is not None


def test_a_short_maker_bio_sits_by_the_price_only_where_consent_covers_the_story(client):
    product = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", artisan__isnull=False)
        .select_related("artisan")
        .first()
    )
    artisan = product.artisan
    assert artisan.shows_profile
    bio = soup(client.get(product.url)).select_one(".product__buy .product__maker-bio")
    assert bio is not None
    text = bio.get_text(" ", strip=True)
    assert text.startswith("À propos de l'artisan :")
    assert text.removeprefix("À propos de l'artisan :").strip() == artisan.short_bio
    assert 0 < len(artisan.short_bio) <= 220 and "<" not in artisan.short_bio

    type(artisan).objects.filter(pk=artisan.pk).update(shows_profile=False)
    assert soup(client.get(product.url)).select_one(".product__maker-bio") is None


def test_structured_data_describes_the_product_and_its_offer(client):
    product = (
        ProductPage.objects.live().filter(locale__language_code="fr").filter(stock__gt=0).first()
    )
    data = structured_data(soup(client.get(product.url)))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Product"
    assert data["name"] == product.title
    assert data["url"] == product.full_url
    assert data["category"] == product.category.name
    assert all(url.startswith("http") and url.endswith(".webp") for url in data["image"])
    assert data["offers"] == {
        "@type": "Offer",
        "url": product.full_url,
        "price": str(pricing.unit_price(product.artisan_price, Decimal("10"))),
        "priceCurrency": "XOF",
        "availability": product.availability.schema_org,
        "itemCondition": "https://schema.org/NewCondition",
    }


def test_structured_data_cannot_break_out_of_its_script_element(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").first()
    ProductPage.objects.filter(pk=product.pk).update(title="</script><script>alert(1)</script>")
    response = client.get(product.url)
    assert b"<script>alert(1)" not in response.content
    assert structured_data(soup(response))["name"] == "</script><script>alert(1)</script>"


def test_product_page_queries_do_not_grow_with_the_gallery(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").filter(stock=0).first()
    image = product.gallery_images.first().image

    def count():
        client.get(product.url)  # draws any missing rendition
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(product.url).status_code == 200
        return len(queries)

    with_two = count()
    ProductImage.objects.bulk_create(
        ProductImage(product=product, image=image, alt_text="Détail", sort_order=9 + number)
        for number in range(4)
    )
    with_six = count()
    assert len(soup(client.get(product.url)).select(".product__thumbnails li")) == 6
    # Gallery, the story behind the product and the page furniture: constant, whatever the gallery.
    # (32, and up to 3 for the language switcher and hreflang links; a sold piece adds 1 for
    # « Réservé » or « Vendu », 1 for its similar pieces, 3 for their cards' makers and pictures.)
    assert with_two == with_six <= 40


def test_a_product_without_artisan_category_or_pictures_still_renders(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").filter(stock=0).first()
    ProductPage.objects.filter(pk=product.pk).update(artisan=None, category=None)
    product.gallery_images.all().delete()
    html = soup(client.get(product.url))
    assert html.select_one(".availability").get_text(strip=True) == "Vendu"
    data = structured_data(html)
    assert data["image"] == [] and "category" not in data
    catalogue_url = ProductIndexPage.objects.get(locale__language_code="fr").url
    catalogue = soup(client.get(f"{catalogue_url}?page=2"))
    assert product.title in catalogue.get_text()
