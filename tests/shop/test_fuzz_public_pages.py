"""Fuzzing public query strings: filters, search and pagination never give a server error."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from impact.models import ImpactPage
from shop.models import ProductIndexPage, ProductPage
from stories.models import StoryIndexPage

from .fuzz import FUZZ, ODD_NUMBERS, assert_not_a_server_error

pytestmark = pytest.mark.django_db

# Each page with the parameters it reads, and values it expects for some of them.
PARAMETERS = {
    "catalogue": ["category", "workshop", "artisan", "price_min", "price_max", "available", "sort"],
    "stories": ["theme", "workshop", "artisan"],
    "search": ["q", "type"],
    "suggestions": ["q"],
    "impact": ["start", "end"],
    "product": ["from"],
}
ODD_VALUES = [
    *ODD_NUMBERS,
    "price_asc", "price_desc", "newest", "stories", "products", "on", "1",
    "2024-01-01", "2024-13-45", "0001-01-01", "9999-12-31",
    "a" * 5000, "'", "\"", "%", "\\", "*", "&&", "|", "!", ":*", "<>", "\x00", "café",
]  # fmt: skip


@pytest.fixture
def urls(db):
    fr = {"locale__language_code": "fr"}
    return {
        "catalogue": ProductIndexPage.objects.get(**fr).url,
        "stories": StoryIndexPage.objects.get(**fr).url,
        "search": reverse("search:search"),
        "suggestions": reverse("search:suggestions"),
        "impact": ImpactPage.objects.live().get(**fr).url,
        "product": ProductPage.objects.live().filter(**fr).first().url,
    }


@settings(FUZZ, max_examples=120)
@given(data=st.data())
def test_any_query_string_gets_a_page_or_a_clear_refusal(data, urls):
    page = data.draw(st.sampled_from(sorted(urls)))
    names = st.one_of(st.sampled_from([*PARAMETERS[page], "page"]), st.text(max_size=10))
    values = st.one_of(st.sampled_from(ODD_VALUES), st.text(max_size=40))
    query = data.draw(st.lists(st.tuples(names, values), max_size=5))
    response = Client().get(urls[page], query_params=query)
    assert_not_a_server_error(response)
