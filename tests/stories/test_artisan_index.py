"""The artisan index shows every published artisan, a page at a time, grouped by workshop."""

import pytest
from bs4 import BeautifulSoup

from stories.models import ArtisanIndexPage, ArtisanPage
from stories.models import artisans as artisan_models

pytestmark = pytest.mark.django_db


def names_on(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in page.select("main .card a")], page


def test_artisans_are_paginated_and_each_appears_once(client, monkeypatch):
    monkeypatch.setattr(artisan_models, "ARTISANS_PER_PAGE", 4)
    index = ArtisanIndexPage.objects.get(locale__language_code="fr")
    published = ArtisanPage.objects.child_of(index).live().public().count()
    seen, number = [], 1
    while True:
        names, page = names_on(client, index.url, page=number)
        assert 0 < len(names) <= 4
        seen += names
        if not page.select_one("a[rel=next]"):
            break
        number += 1
    assert len(seen) == published == len(set(seen)) > 4


def test_a_page_number_out_of_range_or_not_a_number_still_shows_artisans(client, monkeypatch):
    monkeypatch.setattr(artisan_models, "ARTISANS_PER_PAGE", 4)
    index = ArtisanIndexPage.objects.get(locale__language_code="fr")
    first, _ = names_on(client, index.url, page="abc")
    last, _ = names_on(client, index.url, page="9999")
    assert first and last and first != last
