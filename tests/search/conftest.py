"""Search fixtures: the search page's address in each language, parsed results."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.search import index

SEARCH_URLS = {}


def search_url(language="fr"):
    if language not in SEARCH_URLS:
        with translation.override(language):
            SEARCH_URLS[language] = reverse("search:search")
    return SEARCH_URLS[language]


def search(client, query, language="fr", **params):
    """The results page for `query`, parsed."""
    response = client.get(search_url(language), {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def results(page):
    """(kind, title, url) of each result shown, promoted ones first."""
    return [
        (
            item["class"][1].removeprefix("search-result--"),
            item.select_one(".search-result__title").get_text(" ", strip=True),
            item.select_one(".search-result__title a")["href"],
        )
        for item in page.select("li.search-result")
    ]


def reindex(page):
    """Save a change made with `update()` into the search index, as a page save would."""
    index.insert_or_update_object(type(page).objects.get(pk=page.pk))


@pytest.fixture
def english(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")
