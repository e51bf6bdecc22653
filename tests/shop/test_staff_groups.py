"""The two staff groups: each can do its job in the admin, and nothing of the other's."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page

from shop.models import OrderStatus, ProductIndexPage, ProductPage
from staff.groups import COMMUNICATIONS, SHOP_MANAGERS, migrate_staff_groups, table_permissions
from stories.models import ArtisanPage, StoryPage

pytestmark = pytest.mark.django_db


def allowed(response):
    return response.status_code == 200


def denied(response):
    """Wagtail answers a refusal with a 403, or by sending back to the dashboard."""
    if response.status_code == 302:
        return response.url == reverse("wagtailadmin_home")
    return response.status_code == 403


@pytest.fixture
def order(make_order, product):
    return make_order([(product, 1)])


def urls(site, order):
    product = ProductPage.objects.live().first()
    return {
        "dashboard": reverse("wagtailadmin_home"),
        "story": reverse("wagtailadmin_pages:edit", args=[StoryPage.objects.first().pk]),
        "artisan": reverse("wagtailadmin_pages:edit", args=[ArtisanPage.objects.first().pk]),
        "product": reverse("wagtailadmin_pages:edit", args=[product.pk]),
        "new product": reverse(
            "wagtailadmin_pages:add",
            args=["shop", "productpage", ProductIndexPage.objects.first().pk],
        ),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "workshops": reverse("wagtailsnippets_stories_workshop:list"),
        "categories": reverse("wagtailsnippets_shop_productcategory:list"),
        "orders": reverse("shop_order_modeladmin_index"),
        "order": reverse("shop_order_modeladmin_inspect", args=[order.pk]),
        "shop settings": reverse("wagtailsettings:edit", args=["shop", "shopsettings", site.pk]),
        "stock": reverse("shop_stock_adjust", args=[product.pk]),
        "earnings": reverse("shop_earnings"),
        "statement": reverse("shop_earnings_statement", args=[product.artisan_id]),
        "printed statement": reverse("shop_earnings_statement_print", args=[product.artisan_id]),
        "payouts": reverse("wagtailsnippets_shop_artisanpayout:list"),
        "new payout": reverse("wagtailsnippets_shop_artisanpayout:add"),
        "impact figures": reverse("impact_reconciliation"),
        "stories report": reverse("impact_stories_report"),
        "partners": reverse("wagtailsnippets_impact_partner:list"),
        "impact settings": reverse(
            "wagtailsettings:edit", args=["impact", "impactsettings", site.pk]
        ),
    }


CAN = {
    COMMUNICATIONS: {"dashboard", "story", "artisan", "product", "images", "documents"}
    | {"workshops", "new product"}
    | {"stories report", "partners", "impact settings"},
    SHOP_MANAGERS: {"dashboard", "product", "new product", "images", "categories", "orders"}
    | {"order", "shop settings", "stock"}
    | {"earnings", "statement", "printed statement", "payouts", "new payout", "impact figures"}
    | {"stories report"},
}


@pytest.mark.parametrize("group_name", [COMMUNICATIONS, SHOP_MANAGERS])
def test_each_group_reaches_what_it_should_and_nothing_else(
    client, django_user_model, site, order, group_name
):
    user = django_user_model.objects.create_user("staff", "staff@example.sn", "motdepasse")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    results = {}
    for name, url in urls(site, order).items():
        response = client.get(url)
        results[name] = (
            "allowed"
            if allowed(response)
            else "denied"
            if denied(response)
            else (response.status_code)
        )
    expected = {name: "allowed" if name in CAN[group_name] else "denied" for name in results}
    assert results == expected


def test_communications_cannot_move_an_order_along(client, communications_staff, order):
    client.force_login(communications_staff)
    response = client.post(reverse("shop_order_action", args=[order.pk]), {"action": "mark-paid"})
    assert denied(response)
    order.refresh_from_db()
    assert order.status == OrderStatus.AWAITING_CASH


def test_shop_managers_can_mark_an_order_paid(client, shop_manager, order):
    client.force_login(shop_manager)
    client.post(reverse("shop_order_action", args=[order.pk]), {"action": "mark-paid"})
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert order.status_changes.last().changed_by == shop_manager


def test_shop_managers_cannot_publish_stories(client, shop_manager):
    story = StoryPage.objects.live().first()
    assert not story.permissions_for_user(shop_manager).can_publish()
    product = ProductPage.objects.live().first()
    assert product.permissions_for_user(shop_manager).can_publish()


def test_a_new_product_index_gives_shop_managers_its_pages(home):
    # One product index per home page: the new one goes under a second home page.
    new_home = type(home)(title="Autre", slug="autre", hero_heading="h", hero_text="t")
    Page.get_first_root_node().add_child(instance=new_home)
    index = ProductIndexPage(title="Autre boutique", slug="autre-boutique")
    new_home.add_child(instance=index)
    managers = Group.objects.get(name=SHOP_MANAGERS)
    granted = set(
        GroupPagePermission.objects.filter(group=managers, page=index).values_list(
            "permission__codename", flat=True
        )
    )
    assert granted == {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"}


def test_applying_the_table_again_changes_nothing():
    def state():
        return (
            sorted(Group.objects.values_list("name", "permissions__codename")),
            GroupPagePermission.objects.count(),
            GroupCollectionPermission.objects.count(),
        )

    before = state()
    migrate_staff_groups(apps)
    assert state() == before


def test_every_permission_of_the_table_exists_once_migrated():
    for label in table_permissions():
        app_label, codename = label.split(".")
        assert Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).exists(), label


def test_the_groups_hold_what_this_issue_added():
    def codenames(name):
        return set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", "codename"
            )
        )

    assert {("shop", "view_story_report"), ("impact", "add_partner")} <= codenames(COMMUNICATIONS)
    assert ("shop", "view_artisanpayout") not in codenames(COMMUNICATIONS)
    assert ("shop", "change_prices") not in codenames(COMMUNICATIONS)
    assert ("shop", "change_prices") in codenames(SHOP_MANAGERS)
    assert {("shop", "view_artisanpayout"), ("shop", "add_artisanpayout")} <= codenames(
        SHOP_MANAGERS
    )
    assert not Permission.objects.filter(codename="delete_artisanpayout").exists()


def posted_by_the_browser(html):
    """What the browser would post from the page editor's form (disabled fields left out)."""
    form = BeautifulSoup(html, "html.parser").select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        if field.has_attr("disabled"):
            continue
        name = field["name"]
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[name] = chosen["value"] if chosen else ""
        elif field.name == "textarea":
            data[name] = field.get_text()
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data


def publish_with_price(client, product, price):
    edit = reverse("wagtailadmin_pages:edit", args=[product.pk])
    page = client.get(edit)
    assert page.status_code == 200
    data = {**posted_by_the_browser(page.content), "artisan_price": price, "action-publish": "1"}
    return page, client.post(edit, data)


def test_communications_see_a_price_but_cannot_change_it_even_by_a_forged_post(
    client, communications_staff, product
):
    before = product.artisan_price
    client.force_login(communications_staff)
    page, response = publish_with_price(client, product, 1)
    price = BeautifulSoup(page.content, "html.parser").select_one('input[name="artisan_price"]')
    assert price.has_attr("disabled") and price["value"] == str(before)
    assert response.status_code == 302, response.context["form"].errors
    product.refresh_from_db()
    assert product.artisan_price == before
    assert ProductPage.objects.get(pk=product.pk).live_revision.content["artisan_price"] == before


def test_shop_managers_change_a_price(client, shop_manager, product):
    client.force_login(shop_manager)
    _page, response = publish_with_price(client, product, product.artisan_price + 500)
    assert response.status_code == 302, response.context["form"].errors
    assert ProductPage.objects.get(pk=product.pk).artisan_price == product.artisan_price + 500
