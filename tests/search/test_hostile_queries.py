"""Whatever is typed, the search answers a normal page with a helpful message (both databases)."""

import pytest
from wagtail.models import Locale

from search.query import MAX_QUERY_LENGTH, MAX_WORDS, clean_query
from search.results import run_search, suggestions

from .conftest import search, search_url

pytestmark = pytest.mark.django_db

HOSTILE = [
    " ",
    "x" * 2000,
    "bois " * 400,
    "!@#$%^&*()_+-=[]{}|;':,./<>?~`«»",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    '"unbalanced',
    "l'atelier \"du 'fleuve",
    "bois\x00vène",
    "\x00",
    "tableau:* & !peinture | (",
    'NEAR(bois vène) AND NOT "x"*',
    "\\\\ \\' %% _ %",
    "\u202e\u200b\ufeff",
    "😀 🪵",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_hostile_queries_get_a_normal_page(client, language):
    for query in HOSTILE:
        page = search(client, query, language=language)
        assert page.select_one("h1").get_text(strip=True), query
        box = page.select_one("#search-page-q")
        assert len(box["value"]) <= MAX_QUERY_LENGTH and "\x00" not in box["value"]


def test_a_query_of_symbols_only_says_to_type_letters_or_numbers(client):
    page = search(client, "!@#$%^&*()")
    assert "aucune lettre ni aucun chiffre" in page.get_text()


def test_a_too_long_query_is_shortened_and_says_so(client):
    page = search(client, "bois " * 400)
    assert "Votre recherche était trop longue" in page.get_text()
    assert page.select(".search-results")  # the beginning was still searched


def test_lone_surrogates_and_invalid_utf8_never_reach_the_database(client):
    response = client.get(search_url() + "?q=%ED%A0%80bois%FF%00")
    assert response.status_code == 200
    query = clean_query("\ud800bois\udfff vène\x00")
    assert query.words == ("bois", "vène")
    locale = Locale.objects.get(language_code="fr")
    assert run_search(query, locale).total > 0
    assert isinstance(suggestions(clean_query("\ud800boi"), locale), list)


def test_the_query_keeps_only_words_for_the_search_engine():
    query = clean_query('  l\'atelier « du » "fleuve" -- OR 1=1; ' + "mot " * 30)
    assert query.words[:5] == ("l", "atelier", "du", "fleuve", "OR")
    assert len(query.words) == MAX_WORDS and query.shortened
    assert clean_query("a\tb\nc").text == "a b c"
