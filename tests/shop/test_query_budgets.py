"""The busiest pages cost the same queries with the demo and with 60 more products."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import HomePage
from impact.models import ImpactPage
from shop.models import ProductIndexPage, ProductPage

pytestmark = pytest.mark.django_db

FRENCH = {"locale__language_code": "fr"}


def page_urls():
    product = ProductPage.objects.live().filter(**FRENCH, stock__gt=1).order_by("path").first()
    return {
        "home": HomePage.objects.get(**FRENCH).url,
        "catalogue": ProductIndexPage.objects.get(**FRENCH).url,
        "product": product.url,
        "impact": ImpactPage.objects.live().get(**FRENCH).url,
        "search": "/fr/search/?q=tabouret",
        "cart": reverse("shop:cart"),
    }


def warm_queries(client, url):
    """Queries of a second visit: the first draws pictures and fills the caches."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def test_pages_keep_their_query_budget_as_the_catalogue_grows(
    client, django_assert_max_num_queries
):
    products = ProductPage.objects.live().filter(**FRENCH, stock__gt=2).order_by("path")[:3]
    for product in products:
        client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1})
    urls = page_urls()
    budgets = {name: warm_queries(client, url) for name, url in urls.items()}

    demo_size = ProductPage.objects.filter(**FRENCH).count()
    call_command("generate_catalogue", products=demo_size + 60, stdout=io.StringIO())
    assert ProductPage.objects.live().filter(**FRENCH).count() == demo_size + 60

    for name, url in urls.items():
        client.get(url)  # pictures of the new products
        with django_assert_max_num_queries(budgets[name], info=name):
            assert client.get(url).status_code == 200, name
