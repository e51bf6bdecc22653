"""Editors' promoted results come first, marked, in the reader's language."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

from shop.models import ProductPage

from .conftest import results, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def promoted_product(db):
    product = ProductPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    SearchPromotion.objects.create(
        query=Query.get("Cadeau"), page=product, description="Une idée de cadeau."
    )
    return product


def test_a_promoted_page_comes_first_and_is_marked(client, promoted_product):
    page = search(client, "cadeau")
    promoted = page.select_one(".search-promoted li.search-result--promoted")
    assert promoted_product.title in promoted.get_text()
    assert promoted.select_one(".badge--promoted").get_text(strip=True) == "Recommandé"
    assert "Une idée de cadeau." in promoted.get_text()
    assert results(page)[0][2] == promoted_product.url
    assert page.select_one(".search-types li").get_text(" ", strip=True).endswith("(1)")


def test_the_promotion_shows_in_the_readers_language_and_only_with_its_type(
    client, promoted_product
):
    english = promoted_product.get_translation(Locale.objects.get(language_code="en"))
    page = search(client, "cadeau", language="en")
    assert results(page)[0][2] == english.url
    assert not search(client, "cadeau", type="stories").select(".search-result--promoted")


def test_searches_are_counted_for_the_editors_popular_searches(client):
    search(client, "Atelier")
    search(client, "atelier")
    assert Query.objects.get(query_string="atelier").hits == 2
    search(client, "atelier", page=2)  # a second page is the same search
    assert Query.objects.get(query_string="atelier").hits == 2


def test_editors_may_manage_promotions(client, django_user_model):
    from django.contrib.auth.models import Group

    from staff.groups import COMMUNICATIONS

    user = django_user_model.objects.create_user("redactrice", "r@example.sn", "motdepasse")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    assert user.has_perms(
        ["wagtailsearchpromotions.add_searchpromotion", "simple_translation.submit_translation"]
    )
    client.force_login(user)
    assert client.get("/admin/searchpicks/").status_code == 200


def test_an_external_link_can_be_promoted_with_all_results(client):
    SearchPromotion.objects.create(
        query=Query.get("prison"),
        external_link_url="https://example.org/rapport",
        external_link_text="Le rapport annuel",
    )
    link = search(client, "prison").select_one(".search-promoted .search-result__title a")
    assert link["href"] == "https://example.org/rapport"
    assert link.get_text(strip=True) == "Le rapport annuel"
    assert not search(client, "prison", type="stories").select(".search-promoted")
