"""Bounded load run on the buying path: many shoppers at once, then checks that no piece was
sold twice and no order was lost.

Builds a scratch site (PostgreSQL when it answers on 127.0.0.1:5432, in a database of its
own, dropped first and at the end; else SQLite under var/bench/buying/), with --products
products. Sets the stock of a few products with `shop.stock.adjust_stock`: --contested one-of-a-kind
pieces (1 each) and as many limited ones (10 each) that the shoppers compete for, and a
few plentiful ones. Serves it with gunicorn (2 workers, production settings), then
--sessions shoppers at once, for --duration seconds, each repeat as new visitors: open a
product page, add it to the cart, open the checkout, pay on delivery (pickup), open the
order page. Then prints attempts, orders, errors, and checks in the database:

- oversells: a product whose stock is below 0, or whose units in orders placed during
  the run (not cancelled) exceed the stock it had at the start, or whose stock now is not
  the start stock less those units;
- lost orders: an order page a shopper saw without its order (with that one line) in the
  database, or an order in the database no shopper saw.

Both must be 0. Not a test: it prints; run it by hand (`make load`).

    .venv/bin/python bench/buying.py
    .venv/bin/python bench/buying.py --sqlite --duration 20 --sessions 20
"""

import argparse
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scratch_site  # noqa: E402 (a script run from anywhere: its folder goes on the path first)

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
DATABASE_NAME = "mainslibres_bench_buying"
SIGNATURE = re.compile(r'name="cart_signature" value="([^"]*)"')
ORDER_PAGE = re.compile(r"/fr/orders/([^/]+)/$")
# How shoppers pick what to buy: mostly the pieces they compete for.
CHOICE_WEIGHTS = {"contested": 4, "limited": 3, "plentiful": 3}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50, help="shoppers at once")
    parser.add_argument("--duration", type=int, default=60, help="seconds of buying")
    parser.add_argument("--products", type=int, default=300, help="catalogue size")
    parser.add_argument("--contested", type=int, default=5, help="one-of-a-kind pieces fought for")
    parser.add_argument(
        "--sqlite", action="store_true", help="use SQLite even if PostgreSQL answers"
    )
    return parser.parse_args()


PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-q", "-c"]


def drop_postgres_database():
    drop = f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)"
    subprocess.run([*PSQL, drop], check=True, stderr=subprocess.DEVNULL)


