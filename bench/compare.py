"""Benchmark: requests per second of this site beside Wagtail's own demo (bakerydemo), page by page.

Both sites run on SQLite with production settings and local-memory caches, each under
gunicorn with 2 sync workers on a free loopback port; wrk (Debian's `wrk` package: a
Python client could not load two cores) runs --duration seconds per URL after a
warm-up, --runs times, the two sites alternated page by page, and the median is
printed:

- this site uncached (PAGE_CACHE_SECONDS=0: every request rendered) beside its like
  bakerydemo page: home, story / blog post, product / bread page, story index / blog
  index, search;
- this site with its page cache (`config/pagecache.py`), anonymous visitors;
- a static file through the same server (whitenoise): the ceiling.

bakerydemo is not on PyPI and GitHub may be out of reach: point BAKERYDEMO_DIR at a
checkout of github.com/wagtail/bakerydemo and BAKERYDEMO_PYTHON at the Python of a
virtualenv holding its requirements with this site's Wagtail and Django (the script
copies the checkout under var/bench/bakerydemo, loads its demo data and serves it).
Without them, its column is skipped with a message. Not a test: figures depend on the
machine.

    BAKERYDEMO_DIR=~/bakerydemo BAKERYDEMO_PYTHON=~/bakerydemo-venv/bin/python \\
        .venv/bin/python bench/compare.py --size 3000
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load  # noqa: E402 (a script run from anywhere: its folder goes on the path first)
import scratch_site  # noqa: E402

PAIRS = [
    ("home", "home", "home"),
    ("story vs blog post", "story", "blog post"),
    ("product vs bread page", "product", "bread"),
    ("story index vs blog index", "story index", "blog index"),
    ("search", "search", "search"),
]
CACHED = ["home", "story", "product", "story index", "artisan", "product index"]
BAKERY_PAGES = """
import json
from bakerydemo.blog.models import BlogIndexPage, BlogPage
from bakerydemo.breads.models import BreadPage
from wagtail.models import Site
print(json.dumps({
    "home": Site.objects.get(is_default_site=True).root_page.url,
    "blog post": BlogPage.objects.live().order_by("path").first().url,
    "bread": BreadPage.objects.live().order_by("path").first().url,
    "blog index": BlogIndexPage.objects.live().first().url,
    "search": "/search/?q=bread",
}))
"""


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000, help="catalogue size of this site")
    parser.add_argument("--duration", type=int, default=15, help="seconds of wrk per URL and run")
    parser.add_argument("--runs", type=int, default=3, help="runs per URL (the median is shown)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    return parser.parse_args()


class Bakerydemo:
    """bakerydemo from a local checkout, served by its own Python like this site."""

    def __init__(self, checkout, python):
        self.source = Path(checkout)
        self.python = python
        self.place = scratch_site.BENCH / "bakerydemo"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
            "DJANGO_SECRET_KEY": scratch_site.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{self.place / 'db.sqlite3'}",
            "DJANGO_LOG_LEVEL": "WARNING",
            # Plain HTTP on the loopback, as this site's benchmark servers.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
        }
        for name in ("REDIS_URL", "REDIS_TLS_URL", "ELASTICSEARCH_ENDPOINT"):
            self.env.pop(name, None)

    def manage(self, *arguments):
        return subprocess.run(
            [self.python, "manage.py", *arguments],
            cwd=self.place,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def build(self):
        """A copy of the checkout with its demo loaded; kept for the next run."""
        if (self.place / "ready").exists():
            return
        shutil.rmtree(self.place, ignore_errors=True)
        shutil.copytree(self.source, self.place, ignore=shutil.ignore_patterns(".git"))
        started = time.perf_counter()
        self.manage("migrate", "--noinput")
        self.manage("load_initial_data")
        self.manage("collectstatic", "--noinput")
        (self.place / "ready").write_text("1")
        print(f"  bakerydemo: built in {time.perf_counter() - started:.0f} s", flush=True)

    def pages(self):
        return json.loads(self.manage("shell", "-c", BAKERY_PAGES).strip().splitlines()[-1])

    def server(self):
        gunicorn = [self.python, "-m", "gunicorn", "bakerydemo.wsgi"]
        return scratch_site.Server(
            self.env, log_name="gunicorn-bakerydemo.log", command=gunicorn, cwd=self.place
        )


def bakerydemo():
    """The bakerydemo site to compare with, or None (with the reason printed)."""
    checkout, python = os.environ.get("BAKERYDEMO_DIR"), os.environ.get("BAKERYDEMO_PYTHON")
    if not checkout or not (Path(checkout) / "bakerydemo").is_dir():
        print(
            "bakerydemo column skipped: set BAKERYDEMO_DIR to a checkout of "
            "github.com/wagtail/bakerydemo (and BAKERYDEMO_PYTHON to a Python with its "
            "requirements, Wagtail and Django as pinned here)."
        )
        return None
    python = python or sys.executable
    try:
        subprocess.run([python, "-c", "import wagtail, bakerydemo"], cwd=checkout, check=True)
    except (OSError, subprocess.CalledProcessError):
        print(f"bakerydemo column skipped: {python} cannot import wagtail and bakerydemo.")
        return None
    return Bakerydemo(checkout, python)


def warm(base, path, count=20):
    for _request in range(count):
        with urllib.request.urlopen(base + path, timeout=30) as answer:  # noqa: S310
            answer.read()


def rate(base, path, arguments, headers=()):
    """Requests/s of one wrk run on that URL; a run with errors says so."""
    result = load.wrk(base + path, arguments, headers)
    if result["not_2xx_3xx"] or result["socket_errors"]:
        print(
            f"  {base}{path}: {result['not_2xx_3xx']} non-2xx/3xx, "
            f"{result['socket_errors']} socket errors"
        )
    return result["rps"]


def median_rates(targets, arguments):
    """{label: median req/s}, the targets measured in turn in each run (alternated)."""
    rates = {label: [] for label, _base, _path, _headers in targets}
    for _run in range(arguments.runs):
        for label, base, path, headers in targets:
            rates[label].append(rate(base, path, arguments, headers))
    return {label: statistics.median(values) for label, values in rates.items()}


def main():
    arguments = parse_arguments()
    env, pages = load.served_site(arguments.size)
    other = bakerydemo()
    other_pages = {}
    if other is not None:
        other.build()
        other_pages = other.pages()
    uncached_env = {**env, "PAGE_CACHE_SECONDS": "0"}
    cached_env = {**env, "PAGE_CACHE_SECONDS": "600"}
    with (
        scratch_site.Server(uncached_env, log_name="gunicorn-uncached.log") as uncached,
        scratch_site.Server(cached_env, log_name="gunicorn-cached.log") as cached,
        other.server() if other else _nothing() as bakery,
    ):
        targets = []
        for label, ours, theirs in PAIRS:
            warm(uncached.base, pages[ours])
            targets.append((f"{label}: this site", uncached.base, pages[ours], ()))
            if bakery:
                warm(bakery.base, other_pages[theirs])
                targets.append((f"{label}: bakerydemo", bakery.base, other_pages[theirs], ()))
        for name in CACHED:
            warm(cached.base, pages[name])
            targets.append((f"cached {name}", cached.base, pages[name], ()))
        static = load.static_css_path()
        targets.append(("static", cached.base, static, ("Accept-Encoding: gzip",)))
        print(
            f"\ngunicorn 27, 2 sync workers each, production settings, SQLite, local-memory "
            f"cache, {arguments.size} products; wrk -t{arguments.threads} "
            f"-c{arguments.connections} {arguments.duration} s, median of {arguments.runs} "
            f"runs, sites alternated page by page\n"
        )
        rates = median_rates(targets, arguments)
    print_tables(rates, bool(other))


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def print_tables(rates, with_bakerydemo):
    print("| page | this site req/s | bakerydemo req/s (like page) | ratio |")
    print("|---|---|---|---|")
    for label, _ours, _theirs in PAIRS:
        mine = rates[f"{label}: this site"]
        if with_bakerydemo:
            theirs = rates[f"{label}: bakerydemo"]
            ratio = f"{mine / theirs:.2f}" if theirs else "-"
            print(f"| {label} | {mine:.0f} | {theirs:.0f} | {ratio} |")
        else:
            print(f"| {label} | {mine:.0f} | (skipped) | - |")
    ceiling = rates["static"]
    print("\n| page, from the page cache | req/s | share of the static file |")
    print("|---|---|---|")
    for name in CACHED:
        print(
            f"| {name} | {rates[f'cached {name}']:.0f} | {rates[f'cached {name}'] / ceiling:.0%} |"
        )
    print(f"| static file (ceiling) | {ceiling:.0f} | 100% |")


if __name__ == "__main__":
    main()
