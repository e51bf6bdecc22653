"""The admin's home page: orders, stock and reservations panels show the right counts."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from shop import lifecycle
from shop.admin.dashboard import CASH_WAIT_DAYS
from shop.models import Order, OrderStatus, PaymentMethod, ProductPage
from shop.models.products import LOW_STOCK

from .conftest import set_stock

pytestmark = pytest.mark.django_db


def panel_counts(response, panel_id):
    """{label: count} of a dashboard panel, as a reader sees them."""
    html = BeautifulSoup(response.content, "html.parser")
    panel = html.find(id=f"{panel_id}-section")
    assert panel is not None, panel_id
    counts = {}
    for item in panel.select(".shop-dashboard__count"):
        number = item.select_one(".shop-dashboard__number").get_text(strip=True)
        label = item.get_text(" ", strip=True)[len(number) :].strip()
        counts[label] = int(number)
    return counts, panel


def test_the_orders_panel_counts_what_needs_doing(admin_client, make_order, product, fake_stripe):
    make_order([(product, 1)])  # awaiting cash, placed today
    paid = make_order([(product, 1)])
    lifecycle.mark_cash_paid(paid, by=None)
    make_order([(product, 1)], payment_method=PaymentMethod.CARD)  # card payment under way
    refund = make_order([(product, 1)])
    Order.objects.filter(pk=refund.pk).update(needs_refund=True)
    counts, _panel = panel_counts(admin_client.get(reverse("wagtailadmin_home")), "shop_orders")
    today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    assert counts == {
        "Passées aujourd'hui": Order.objects.filter(created_at__gte=today).count(),
        "Paiement par carte en cours": Order.objects.filter(
            status=OrderStatus.PENDING_PAYMENT, payment_expires_at__gt=timezone.now()
        ).count(),
        "En attente du paiement en espèces": Order.objects.filter(
            status=OrderStatus.AWAITING_CASH
        ).count(),
        "Payées, à remettre": Order.objects.filter(status=OrderStatus.PAID).count(),
        "À rembourser": 1,
    }
    assert counts["Passées aujourd'hui"] >= 4


def test_the_stock_panel_counts_products_running_out(admin_client, product, other_product):
    set_stock(product, 0)
    set_stock(other_product, 2)
    counts, panel = panel_counts(admin_client.get(reverse("wagtailadmin_home")), "shop_low_stock")
    # Each product once, though it has a page in each language.
    several = ProductPage.objects.live().filter(one_of_a_kind=False, locale__language_code="fr")
    assert ProductPage.objects.live().filter(translation_key=product.translation_key).count() == 2
    assert counts["Épuisés"] >= 1
    assert counts == {
        "Épuisés": several.filter(stock=0).count(),
        f"Plus que {LOW_STOCK} pièces ou moins": several.filter(
            stock__gt=0, stock__lte=LOW_STOCK
        ).count(),
    }
    links = [link["href"] for link in panel.select("table a")]
    assert reverse("shop_stock_adjust", args=[product.pk]) in links
    listed = {int(link.rstrip("/").split("/")[-1]) for link in links}
    assert set(
        ProductPage.objects.filter(pk__in=listed).values_list("locale__language_code", flat=True)
    ) == {"fr"}


def test_the_reservations_panel_counts_lapsing_card_payments_and_old_cash_orders(
    admin_client, make_order, product, fake_stripe
):
    old = make_order([(product, 1)])
    Order.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=CASH_WAIT_DAYS + 1)
    )
    card = make_order([(product, 1)], payment_method=PaymentMethod.CARD)
    Order.objects.filter(pk=card.pk).update(
        payment_expires_at=timezone.now() + timedelta(minutes=4)
    )
    counts, panel = panel_counts(
        admin_client.get(reverse("wagtailadmin_home")), "shop_reservations"
    )
    soon = timezone.now() + timedelta(minutes=10)
    lapsing = Order.objects.filter(
        status=OrderStatus.PENDING_PAYMENT, stock_reserved=True, payment_expires_at__lte=soon
    )
    waiting = Order.objects.filter(
        status=OrderStatus.AWAITING_CASH,
        stock_reserved=True,
        created_at__lt=timezone.now() - timedelta(days=CASH_WAIT_DAYS),
    )
    assert counts == {
        "Pages de paiement par carte fermées ou fermant dans moins de 10 minutes": (
            lapsing.count()
        ),
        f"Commandes en espèces en attente depuis plus de {CASH_WAIT_DAYS} jours": waiting.count(),
    }
    assert waiting.count() >= 1 and lapsing.count() >= 1
    assert old.reference in panel.get_text() and card.reference in panel.get_text()


def test_panels_show_only_to_those_who_act_on_them(client, communications_staff, shop_manager):
    shop_panels = ("shop_orders-section", "shop_low_stock-section", "shop_reservations-section")
    client.force_login(communications_staff)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert not any(panel in html for panel in shop_panels)
    # Everyone sees the consents about to end (stories.dashboard); only that panel.
    assert html.count('class="shop-dashboard__counts"') == 1
    client.force_login(shop_manager)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert all(panel in html for panel in shop_panels)
    assert html.count('class="shop-dashboard__counts"') == 4


def test_the_dashboard_queries_stay_few(admin_client, django_assert_max_num_queries):
    admin_client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(60):
        assert admin_client.get(reverse("wagtailadmin_home")).status_code == 200
