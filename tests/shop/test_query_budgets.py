"""Every public page costs at most 12 queries once warm, and no more with a larger catalogue.

Warm: a visit once the first ones have drawn the pictures and filled the caches the
site keeps (menus, routes, product cards, settings), as every visit after the first
finds them. Measured without the page cache (off in the test settings), so these are
the queries of a page actually rendered.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import HomePage, StandardPage
from impact.models import ImpactPage
from shop.models import ProductCategory, ProductIndexPage, ProductPage
from stories.models import ArtisanIndexPage, ArtisanPage, StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

FRENCH = {"locale__language_code": "fr"}
PAGE_BUDGET = 12
# Products generated on top of the demo: ten times the demo's catalogue.
GROWTH = 300


def public_pages():
    """{name: address} of one page of every public type, from the demo."""
    catalogue = ProductIndexPage.objects.get(**FRENCH)
    category = ProductCategory.objects.filter(
        pk__in=ProductPage.objects.live().values("category_id")
    ).first()
    return {
        "home": HomePage.objects.get(**FRENCH).url,
        "story index": StoryIndexPage.objects.get(**FRENCH).url,
        "story": StoryPage.objects.live().filter(**FRENCH).order_by("-date").first().url,
        "artisan index": ArtisanIndexPage.objects.get(**FRENCH).url,
        "artisan": ArtisanPage.objects.live()
        .filter(**FRENCH, products__isnull=False)
        .order_by("path")
        .first()
        .url,
        "product index": catalogue.url,
        "category": f"{catalogue.url}?category={category.slug}",
        "product": ProductPage.objects.live()
        .filter(**FRENCH, stock__gt=1)
        .order_by("path")
        .first()
        .url,
        "standard page": StandardPage.objects.live().filter(**FRENCH).first().url,
        "impact": ImpactPage.objects.live().get(**FRENCH).url,
        "search": "/fr/search/?q=tabouret",
    }


def warm_queries(client, url):
    """Queries of a third visit: the first draws pictures and makes the site's settings
    rows (which renews the caches' generation), the second fills the caches."""
    for _visit in range(2):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def grow_the_catalogue():
    """More products, artisans and stories, as `generate_catalogue` adds them (`demo.catalogue`)."""
    demo_size = ProductPage.objects.filter(**FRENCH).count()
    call_command("generate_catalogue", products=demo_size + GROWTH, stdout=io.StringIO())
    assert ProductPage.objects.live().filter(**FRENCH).count() == demo_size + GROWTH


def budget(name):
    """12 queries; search on PostgreSQL still costs 14 (not yet done, see issue 20): its
    results there span three page types, fetched one query each by `.specific()`, and
    counting the search for the editors' popular searches reads and updates two rows."""
    if name == "search" and connection.vendor == "postgresql":
        return PAGE_BUDGET + 2
    return PAGE_BUDGET


def test_every_public_page_costs_at_most_12_queries_once_warm(client):
    costs = {name: warm_queries(client, url) for name, url in public_pages().items()}
    assert {name: cost for name, cost in costs.items() if cost > budget(name)} == {}, costs


def test_no_public_page_costs_more_queries_with_a_larger_catalogue(client):
    urls = public_pages()
    before = {name: warm_queries(client, url) for name, url in urls.items()}
    grow_the_catalogue()
    after = {name: warm_queries(client, url) for name, url in urls.items()}
    grown = {name: (before[name], cost) for name, cost in after.items() if cost > before[name]}
    assert grown == {}, after


def test_the_cart_keeps_its_query_budget_as_the_catalogue_grows(
    client, django_assert_max_num_queries
):
    products = ProductPage.objects.live().filter(**FRENCH, stock__gt=2).order_by("path")[:3]
    for product in products:
        client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    budget = warm_queries(client, reverse("shop:cart"))
    grow_the_catalogue()
    client.get(reverse("shop:cart"))
    with django_assert_max_num_queries(budget):
        assert client.get(reverse("shop:cart")).status_code == 200
