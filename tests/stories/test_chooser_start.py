"""The choosers of story blocks open where the editor looks: the shop of the story's language
for products, its home page for a call to action; never at Root."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from shop.models import ProductIndexPage, ProductPage
from stories.blocks import CallToActionBlock, ProductCardBlock, ProductRowBlock
from stories.models import StoryPage

from .conftest import make_story

pytestmark = pytest.mark.django_db


def modal_url(block):
    """The chooser modal address the block's widget renders (its `data-chooser-url`)."""
    html = block.widget.render_html("product", None, {"id": "id_product"})
    return html.split('data-chooser-url="')[1].split('"')[0]


def open_chooser(client, url, editing, **params):
    referer = "http://testserver" + reverse("wagtailadmin_pages:edit", args=[editing.pk])
    return client.get(url, {"page_type": "shop.productpage", **params}, HTTP_REFERER=referer)


def english_story():
    return StoryPage.objects.live().filter(locale__language_code="en").first()


@pytest.mark.parametrize(
    "block",
    [
        ProductCardBlock().child_blocks["product"],
        ProductRowBlock().child_blocks["products"].child_block,
    ],
)
def test_the_product_chooser_opens_at_the_shop_of_the_storys_language(admin_client, block):
    url = modal_url(block)
    assert url == reverse("stories_chooser_start", args=["products"])
    for story, language in ((make_story(), "fr"), (english_story(), "en")):
        response = open_chooser(admin_client, url, story)
        index = ProductIndexPage.objects.get(locale__language_code=language)
        expected = reverse("wagtailadmin_choose_page_child", args=[index.pk])
        assert response.status_code == 302
        assert response["Location"].startswith(expected + "?")
        assert "page_type=shop.productpage" in response["Location"]
        listing = admin_client.get(response["Location"])
        assert listing.status_code == 200
        product = ProductPage.objects.child_of(index).live().first()
        assert product.title in listing.json()["html"]


def test_a_chosen_product_reopens_the_chooser_at_its_parent(admin_client):
    product = ProductPage.objects.live().first()
    url = modal_url(ProductCardBlock().child_blocks["product"]) + f"{product.get_parent().pk}/"
    response = open_chooser(admin_client, url, make_story())
    parent = reverse("wagtailadmin_choose_page_child", args=[product.get_parent().pk])
    assert response["Location"].startswith(parent)


def test_the_call_to_action_chooser_opens_at_the_home_page(admin_client):
    url = modal_url(CallToActionBlock().child_blocks["page"])
    assert url == reverse("stories_chooser_start", args=["home"])
    home = Site.objects.get(is_default_site=True).root_page
    response = open_chooser(admin_client, url, make_story())
    assert response["Location"].startswith(
        reverse("wagtailadmin_choose_page_child", args=[home.pk])
    )
    assert home.pk != Page.get_first_root_node().pk


def test_an_unknown_start_is_a_404_and_needs_the_admin(admin_client):
    unknown = admin_client.get(reverse("stories_chooser_start", args=["nowhere"]), follow=True)
    assert unknown.status_code == 404
    response = Client().get(reverse("stories_chooser_start", args=["products"]))
    assert response.status_code == 302 and "login" in response["Location"]