def postgres_database():
    """A new, empty PostgreSQL database for the run, or None when PostgreSQL does not answer."""
    try:
        subprocess.run([*PSQL, "SELECT 1"], check=True, capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    drop_postgres_database()
    subprocess.run([*PSQL, f"CREATE DATABASE {DATABASE_NAME}"], check=True)
    return f"{POSTGRES_SERVER}/{DATABASE_NAME}"


def prepare_stock(contested_count):
    """{group: [(product id, path)]} and {product id: stock at the start}."""
    from django.db import connections

    from shop import stock
    from shop.models import ProductPage

    generated = ProductPage.objects.live().filter(slug__startswith="gen-").order_by("path")
    contested = list(generated.filter(one_of_a_kind=True, stock=1)[:contested_count])
    several = list(generated.filter(one_of_a_kind=False, stock__gt=1)[: contested_count + 10])
    groups = {
        "contested": contested,
        "limited": several[:contested_count],
        "plentiful": several[contested_count:],
    }
    for product in groups["limited"]:
        stock.adjust_stock(product, 10, expected=product.stock)
    for product in groups["plentiful"]:
        stock.adjust_stock(product, 100_000, expected=product.stock)
    chosen = [product for products in groups.values() for product in products]
    initial = dict(
        ProductPage.objects.filter(pk__in=[p.pk for p in chosen]).values_list("pk", "stock")
    )
    connections.close_all()  # the server's workers get the database to themselves
    return {group: [(p.pk, p.url) for p in products] for group, products in groups.items()}, initial


class Shoppers:
    """What every shopper saw, gathered from their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.outcomes = Counter()
        self.seen_orders = {}  # reference: product id
        self.order_seconds = []  # product page to order page, for each order placed
        self.examples = {}

    def record(self, outcome, detail=""):
        with self.lock:
            self.outcomes[outcome] += 1
            if detail and outcome not in self.examples:
                self.examples[outcome] = detail

    def order_seen(self, reference, product_id, seconds):
        with self.lock:
            self.seen_orders[reference] = product_id
            self.order_seconds.append(seconds)


def classify(status, step):
    if status >= 500:
        return f"5xx at {step}"
    return f"unexpected {status} at {step}"


def buy_once(base, product_id, path, shoppers, number):
    """One new visitor buying one piece; records how it went."""
    visitor = scratch_site.Visitor(base, timeout=30)
    started = time.monotonic()
    try:
        status, _headers, body = visitor.get(path)
        if status != 200:
            return shoppers.record(classify(status, "product page"))
        token = visitor.token_in(body)
        if token is None:  # a sold piece's page has no add-to-cart form
            return shoppers.record("sold out on the product page")
        status, _headers, body = visitor.post(
            "/fr/cart/add/", {"product": product_id, "quantity": 1}, token
        )
        if status == 400:  # the page showed the piece, it sold meanwhile: the cart says so
            return shoppers.record("sold out when adding to the cart")
        if status != 302:
            return shoppers.record(classify(status, "add to cart"))
        status, headers, body = visitor.get("/fr/checkout/")
        if status == 302:
            return shoppers.record("sold out before the checkout form")
        if status != 200:
            return shoppers.record(classify(status, "checkout form"))
        signature = SIGNATURE.search(body.decode())
        fields = {
            "name": f"Client Charge {number}",
            "email": f"client{number}@charge.example",
            "phone": "+221 77 123 45 67",
            "fulfilment": "pickup",
            "payment_method": "cash",
            "delivery_address": "",
            "note": "",
            "cart_signature": signature.group(1) if signature else "",
        }
        status, headers, body = visitor.post("/fr/checkout/", fields, visitor.token_in(body))
        location = headers.get("Location", "")
        placed = ORDER_PAGE.search(location)
        if status == 302 and placed is None:
            return shoppers.record("sold out at the checkout (back to the cart)")
        if status != 302:
            return shoppers.record(classify(status, "checkout"), body.decode()[:300])
        reference = placed.group(1)
        status, _headers, body = visitor.get(location)
        if status != 200 or reference not in body.decode():
            return shoppers.record(classify(status, "order page"))
        shoppers.order_seen(reference, product_id, time.monotonic() - started)
        shoppers.record("order placed")
    except TimeoutError:
        shoppers.record("timeout")
    except OSError as error:
        shoppers.record("connection error", str(error))
    finally:
        visitor.close()


def shop_until(deadline, base, groups, shoppers, seed):
    rng = random.Random(seed)
    names = list(CHOICE_WEIGHTS)
    attempt = 0
    while time.monotonic() < deadline:
        attempt += 1
        group = rng.choices(names, weights=[CHOICE_WEIGHTS[name] for name in names])[0]
        product_id, path = rng.choice(groups[group])
        buy_once(base, product_id, path, shoppers, f"{seed}-{attempt}")


def check(shoppers, initial, first_order_id):
    """(oversold products, lost orders) as lines of text; both lists must be empty."""
    from django.db.models import Sum

    from shop.models import Order, OrderLine, OrderStatus, ProductPage

    orders = {
        order.reference: order
        for order in Order.objects.filter(pk__gte=first_order_id).prefetch_related("lines")
    }
    sold = dict(
        OrderLine.objects.filter(order__pk__gte=first_order_id)
        .exclude(order__status=OrderStatus.CANCELLED)
        .values("product_id")
        .annotate(units=Sum("quantity"))
        .values_list("product_id", "units")
    )
    now = dict(ProductPage.objects.filter(pk__in=initial).values_list("pk", "stock"))
    oversold = []
    for product_id, start in initial.items():
        units = sold.get(product_id, 0)
        if now[product_id] < 0 or units > start or now[product_id] != start - units:
            oversold.append(
                f"product {product_id}: {start} at start, {units} sold, {now[product_id]} now"
            )
    lost = []
    for reference, product_id in shoppers.seen_orders.items():
        order = orders.get(reference)
        lines = [(line.product_id, line.quantity) for line in order.lines.all()] if order else []
        if lines != [(product_id, 1)]:
            lost.append(f"{reference}: seen by a shopper, in the database {lines or 'missing'}")
    for reference in orders.keys() - shoppers.seen_orders.keys():
        lost.append(f"{reference}: in the database, no shopper saw it")
    return oversold, lost, orders, sold


def main():
    arguments = parse_arguments()
    database_url = None if arguments.sqlite else postgres_database()
    vendor = "PostgreSQL" if database_url else "SQLite"
    print(f"Building the site ({arguments.products} products, {vendor})...", flush=True)
    env = scratch_site.build("buying", arguments.products, database_url=database_url, fresh=True)
    scratch_site.collect_static(env)
    scratch_site.setup_django(env)
    from shop.models import Order

    groups, initial = prepare_stock(arguments.contested)
    first_order_id = (Order.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    shoppers = Shoppers()
    with scratch_site.Server(env, log_name="gunicorn-buying.log") as server:
        print(
            f"{arguments.sessions} shoppers for {arguments.duration} s against gunicorn "
            f"(2 workers) on {vendor}...",
            flush=True,
        )
        started = time.monotonic()
        deadline = started + arguments.duration
        threads = [
            threading.Thread(
                target=shop_until, args=(deadline, server.base, groups, shoppers, number)
            )
            for number in range(arguments.sessions)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    oversold, lost, orders, sold = check(shoppers, initial, first_order_id)
    attempts = sum(shoppers.outcomes.values())
    print(
        f"\nDatabase: {vendor}; {elapsed:.0f} s; {attempts} attempts "
        f"({attempts / elapsed:.1f}/s), each 5 requests when it goes through"
    )
    for outcome, count in shoppers.outcomes.most_common():
        print(f"  {outcome:<45} {count:>6}")
    for outcome, example in shoppers.examples.items():
        print(f"  e.g. {outcome}: {example[:200]!r}")
    for group, products in groups.items():
        units = sum(sold.get(product_id, 0) for product_id, _path in products)
        stock = sum(initial[product_id] for product_id, _path in products)
        print(f"  {group:<10} {len(products)} products, {stock} pieces at start, {units} sold")
    if shoppers.order_seconds:
        times = sorted(shoppers.order_seconds)
        slow = times[int(len(times) * 0.95)]
        print(
            f"Time to buy (5 requests), orders placed: median "
            f"{statistics.median(times):.2f} s, 95th percentile {slow:.2f} s"
        )
    print(
        f"Orders in the database from the run: {len(orders)}; seen by shoppers: "
        f"{len(shoppers.seen_orders)}"
    )
    errors = sum(
        count
        for outcome, count in shoppers.outcomes.items()
        if outcome.startswith(("5xx", "unexpected", "timeout", "connection error"))
    )
    print(f"Errors (5xx, unexpected status, timeout, connection): {errors}")
    print(f"Oversells: {len(oversold)}")
    for line in oversold:
        print("  " + line)
    print(f"Orders lost: {len(lost)}")
    for line in lost[:20]:
        print("  " + line)
    if database_url:
        from django.db import connections

        connections.close_all()
        drop_postgres_database()  # the SQLite one stays in var/bench/buying/ to look at


if __name__ == "__main__":
    main()
