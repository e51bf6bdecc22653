"""Impact figures: what counts, sums checked by hand, months, caching, reconciliation."""

import csv
import io
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from impact import figures
from shop import lifecycle
from shop.models import Order, OrderLine, ProductPage
from shop.sales import counted_lines, counted_orders, counts, net_lines, sales_by
from tests import sales as hand

pytestmark = pytest.mark.django_db

ORDER_INDEX = "shop_order_modeladmin_index"


def ledger():
    return figures.ledger(hand.CURRENCY)


def read_csv(response):
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body[1:])))


def test_only_paid_fulfilled_and_partly_refunded_orders_count(sales):
    totals = ledger().figures()
    assert totals.paid_to_artisans == hand.PAID_TO_ARTISANS == 88_361
    assert totals.markup == hand.MARKUP == 8_837
    assert totals.items == hand.ITEMS == 6
    assert totals.orders == hand.ORDERS == 3
    assert totals.artisans == hand.ARTISANS == 3
    assert totals.average_per_artisan == hand.AVERAGE == 29_454
    # 88 361 of the 97 198 paid for the pieces: 90.9 % → 91 of every 100.
    assert totals.artisan_share_per_hundred == 91
    assert totals.markup_per_hundred == 9


def test_each_order_counts_as_the_rules_say(sales):
    counted = set(counted_orders(hand.CURRENCY).values_list("pk", flat=True))
    assert counted == {sales.orders[name].pk for name in "CDG"}
    for name in "ABEF":
        assert not counts(sales.orders[name]), name


def test_a_partial_refund_is_split_between_artisans_markup_and_delivery(sales):
    order = sales.orders["G"]
    nets = net_lines(order)
    assert [(net.artisan_share, net.markup) for net in nets] == [(21_141, 2_114), (10_875, 1_088)]
    assert sum(net.artisan_share for net in nets) == 32_016
    assert sum(net.markup for net in nets) == 3_202


def test_per_artisan_and_per_workshop_sums(sales):
    by_artisan = sales_by(("artisan",), counted_lines(hand.CURRENCY))
    assert {key[0]: tally.artisan_share for key, tally in by_artisan.items()} == dict(
        zip([artisan.pk for artisan in sales.artisans], hand.BY_ARTISAN, strict=True)
    )
    by_workshop = sales_by(("workshop",), counted_lines(hand.CURRENCY))
    assert {key[0]: tally.items for key, tally in by_workshop.items()} == dict(
        zip([workshop.pk for workshop in sales.workshops], hand.ITEMS_BY_PRODUCT, strict=True)
    )


def test_figures_come_from_the_snapshots_not_from_todays_prices(sales):
    ProductPage.objects.filter(pk__in=[product.pk for product in sales.products]).update(
        artisan_price=1
    )
    sales.shop_settings.markup_rate = 50
    sales.shop_settings.save()
    assert figures.build_ledger(hand.CURRENCY).figures().paid_to_artisans == 88_361


def test_lines_keep_the_workshop_of_the_sale(sales):
    line = sales.orders["D"].lines.get()
    assert line.workshop == sales.workshops[2]
    assert line.workshop_name == sales.workshops[2].name


def test_an_order_counts_in_the_month_it_was_paid_in_the_sites_time_zone(sales, settings):
    # 1 March 2026, 02:00 in Dakar (UTC+0) but still February in Santiago (UTC−3).
    Order.objects.filter(pk=sales.orders["D"].pk).update(
        paid_at=datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    )
    months = {key[0] for key in sales_by(("month",), counted_lines("XAF"))}
    assert date(2026, 3, 1) in months
    settings.TIME_ZONE = "America/Santiago"
    months = {key[0] for key in sales_by(("month",), counted_lines("XAF"))}
    assert date(2026, 2, 1) in months and date(2026, 3, 1) not in months
    assert figures.build_ledger("XAF").orders_by_month[date(2026, 2, 1)] == 1


def test_months_and_periods_add_up(sales):
    Order.objects.filter(pk=sales.orders["D"].pk).update(
        paid_at=datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
    )
    book = figures.build_ledger(hand.CURRENCY)
    june = figures.MonthRange(date(2025, 6, 1), date(2025, 6, 1))
    assert book.figures(june).paid_to_artisans == 12_345
    assert book.figures(june).orders == 1
    months = book.monthly(figures.MonthRange())
    assert months[0].month == date(2025, 6, 1) and months[-1].month == figures.current_month()
    assert sum(month.paid_to_artisans for month in months) == hand.PAID_TO_ARTISANS
    assert sum(month.orders for month in months) == hand.ORDERS
    assert book.figures(figures.this_year()).paid_to_artisans == hand.PAID_TO_ARTISANS - 12_345


