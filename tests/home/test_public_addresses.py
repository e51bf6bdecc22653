"""Addresses robots follow from elsewhere (canonical, Open Graph, JSON-LD, feeds, sitemap,
robots.txt) carry the public host the page was asked on, never the Site's stored hostname."""

import io
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from shop.models import ProductPage
from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

PUBLIC = "https://boutique.example"


@pytest.fixture
def behind_the_proxy(settings, client):
    """Requests as nginx forwards them: the public Host, and HTTPS said by X-Forwarded-Proto."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "boutique.example"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client.defaults.update(HTTP_HOST="boutique.example", HTTP_X_FORWARDED_PROTO="https")
    # The stored Site names another host: the public one must still win.
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    return client


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def translated_story():
    return next(
        story
        for story in StoryPage.objects.live().filter(locale__language_code="fr")
        if story.hero_image_id and story.get_translations().live().exists()
    )


def test_a_story_names_the_public_host_in_its_head_and_json_ld(behind_the_proxy):
    story = translated_story()
    html = soup(behind_the_proxy.get(story.url))
    assert html.select_one('link[rel="canonical"]')["href"] == PUBLIC + story.url
    assert html.select_one('meta[property="og:url"]')["content"] == PUBLIC + story.url
    assert html.select_one('meta[property="og:image"]')["content"].startswith(PUBLIC + "/")
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["url"] == PUBLIC + story.url
    assert data["image"][0].startswith(PUBLIC + "/")
    alternates = [link["href"] for link in html.select('link[rel="alternate"][hreflang]')]
    assert alternates and all(href.startswith(PUBLIC + "/") for href in alternates)


def test_a_product_json_ld_names_the_public_host(behind_the_proxy):
    product = ProductPage.objects.get(locale__language_code="fr", slug="panier-raphia-anses")
    html = soup(behind_the_proxy.get(product.url))
    data = json.loads(html.select_one('script[type="application/ld+json"]').string)
    assert data["url"] == PUBLIC + product.url
    assert data["image"] and all(url.startswith(PUBLIC + "/") for url in data["image"])


def test_feed_links_name_the_public_host(behind_the_proxy):
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    channel = ET.fromstring(behind_the_proxy.get(index.url + "rss/").content).find("channel")  # noqa: S314
    assert channel.findtext("link") == PUBLIC + index.url
    links = [item.findtext("link") for item in channel.findall("item")]
    assert links and all(link.startswith(PUBLIC + "/") for link in links)


def test_the_sitemap_names_the_public_host(behind_the_proxy):
    sitemap = ET.fromstring(behind_the_proxy.get("/sitemap.xml").content)  # noqa: S314
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert len(locations) > 30
    assert all(location.startswith(PUBLIC + "/") for location in locations)


def test_robots_txt_allows_pages_but_not_the_admin_cart_checkout_or_orders(behind_the_proxy):
    response = behind_the_proxy.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")}
    for language in ("fr", "en"):
        assert {f"/{language}/cart/", f"/{language}/checkout/", f"/{language}/orders/"} <= (
            disallowed
        )
    assert "/admin/" in disallowed
    assert "/fr/" not in disallowed and "/" not in disallowed
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in lines


def test_og_locale_names_language_and_territory_with_the_translation_as_alternate(client):
    story = translated_story()
    html = soup(client.get(story.url))
    assert html.select_one('meta[property="og:locale"]')["content"] == "fr_FR"
    alternates = [tag["content"] for tag in html.select('meta[property="og:locale:alternate"]')]
    assert alternates == ["en_GB"]
    english = soup(client.get(story.get_translations().live().get().url))
    assert english.select_one('meta[property="og:locale"]')["content"] == "en_GB"


def test_the_demo_site_answers_at_the_address_make_run_serves(settings):
    settings.SITE_URL = "http://127.0.0.1:8123"
    output = io.StringIO()
    call_command("load_demo", "--if-empty", stdout=output)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert "http://127.0.0.1:8123/admin/" in output.getvalue()
    assert ":8000" not in output.getvalue()
