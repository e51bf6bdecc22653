"""Every kind of public page keeps to the Content-Security-Policy: nothing inline to block.

The policy allows scripts and styles from the site only (config/settings/base.py), so an
inline script, an `on...=` handler or a `style=` attribute would be silently dropped by
browsers. JSON-LD blocks (`type="application/ld+json"`) are data, never run: allowed.
"""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.urls import reverse

from home.models import StandardPage
from shop.models import Order, ProductIndexPage, ProductPage
from stories.models import ArtisanIndexPage, ArtisanPage, StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

FR = {"locale__language_code": "fr"}


def public_pages(client, home, impact_page):
    """(name, response) for one page of each kind, with a cart and an order to show."""
    product = ProductPage.objects.live().filter(stock__gte=2, **FR).first()
    yield "home", client.get(home.url)
    yield "story index", client.get(StoryIndexPage.objects.get(**FR).url)
    yield "story", client.get(StoryPage.objects.live().filter(**FR).first().url)
    yield "artisan index", client.get(ArtisanIndexPage.objects.get(**FR).url)
    artisans = ArtisanPage.objects.live().filter(shows_profile=True, **FR)
    yield "artisan", client.get(artisans.first().url)
    yield "product index", client.get(ProductIndexPage.objects.get(**FR).url)
    yield "product", client.get(product.url)
    yield "standard page", client.get(StandardPage.objects.live().filter(**FR).first().url)
    yield "impact", client.get(impact_page.url)
    yield "search", client.get(reverse("search:search"), {"q": "bois"})
    yield "404", client.get("/fr/no-such-page/")
    client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    yield "cart", client.get(reverse("shop:cart"))
    yield "checkout", client.get(reverse("shop:checkout"))
    order = Order.objects.exclude(reference=None).first()
    yield "order", client.get(reverse("shop:order_detail", args=[order.reference]),
                              {"key": order.access_key()})  # fmt: skip


def inline_code(html):
    """What the policy would block: inline scripts, event handlers, style attributes."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            continue
        if not script.get("src"):
            found.append(f"inline script: {script}"[:120])
        elif not (script.has_attr("defer") or script.has_attr("async")):
            found.append(f"render-blocking script: {script['src']}")
    found += [f"<style> element: {style}"[:120] for style in soup.find_all("style")]
    for element in soup.find_all(True):
        for name in element.attrs:
            if name.lower().startswith("on") or name.lower() == "style":
                found.append(f"{name}= on <{element.name}>")
    return found


def test_every_public_page_kind_has_nothing_inline_and_sends_the_headers(client, home, impact_page):
    seen = set()
    for name, response in public_pages(client, home, impact_page):
        expected = 404 if name == "404" else 200
        assert response.status_code == expected, name
        assert inline_code(response.content) == [], name
        assert "script-src 'self'" in response["Content-Security-Policy"], name
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        seen.add(name)
    assert len(seen) == 14


def test_the_too_many_requests_page_keeps_to_the_policy(client, settings):
    cache.clear()
    settings.RATE_LIMITS = {"shop": (0, 60)}
    response = client.post(reverse("shop:cart_empty"))
    assert response.status_code == 429
    assert inline_code(response.content) == []
    assert "Content-Security-Policy" in response
    cache.clear()


def test_the_check_finds_what_the_policy_would_block():
    html = (
        '<script>alert(1)</script><script src="/a.js"></script>'
        '<p style="color:red" onclick="x()">x</p>'
        '<script type="application/ld+json">{}</script>'
    )
    assert inline_code(html) == [
        "inline script: <script>alert(1)</script>",
        "render-blocking script: /a.js",
        "style= on <p>",
        "onclick= on <p>",
    ]
