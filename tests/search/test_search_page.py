"""The results page: stories, artisans and products of the reader's language, by type."""

import pytest

from shop.models import ProductPage
from stories.models import ArtisanPage, StoryPage

from .conftest import reindex, results, search

pytestmark = pytest.mark.django_db


def counts(page):
    """{type label link text: count} from the filter links."""
    return {
        item.get_text(" ", strip=True).rsplit(" ", 1)[0]: int(
            item.select_one(".search-types__count").get_text(strip=True).strip("()")
        )
        for item in page.select(".search-types li")
    }


def test_one_page_finds_stories_artisans_and_products_with_a_count_per_type(client):
    page = search(client, "bois")
    shown = counts(page)
    assert shown["Histoires"] > 0 and shown["Artisans"] > 0 and shown["Produits"] > 0
    assert shown["Tous les résultats"] == sum(
        count for label, count in shown.items() if label != "Tous les résultats"
    )
    for kind in ("stories", "artisans", "products"):
        found = results(search(client, "bois", type=kind))
        assert found and {found_kind for found_kind, _title, _url in found} == {kind}


def test_a_type_filter_keeps_only_that_type_and_shows_price_and_availability(client):
    page = search(client, "bois", type="products")
    found = page.select("li.search-result")
    assert found and all("search-result--products" in item["class"] for item in found)
    for item in found:
        assert item.select_one(".price__amount").get_text(strip=True).endswith("FCFA")
        assert item.select_one(".search-result__shop .badge")
    current = page.select_one(".search-types a[aria-current=page]")
    assert current.get_text(" ", strip=True).startswith("Produits")


def test_a_sold_piece_is_found_and_marked_sold(client):
    sold = ProductPage.objects.live().filter(stock=0, locale__language_code="fr").first()
    page = search(client, sold.title, type="products")
    item = next(li for li in page.select("li.search-result") if sold.title in li.get_text())
    assert item.select_one(".badge--sold").get_text(strip=True) == "Vendu"


def test_results_are_paginated_and_pages_keep_the_query_and_type(client):
    first = search(client, "atelier")
    assert len(first.select("li.search-result")) == 10
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    assert "q=atelier" in next_link and "page=2" in next_link
    second = search(client, "atelier", page=2)
    assert set(results(first)).isdisjoint(results(second))
    assert second.select_one(".search-results")["start"] == "11"


def test_only_the_readers_language_is_searched(client):
    french = results(search(client, "lutteurs"))
    assert french and all(url.startswith("/fr/") for _kind, _title, url in french)
    assert not results(search(client, "lutteurs", language="en"))
    english = results(search(client, "wrestlers", language="en"))
    assert english and all(url.startswith("/en/") for _kind, _title, url in english)


def test_snippets_highlight_the_words_and_never_inject_page_content(client):
    product = ProductPage.objects.live().filter(locale__language_code="fr").first()
    ProductPage.objects.filter(pk=product.pk).update(
        title="Tabouret <img src=x onerror=alert(1)>",
        description='<p>Un tabouret &lt;script&gt;alert("x")&lt;/script&gt; en bois de vène.</p>',
    )
    reindex(product)
    page = search(client, "tabouret onerror")
    item = page.select_one("li.search-result")
    assert not page.select("li.search-result img") and not page.select("main script")
    assert item.select_one(".search-result__title").get_text() == (
        "Tabouret <img src=x onerror=alert(1)>"
    )
    marked = [mark.get_text() for mark in item.select("mark")]
    assert "Tabouret" in marked and "tabouret" in marked
    assert '<script>alert("x")</script>' in item.select_one(".search-result__snippet").get_text()


def test_an_empty_search_invites_words_and_a_search_without_results_says_what_to_try(client):
    empty = search(client, "")
    assert "Tapez des mots" in empty.get_text() and not empty.select(".search-results")
    nothing = search(client, "zzyzx")
    assert "Aucun résultat pour « zzyzx »" in nothing.get_text()
    assert "Vérifiez l'orthographe" in nothing.get_text()


def test_home_pages_are_never_results_and_unpublished_pages_neither(client):
    story = StoryPage.objects.live().filter(locale__language_code="fr").first()
    story.unpublish()
    titles = [title for _kind, title, _url in results(search(client, story.title))]
    assert story.title not in titles
    assert "Accueil" not in [title for _k, title, _u in results(search(client, "ateliers"))]


def test_the_results_page_is_not_indexed_by_search_engines(client):
    assert search(client, "bois").select_one("meta[name=robots]")["content"] == "noindex"


def test_the_search_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    search(client, "bois")  # renditions, settings and caches warmed once
    # Counts per type, one page of results, their pages' own fields, the hit for editors;
    # no query per result (a story's snippet reads its body without loading its products).
    with django_assert_max_num_queries(25):
        search(client, "bois")


def test_artisan_results_show_craft_and_workshop(client):
    artisan = ArtisanPage.objects.live().filter(
        locale__language_code="fr", is_anonymous=False, shows_profile=True
    )[0]
    page = search(client, artisan.title, type="artisans")
    item = page.select_one("li.search-result")
    assert artisan.title in item.get_text() and artisan.workshop.name in item.get_text()
