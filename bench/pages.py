"""Benchmark: SQL queries and server time of each public page type, at several catalogue sizes.

For each size, builds var/bench/size-N/ (its own SQLite database and media: migrate,
load_demo, generate_catalogue --products N; kept for the next run unless --fresh), then
requests each page with Django's test Client in a process running the production
settings, and prints the number of SQL queries and the median time of --repeat requests,
with the cache emptied before each request (cold) and after a first request (warm).
Not a test: timings depend on the machine.

    .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --sizes 30,300 --repeat 9
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scratch_site  # noqa: E402 (a script run from anywhere: its folder goes on the path first)

PAGES = [
    "home",
    "standard page",
    "story index",
    "story",
    "artisan index",
    "artisan",
    "product index",
    "product",
    "cart, 3 items",
    "search",
    "impact",
]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30,300,3000", help="catalogue sizes, comma-separated")
    parser.add_argument("--repeat", type=int, default=5, help="requests per page and cache state")
    parser.add_argument("--fresh", action="store_true", help="rebuild the databases")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # one size, in a child
    return parser.parse_args()


def timed(client, path, clear_cache):
    """(seconds, queries) of one GET, which must answer 200."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if clear_cache:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    return elapsed, len(queries.captured_queries)


def measure(size, repeat):
    """Measure every page of the size's site; print one JSON line of results."""
    # The queries of pages rendered: the page cache (`bench/compare.py` measures it) is off.
    scratch_site.setup_django(
        {**scratch_site.environment(f"size-{size}"), "PAGE_CACHE_SECONDS": "0"}
    )
    from django.test import Client
    from django.urls import reverse

    from home.models import StandardPage
    from shop.models import ProductPage

    paths = scratch_site.sample_pages()
    paths["standard page"] = StandardPage.objects.live().filter(locale__language_code="fr")[0].url
    browser = Client(HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    cart = Client(HTTP_USER_AGENT="Mozilla/5.0 (bench)")
    for product_id in scratch_site.cart_products():
        cart.post(reverse("shop:cart_add"), {"product": product_id, "quantity": 1})
    clients = dict.fromkeys(paths, browser)
    paths["cart, 3 items"], clients["cart, 3 items"] = reverse("shop:cart"), cart
    results = {"products": ProductPage.objects.filter(locale__language_code="fr").count()}
    for label in PAGES:
        row = {}
        for state, clear in (("cold", True), ("warm", False)):
            timed(clients[label], paths[label], clear)  # the first request of a process
            runs = [timed(clients[label], paths[label], clear) for _ in range(repeat)]
            row[state] = {
                "ms": statistics.median(seconds for seconds, _q in runs) * 1000,
                "queries": runs[-1][1],
            }
        row["path"] = paths[label]
        results[label] = row
    print(json.dumps(results))


def print_table(results):
    sizes = list(results)
    print("\nSQL queries and median server time (ms), cache empty / warm; sizes = products")
    header = f"{'page':<15}" + "".join(
        f" | {str(size) + ' cold':>14} {str(size) + ' warm':>14}" for size in sizes
    )
    print(header)
    print("-" * len(header))
    for label in PAGES:
        cells = []
        for size in sizes:
            row = results[size][label]
            cells.append(
                f" | {row['cold']['queries']:>3} q {row['cold']['ms']:>6.1f} ms"
                f" {row['warm']['queries']:>3} q {row['warm']['ms']:>5.1f} ms"
            )
        print(f"{label:<15}" + "".join(cells))


def main():
    arguments = parse_arguments()
    if arguments.measure:
        measure(arguments.measure, arguments.repeat)
        return
    sizes = [int(size) for size in arguments.sizes.split(",") if size.strip()]
    print(f"Building the sites ({', '.join(map(str, sizes))} products) under var/bench/")
    env = None
    for size in sizes:
        env = scratch_site.build(f"size-{size}", size, fresh=arguments.fresh)
    scratch_site.collect_static(env)
    results = {}
    for size in sizes:
        # One process per size: Django is set up once per process, on one database.
        child = subprocess.run(
            [
                scratch_site.PYTHON,
                __file__,
                "--measure",
                str(size),
                "--repeat",
                str(arguments.repeat),
            ],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        results[size] = json.loads(child.stdout.strip().splitlines()[-1])
    print_table(results)
    print(
        "\nPages measured:",
        json.dumps(
            {k: v["path"] for k, v in results[sizes[-1]].items() if isinstance(v, dict)},
            ensure_ascii=False,
        ),
    )


if __name__ == "__main__":
    main()
