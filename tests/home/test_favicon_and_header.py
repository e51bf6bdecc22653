"""The site's icon is found wherever a browser looks for it, and the header's menu is a
disclosure that works without JavaScript."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from home.models import HomePage
from shop.models import ProductPage

pytestmark = pytest.mark.django_db


def home(client):
    page = HomePage.objects.live().filter(locale__language_code="fr").get()
    return BeautifulSoup(client.get(page.url).content, "html.parser")


def test_every_page_names_an_svg_icon_and_a_png_fallback_that_exist(client):
    html = home(client)
    icons = {link["type"]: link["href"] for link in html.select("head link[rel=icon]")}
    assert set(icons) == {"image/svg+xml", "image/png"}
    assert icons["image/svg+xml"].endswith(".svg") and icons["image/png"].endswith(".png")
    for name in ("img/favicon.svg", "img/favicon.png", "img/apple-touch-icon.png"):
        assert finders.find(name), name
    with open(finders.find("img/favicon.svg"), encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")
    with open(finders.find("img/favicon.png"), "rb") as png:
        assert png.read(8) == b"\x89PNG\r\n\x1a\n"


def test_favicon_ico_leads_to_the_icon_instead_of_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"].endswith(".png") and "/static/" in response["Location"]
    assert "max-age" in response["Cache-Control"]
    assert client.post("/favicon.ico").status_code == 405


def test_the_menu_holds_the_pages_search_and_languages_and_the_cart_stays_outside(client):
    html = home(client)
    header = html.select_one("header.site-header")
    menu = header.select_one("details.site-menu")
    assert menu is not None and not menu.has_attr("open")
    assert menu.select_one("summary").get_text(strip=True) == "Menu"
    assert menu.select_one("nav.site-nav a")
    assert menu.select_one("form.site-search input[type=search]")
    assert menu.select_one(".language-switcher a[hreflang=en]")
    assert menu.select_one(".site-search button").get_text(strip=True) == "Rechercher"
    cart = header.select_one("a.cart-link")
    assert cart is not None and cart.find_parent("details") is None
    assert cart.select_one(".cart-link__count").get_text(strip=True) == "0"


def test_pages_without_a_search_description_describe_themselves_from_their_opening(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").first()
    assert not product.search_description
    page = BeautifulSoup(client.get(product.url).content, "html.parser")
    (description,) = page.select("head meta[name=description]")
    # The opening of the product's description, as the page shows it.
    assert description["content"][:60] in " ".join(
        page.select_one(".product__description").get_text(" ").split()
    )
    assert description["content"] == page.select_one("meta[property='og:description']")["content"]
    assert home(client).select_one("head meta[name=description]")["content"]