def test_figures_are_cached_until_an_order_changes_status(
    sales, django_assert_num_queries, django_capture_on_commit_callbacks
):
    ledger()
    with django_assert_num_queries(0):
        assert ledger().figures().orders == 3
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.mark_cash_paid(sales.orders["B"], by=sales.manager)
    assert ledger().figures().orders == 4
    assert ledger().figures().paid_to_artisans == hand.PAID_TO_ARTISANS + 10_000


def test_changes_of_unpaid_orders_keep_the_cached_figures(
    sales, django_assert_num_queries, django_capture_on_commit_callbacks
):
    ledger()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        lifecycle.cancel(sales.orders["B"], by=sales.manager)
    assert callbacks  # the signal was sent...
    with django_assert_num_queries(0):  # ...and the figures, unchanged, stayed cached
        assert ledger().figures().orders == 3


def test_a_refund_on_a_fulfilled_order_refreshes_the_figures(
    sales, django_capture_on_commit_callbacks
):
    ledger()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.record_refund(sales.orders["D"], 13_580)  # D's whole total
    assert ledger().figures().paid_to_artisans == hand.PAID_TO_ARTISANS - 12_345


def test_impact_csv_and_order_export_reconcile(sales, client, admin_client, impact_page):
    monthly = read_csv(client.get(impact_page.url + "csv/monthly/"))
    assert sum(int(row["Versé aux artisans (unités mineures)"]) for row in monthly) == 88_361
    assert sum(int(row["Marge perçue (unités mineures)"]) for row in monthly) == 8_837
    assert sum(int(row["Pièces vendues"]) for row in monthly) == 6
    assert sum(int(row["Commandes"]) for row in monthly) == 3

    def export(statuses):
        return read_csv(
            admin_client.get(
                reverse(ORDER_INDEX),
                {"export": "csv", "status__in": statuses, "currency": hand.CURRENCY},
            )
        )

    paid_and_fulfilled = export("paid,fulfilled")
    # A partial refund leaves G paid (it can still be handed over).
    assert {row["Référence"] for row in paid_and_fulfilled} == {
        sales.orders["C"].reference,
        sales.orders["D"].reference,
        sales.orders["G"].reference,
    }
    # C and D, untouched by refunds: their recorded shares are what the figures count.
    untouched = [
        row for row in paid_and_fulfilled if row["Référence"] != sales.orders["G"].reference
    ]
    assert sum(int(row["Part des artisans (unités mineures)"]) for row in untouched) == (
        44_000 + 12_345
    )
    # With refunded orders too, the « Impact » columns add up to the figures exactly.
    counted = export("paid,fulfilled,refunded")
    assert sum(int(row["Impact : versé aux artisans (unités mineures)"]) for row in counted) == (
        88_361
    )
    assert sum(int(row["Impact : marge perçue (unités mineures)"]) for row in counted) == 8_837
    assert sum(int(row["Impact : pièces vendues"]) for row in counted) == 6
    assert [row["Comptée dans les chiffres d'impact"] for row in counted].count("oui") == 3
    refunded_whole = next(row for row in counted if row["Référence"] == sales.orders["F"].reference)
    assert refunded_whole["Impact : versé aux artisans (unités mineures)"] == "0"


def test_the_reconciliation_page_finds_every_month_matching(sales, admin_client):
    response = admin_client.get(reverse("impact_reconciliation"))
    assert response.status_code == 200
    assert response.context["all_match"]
    text = response.content.decode()
    assert "88\u202f361\u00a0FCFA" in text
    row = response.context["rows"][0]
    listed = admin_client.get(row["orders_url"])
    assert listed.status_code == 200
    exported = read_csv(admin_client.get(row["export_url"]))
    assert sum(int(r["Impact : versé aux artisans (unités mineures)"]) for r in exported) == 88_361


def test_a_line_that_disagrees_with_its_order_shows_on_the_reconciliation_page(sales, admin_client):
    OrderLine.objects.filter(order=sales.orders["C"], quantity=2).update(artisan_price=9_000)
    figures.invalidate()
    response = admin_client.get(reverse("impact_reconciliation"))
    assert not response.context["all_match"]
    assert "ne correspond pas" in response.content.decode()


def test_the_reconciliation_is_for_shop_managers(client, communications_staff, shop_manager):
    client.force_login(communications_staff)
    refused = client.get(reverse("impact_reconciliation"))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    client.force_login(shop_manager)
    assert client.get(reverse("impact_reconciliation")).status_code == 200
