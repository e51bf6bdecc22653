"""The admin refuses bad prices, rates, stocks and currencies in plain French, and only shop
managers (`shop.change_shopsettings`) may change the money settings."""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from shop.models import ProductCategory, ProductIndexPage, ProductPage, ShopSettings

pytestmark = pytest.mark.django_db


def page_text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


# Products ------------------------------------------------------------------------


def product_form(**overrides):
    product = ProductPage.objects.live().first()
    fields = {
        "title": "Tabouret neuf",
        "slug": "tabouret-neuf",
        "artisan": product.artisan_id,
        "category": ProductCategory.objects.first().pk,
        "artisan_price": "15000",
        "stock": "3",
        "description": rich_text("<p>Un tabouret.</p>"),
        "gallery_images": inline_formset(
            [{"image": get_image_model().objects.first().pk, "alt_text": "Un tabouret"}], min=1
        ),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def add_product(client, **overrides):
    catalogue = ProductIndexPage.objects.get(locale__language_code="fr")
    url = reverse("wagtailadmin_pages:add", args=("shop", "productpage", catalogue.pk))
    return client.post(url, product_form(**overrides))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"artisan_price": "-5"}, "Le prix de l'artisan doit être d'au moins 1"),
        ({"artisan_price": "0"}, "il ne peut être ni négatif ni nul"),
        ({"artisan_price": "abc"}, "Saisissez le prix de l'artisan en nombre entier"),
        ({"artisan_price": "12.50"}, "Saisissez le prix de l'artisan en nombre entier"),
        ({"artisan_price": "99999999999"}, "Ce nombre est trop grand."),
        ({"stock": "-1"}, "Le stock ne peut pas être inférieur à 0"),
        ({"stock": "deux"}, "Saisissez le stock en nombre entier de pièces"),
        ({"stock": "3", "one_of_a_kind": "on"}, "Une pièce unique a un stock de 1"),
    ],
)
def test_bad_prices_and_stocks_are_refused_with_a_french_message(admin_client, fields, message):
    response = add_product(admin_client, **fields)
    assert response.status_code == 200
    assert message in page_text(response)
    assert not ProductPage.objects.filter(slug="tabouret-neuf").exists()


def test_a_good_one_of_a_kind_piece_is_created(admin_client):
    response = add_product(admin_client, stock="1", one_of_a_kind="on")
    assert response.status_code == 302
    product = ProductPage.objects.get(slug="tabouret-neuf")
    assert (product.stock, product.one_of_a_kind, product.artisan_price) == (1, True, 15_000)


def test_the_one_of_a_kind_rule_holds_outside_the_admin_too():
    product = ProductPage.objects.filter(one_of_a_kind=True).first()
    product.stock = 2
    with pytest.raises(ValidationError) as error:
        product.full_clean()
    assert "stock" in error.value.message_dict


# Shop settings -------------------------------------------------------------------


def settings_url(site):
    return reverse("wagtailsettings:edit", args=("shop", "shopsettings", site.pk))


def inline_data(shop_settings):
    """The delivery zones and pickup points as the settings form sends them back, unchanged."""
    data = {}
    for prefix, rows, fields in (
        ("delivery_zones", shop_settings.delivery_zones.all(), ZONE_FIELDS),
        ("pickup_points", shop_settings.pickup_points.all(), POINT_FIELDS),
    ):
        rows = list(rows)
        data |= {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": str(len(rows)),
            f"{prefix}-MIN_NUM_FORMS": "0",
            f"{prefix}-MAX_NUM_FORMS": "1000",
        }
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = str(row.pk)
            data[f"{prefix}-{index}-ORDER"] = str(index + 1)
            for field in fields:
                value = getattr(row, field)
                if value is True:
                    data[f"{prefix}-{index}-{field}"] = "on"
                elif value is not False:
                    data[f"{prefix}-{index}-{field}"] = str(value)
    return data


ZONE_FIELDS = ("name", "areas", "fee", "lead_time_days", "cash_allowed")
POINT_FIELDS = ("name", "address", "opening_hours")


def post_settings(client, site, **overrides):
    data = {
        "currency": "XOF",
        "markup_rate": "10",
        "vat_rate": "0",
        **inline_data(ShopSettings.for_site(site)),
        **overrides,
    }
    return client.post(settings_url(site), data)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"markup_rate": "150"}, "Le taux de marge doit être compris entre 0 et 100."),
        ({"markup_rate": "-1"}, "Le taux de marge doit être compris entre 0 et 100."),
        ({"markup_rate": "1000"}, "Le taux de marge doit être compris entre 0 et 100."),
        ({"markup_rate": "12.345"}, "Le taux de marge a au plus deux décimales"),
        ({"markup_rate": "dix"}, "Saisissez le taux de marge sous forme de nombre"),
        ({"currency": "ABC"}, "« ABC » n'est pas un code de devise ISO 4217."),
        ({"currency": "XAU"}, "« XAU » n'est pas un code de devise ISO 4217."),
        ({"currency": "E"}, "« E » n'est pas un code de devise ISO 4217."),
        ({"delivery_zones-0-fee": "-5"}, "Les frais de livraison ne peuvent pas être négatifs."),
        ({"vat_rate": "120"}, "Le taux de TVA doit être compris entre 0 et 100."),
    ],
)
def test_bad_settings_are_refused_with_a_french_message_and_nothing_changes(
    admin_client, site, fields, message
):
    before = ShopSettings.for_site(site)
    response = post_settings(admin_client, site, **{"markup_rate": "12.5", **fields})
    assert response.status_code == 200
    assert message in page_text(response)
    after = ShopSettings.objects.get(site=site)
    assert (after.currency, after.markup_rate, after.vat_rate) == (
        before.currency,
        before.markup_rate,
        before.vat_rate,
    )
    assert [zone.fee for zone in after.delivery_zones.all()] == [
        zone.fee for zone in before.delivery_zones.all()
    ]


def test_good_settings_are_saved_with_the_code_in_capitals(admin_client, site):
    response = post_settings(admin_client, site, currency="xaf", markup_rate="12.5")
    assert response.status_code == 302
    saved = ShopSettings.objects.get(site=site)
    assert (saved.currency, saved.markup_rate) == ("XAF", Decimal("12.5"))


@pytest.fixture
def staff_user(django_user_model):
    """Someone who may use the admin, and nothing more until given a permission."""
    user = django_user_model.objects.create_user("redaction", password="x")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def test_staff_without_the_shop_permission_cannot_change_the_settings(client, site, staff_user):
    client.force_login(staff_user)
    assert client.get(settings_url(site)).status_code in (302, 403)
    response = post_settings(client, site, markup_rate="50")
    assert response.status_code in (302, 403)
    assert ShopSettings.for_site(site).markup_rate == Decimal("10")
    assert settings_url(site) not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_with_the_shop_permission_can_change_the_settings(client, site, staff_user):
    staff_user.user_permissions.add(
        Permission.objects.get(content_type__app_label="shop", codename="change_shopsettings")
    )
    client.force_login(staff_user)
    assert client.get(settings_url(site)).status_code == 200
    assert post_settings(client, site, markup_rate="50").status_code == 302
    assert ShopSettings.objects.get(site=site).markup_rate == Decimal("50")
