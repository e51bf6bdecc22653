"""Benchmark: the impact page, its CSV files and the admin reports with 100 000 order lines.

Builds a scratch database (a temporary SQLite file, or the empty database given with
--database-url), loads the demo, adds orders in bulk until there are --lines order
lines spread over 18 months in every status, then times each page twice: with the
figures' cache empty (the first reader after an order changed) and warm. Prints the
time and the number of SQL queries of each. Not a test: timings depend on the machine.

    .venv/bin/python bench/impact.py
    .venv/bin/python bench/impact.py --lines 20000
    .venv/bin/python bench/impact.py --database-url postgres://postgres@127.0.0.1:5432/scratch
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STATUSES = [
    ("fulfilled", 78),
    ("paid", 8),
    ("cancelled", 6),
    ("awaiting_cash", 3),
    ("refunded", 3),
    ("pending_payment", 2),
]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000, help="order lines to create")
    parser.add_argument("--database-url", help="an EMPTY database to use (default: temp SQLite)")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs to average")
    return parser.parse_args()


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())


def generate(line_count, rng):
    """Orders and lines in bulk, priced as the checkout prices them (`shop.pricing`)."""
    from django.db import transaction
    from django.utils import timezone

    from shop import pricing
    from shop.models import Order, OrderLine, ProductPage, ShopSettings

    shop_settings = ShopSettings.objects.get()
    # Every bench order is delivered in the first zone (Dakar in the demo).
    delivery_fee = shop_settings.delivery_zones.first().fee
    products = list(ProductPage.objects.live().select_related("artisan__workshop"))
    statuses = [status for status, weight in STATUSES for _ in range(weight)]
    now = timezone.now()
    made = 0
    number = 0
    while made < line_count:
        orders, order_lines = [], []
        for _ in range(2_000):
            number += 1
            status = rng.choice(statuses)
            placed = now - timedelta(days=rng.randint(0, 540), minutes=rng.randint(0, 1440))
            chosen = [
                (rng.choice(products), rng.choice([1, 1, 1, 2]))
                for _ in range(rng.choice([1, 2, 2, 3, 4]))
            ]
            breakdowns = [
                (product, quantity, shop_settings.breakdown(product.artisan_price))
                for product, quantity in chosen
            ]
            items_total = pricing.order_total(
                pricing.line_total(price.unit_price, quantity) for _p, quantity, price in breakdowns
            )
            artisan_total = pricing.order_total(
                pricing.line_total(price.artisan_price, quantity)
                for _p, quantity, price in breakdowns
            )
            total = items_total + delivery_fee
            refunded = 0
            if status == "refunded":
                refunded = total if rng.random() < 0.5 else total // 3
            paid = status in ("paid", "fulfilled", "refunded")
            orders.append(
                Order(
                    reference=f"BENCH-{number:07d}",
                    status=status,
                    payment_method="cash",
                    fulfilment="delivery",
                    customer_name="Client Banc",
                    email=f"client{number}@banc.example",
                    phone="+221 77 000 00 00",
                    currency=shop_settings.currency,
                    markup_rate=shop_settings.markup_rate,
                    items_total=items_total,
                    artisan_total=artisan_total,
                    markup_total=items_total - artisan_total,
                    delivery_fee=delivery_fee,
                    total=total,
                    refunded_amount=refunded,
                    created_at=placed,
                    paid_at=placed + timedelta(hours=3) if paid else None,
                )
            )
            order_lines.append(breakdowns)
        with transaction.atomic():
            Order.objects.bulk_create(orders)
            lines = [
                OrderLine(
                    order=order,
                    product=product,
                    product_title=product.title,
                    artisan=product.artisan,
                    artisan_name=product.artisan.title,
                    workshop=product.artisan.workshop,
                    workshop_name=product.artisan.workshop.name,
                    artisan_price=price.artisan_price,
                    markup_rate=price.markup_rate,
                    markup_amount=price.markup_amount,
                    unit_price=price.unit_price,
                    quantity=quantity,
                    line_total=pricing.line_total(price.unit_price, quantity),
                )
                for order, breakdowns in zip(orders, order_lines, strict=True)
                for product, quantity, price in breakdowns
            ]
            OrderLine.objects.bulk_create(lines, batch_size=2_000)
        made += len(lines)
    return made


def measure(label, action, repeat):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as cold_queries:
        start = time.perf_counter()
        action()
        cold = time.perf_counter() - start
    warm_times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as warm_queries:
            start = time.perf_counter()
            action()
            warm_times.append(time.perf_counter() - start)
    warm = sum(warm_times) / len(warm_times)
    print(
        f"{label:<38} {cold * 1000:>9.0f} ms {len(cold_queries.captured_queries):>4} q"
        f"   {warm * 1000:>8.0f} ms {len(warm_queries.captured_queries):>4} q"
    )


def main():
    arguments = parse_arguments()
    scratch = None
    database_url = arguments.database_url
    if not database_url:
        scratch = tempfile.TemporaryDirectory(prefix="bench-impact-")
        database_url = f"sqlite:///{scratch.name}/bench.sqlite3"
    started = time.perf_counter()
    setup_django(database_url)

    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    from home.models import HomePage
    from impact import figures
    from impact.models import ImpactPage
    from shop.models import OrderLine

    rng = random.Random("bench-impact")
    generate(max(0, arguments.lines - OrderLine.objects.count()), rng)
    figures.invalidate()
    print(
        f"{connection.vendor}: {OrderLine.objects.count():,} order lines, "
        f"set up in {time.perf_counter() - started:.0f} s\n"
    )
    client = Client(HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="admin"))
    impact = ImpactPage.objects.live().get().url
    home = HomePage.objects.get().url

    def get(browser, url, params=None):
        def action():
            response = browser.get(url, params or {})
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            return response

        return action

    print(f"{'':<38} {'cache empty':>17}   {'cache warm':>16}")
    measure("figures.build_ledger()", lambda: figures.build_ledger("XOF"), arguments.repeat)
    measure("impact page", get(client, impact), arguments.repeat)
    measure(
        "impact page, chosen months",
        get(client, impact, {"start": "2025-07", "end": "2026-06"}),
        arguments.repeat,
    )
    measure("impact CSV, monthly", get(client, impact + "csv/monthly/"), arguments.repeat)
    measure("impact CSV, workshops", get(client, impact + "csv/workshops/"), arguments.repeat)
    measure("home page", get(client, home), arguments.repeat)
    measure(
        "admin: impact reconciliation",
        get(admin, reverse("impact_reconciliation")),
        arguments.repeat,
    )
    measure("admin: artisans' earnings", get(admin, reverse("shop_earnings")), arguments.repeat)
    measure(
        "admin: stories that sell", get(admin, reverse("impact_stories_report")), arguments.repeat
    )
    if scratch:
        scratch.cleanup()


if __name__ == "__main__":
    main()
