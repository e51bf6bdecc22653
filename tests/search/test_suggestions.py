"""The search box's title suggestions: a small JSON answer, and a box that works without it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from shop.models import ProductPage

pytestmark = pytest.mark.django_db


def suggestions_url(language="fr"):
    with translation.override(language):
        return reverse("search:suggestions")


def test_suggestions_are_titles_starting_with_what_is_typed_in_the_readers_language(client):
    response = client.get(suggestions_url(), {"q": "lamp"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    found = response.json()["suggestions"]
    assert found and all(item["title"].lower().startswith("lamp") for item in found)
    assert all(item["url"].startswith("/fr/") and item["type"] for item in found)
    english = client.get(suggestions_url("en"), {"q": "lamp"}).json()["suggestions"]
    assert english and all(item["url"].startswith("/en/") for item in english)


def test_suggestions_are_cacheable_few_and_never_html(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").first()
    ProductPage.objects.filter(pk=product.pk).update(title="Lampion <b>gras</b>")
    from .conftest import reindex

    reindex(product)
    response = client.get(suggestions_url(), {"q": "lampi"})
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response.json()["suggestions"][0]["title"] == "Lampion <b>gras</b>"
    assert len(client.get(suggestions_url(), {"q": "a"}).json()["suggestions"]) == 0


def test_too_long_or_odd_input_is_refused_or_ignored_politely(client):
    long = client.get(suggestions_url(), {"q": "x" * 101})
    assert long.status_code == 400 and long.json()["error"]
    for query in ("!!!", "'; DROP TABLE x", "\x00\x00", '"'):
        assert client.get(suggestions_url(), {"q": query}).json()["suggestions"] == []
    assert client.post(suggestions_url(), {"q": "lamp"}).status_code == 405


def test_the_header_box_is_a_plain_form_that_script_turns_into_a_combobox(client, home):
    html = BeautifulSoup(client.get(home.url).content, "html.parser")
    form = html.select_one("form.site-search")
    assert form["method"] == "get" and form["action"] == "/fr/search/"
    assert form["data-suggestions-url"] == suggestions_url()
    listbox = form.select_one("[role=listbox]")
    assert listbox["id"] == "site-search-suggestions" and listbox.has_attr("hidden")
    assert html.select_one("label[for=site-search-q]")
    script = html.select_one("script[src$='search-suggestions.js']")
    assert script.has_attr("defer")
    assert not html.select("script:not([src]):not([type='application/ld+json'])")
