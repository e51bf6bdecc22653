"""PostgreSQL full-text search stems French pages in French and English pages in English.

Skipped on SQLite (its full-text search has no stemming); CI runs them on PostgreSQL.
"""

import pytest
from django.utils import translation
from wagtail.search.backends import get_search_backend

from shop.models import ProductPage

from .conftest import reindex, results, search

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def product_in(language):
    return ProductPage.objects.live().filter(locale__language_code=language).order_by("pk")


def describe(product, title, description):
    ProductPage.objects.filter(pk=product.pk).update(title=title, description=description)
    reindex(product)


def test_each_language_has_its_own_stemming_configuration():
    backend = get_search_backend()
    assert backend.config_for("fr") == "french"
    assert backend.config_for("en-gb") == "english"
    assert backend.config_for("wo") == "simple"


def test_french_plurals_find_the_singular(client):
    describe(product_in("fr")[0], "Grand xylotableau", "<p>Un tableau de Dakar, une peinture.</p>")
    for query in ("tableaux", "peintures"):
        found = [url for _kind, _title, url in results(search(client, query))]
        assert product_in("fr")[0].url in found, query


def test_english_plurals_find_the_singular(client):
    product = product_in("en")[0]
    describe(product, "Big canvas", "<p>A painting of Dakar at dusk.</p>")
    found = [url for _kind, _title, url in results(search(client, "paintings", "en"))]
    assert product.url in found


def test_the_title_weighs_more_than_the_body(client):
    in_title, in_body = product_in("fr")[0], product_in("fr")[1]
    describe(in_title, "Xylophone sculpté", "<p>Un instrument.</p>")
    describe(in_body, "Objet sculpté", "<p>Un xylophone ancien, joué longtemps.</p>")
    urls = [url for _kind, _title, url in results(search(client, "xylophone", type="products"))]
    assert urls.index(in_title.url) < urls.index(in_body.url)


def test_queries_are_parsed_in_the_readers_language():
    from search.backend import LanguageQueryCompiler

    backend = get_search_backend()
    with translation.override("en"):
        assert LanguageQueryCompiler.get_config(None, backend) == "english"
    with translation.override("fr"):
        assert LanguageQueryCompiler.get_config(None, backend) == "french"
