"""Stock: reservations and releases happen once, and no page save brings an old count back."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from shop.models import Order, ProductPage
from shop.stock import OutOfStock, StockChanged, adjust_stock, release_stock, reserve_stock

from .conftest import set_stock, stock_of

pytestmark = pytest.mark.django_db


def test_reserve_and_release_happen_once_each(make_order, product):
    order = make_order([(product, 2)])
    assert stock_of(product) == 3
    reserve_stock(order)
    assert stock_of(product) == 3
    release_stock(order)
    release_stock(order)
    assert stock_of(product) == 5
    assert not Order.objects.get(pk=order.pk).stock_reserved


def test_a_shortage_on_one_line_reserves_nothing(make_order, product, other_product):
    order = make_order([(product, 1), (other_product, 3)])
    release_stock(order)
    set_stock(other_product, 2)
    with pytest.raises(OutOfStock) as shortage:
        reserve_stock(order)
    assert shortage.value.shortages[0].available == 2
    assert "Il ne reste que 2 pièces" in shortage.value.messages[0]
    assert (stock_of(product), stock_of(other_product)) == (5, 2)


def test_an_unpublished_product_cannot_be_reserved(make_order, product):
    order = make_order([(product, 1)])
    release_stock(order)
    product.unpublish()
    with pytest.raises(OutOfStock):
        reserve_stock(order)
    assert stock_of(product) == 5


def test_publishing_an_old_revision_keeps_the_live_stock(make_order, product):
    old_revision = product.save_revision()  # a draft saved while 5 pieces were for sale
    make_order([(product, 4)])
    assert stock_of(product) == 1
    old_revision.publish()
    assert stock_of(product) == 1
    assert ProductPage.objects.get(pk=product.pk).live_revision == old_revision


def test_saving_a_stale_page_object_keeps_the_live_stock(make_order, product):
    stale = ProductPage.objects.get(pk=product.pk)
    make_order([(product, 2)])
    stale.title = "Nouveau titre"
    stale.save()
    fresh = ProductPage.objects.get(pk=product.pk)
    assert (fresh.title, fresh.stock) == ("Nouveau titre", 3)
    assert stale.stock == 3  # read back after the save
    stale.save_revision().publish()
    assert stock_of(product) == 3


def test_a_new_product_gets_the_stock_it_was_created_with(product):
    index = product.get_parent()
    new = ProductPage(
        title="Tabouret",
        slug="tabouret-test",
        artisan=product.artisan,
        category=product.category,
        description="<p>Un tabouret.</p>",
        artisan_price=1000,
        stock=7,
    )
    index.add_child(instance=new)
    new.save_revision().publish()
    assert stock_of(new) == 7


def edit_form_data(product, stock):
    gallery = [
        {"id": item.pk, "image": item.image_id, "alt_text": item.alt_text, "ORDER": position}
        for position, item in enumerate(product.gallery_images.all())
    ]
    data = nested_form_data(
        {
            "title": product.title,
            "slug": product.slug,
            "artisan": product.artisan_id,
            "category": product.category_id or "",
            "artisan_price": product.artisan_price,
            "stock": stock,
            "description": rich_text(product.description),
            "materials": product.materials,
            "dimensions": product.dimensions,
            "care_notes": product.care_notes,
            "gallery_images": inline_formset(gallery, initial=len(gallery), min=1),
        }
    )
    data["action-publish"] = "action-publish"
    return data


def test_the_editor_shows_the_live_stock_read_only_and_ignores_a_posted_one(
    admin_client, make_order, product
):
    product.save_revision()  # the editor's draft says 5
    make_order([(product, 1)])
    edit_url = reverse("wagtailadmin_pages:edit", args=[product.pk])
    page = BeautifulSoup(admin_client.get(edit_url).content, "html.parser")
    field = page.select_one("input[name=stock]")
    assert field["value"] == "4"
    assert field.has_attr("disabled")
    assert page.select_one(f"a[href='{reverse('shop_stock_adjust', args=[product.pk])}']")
    response = admin_client.post(edit_url, edit_form_data(product, 99))
    assert response.status_code == 302
    assert stock_of(product) == 4


def test_adjust_stock_refuses_when_a_sale_moved_the_count(product):
    with pytest.raises(StockChanged) as change:
        adjust_stock(product, 10, expected=4)
    assert change.value.current == 5
    assert stock_of(product) == 5
    assert adjust_stock(product, 10, expected=5) == 5
    assert stock_of(product) == 10


def test_adjust_stock_view_sets_the_count_and_logs_it(admin_client, product):
    url = reverse("shop_stock_adjust", args=[product.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"stock": 8, "expected": 5, "note": "Nouvelles pièces"})
    assert response.status_code == 302
    assert stock_of(product) == 8
    entry = PageLogEntry.objects.filter(page=product, action="shop.adjust_stock").get()
    assert entry.data == {"from": 5, "to": 8, "note": "Nouvelles pièces"}
    assert "Stock passé de 5 à 8" in entry.message


def test_adjust_stock_view_refuses_a_stale_form_with_409(admin_client, product):
    url = reverse("shop_stock_adjust", args=[product.pk])
    response = admin_client.post(url, {"stock": 8, "expected": 4})
    assert response.status_code == 409
    assert stock_of(product) == 5
    assert response.context["form"]["expected"].value() == 5


@pytest.mark.parametrize("stock", ["-1", "abc", "", "99999999999"])
def test_adjust_stock_view_refuses_bad_numbers(admin_client, product, stock):
    url = reverse("shop_stock_adjust", args=[product.pk])
    response = admin_client.post(url, {"stock": stock, "expected": 5})
    assert response.status_code == 400
    assert stock_of(product) == 5


def test_adjusting_stock_needs_the_permission(client, communications_staff, product):
    client.force_login(communications_staff)
    url = reverse("shop_stock_adjust", args=[product.pk])
    # Wagtail's admin answers a refusal by sending back to the dashboard with a message.
    for response in (client.get(url), client.post(url, {"stock": 9, "expected": 5})):
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert stock_of(product) == 5


def test_the_product_list_offers_adjust_stock_to_shop_managers_only(
    client, shop_manager, communications_staff, product
):
    explore = reverse("wagtailadmin_explore", args=[product.get_parent().pk])
    adjust = reverse("shop_stock_adjust", args=[product.pk])
    client.force_login(shop_manager)
    assert adjust in client.get(explore).content.decode()
    client.force_login(communications_staff)
    assert adjust not in client.get(explore).content.decode()
