"""Benchmark: requests per second under load with gunicorn, and the weight of a story page.

Serves var/bench/size-N/ (built by bench/pages.py, or here if missing) with gunicorn,
2 workers and the production settings (DEBUG off, whitenoise, hashed and compressed
static files collected into var/bench/static), on a free port of 127.0.0.1. Then runs
wrk for --duration seconds on each of: home, a story, a product, a cart holding 3 items
(one shopper's session cookie), and one static file (the ceiling: whitenoise, no
Django view). Prints requests/s, median and 99th percentile latency and the responses
that were not 2xx or 3xx. Then weighs a story page as a phone's first visit loads it.
Not a test: figures depend on the machine. Needs wrk (`apt-get install -y wrk`).

    .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --size 300 --duration 5
"""

import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scratch_site  # noqa: E402 (a script run from anywhere: its folder goes on the path first)

# The phone the page weight is measured for: 390 CSS pixels wide, 1 device pixel per CSS
# pixel (the cheapest case; a 3x phone fetches the largest candidates).
VIEWPORT = 390
EM = 16


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3000, help="catalogue size to serve")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per URL")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    return parser.parse_args()


def wrk(url, arguments, headers=()):
    command = [
        "wrk",
        f"-t{arguments.threads}",
        f"-c{arguments.connections}",
        f"-d{arguments.duration}s",
        "--timeout",
        "10s",
        "--latency",
        *[part for header in headers for part in ("-H", header)],
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def number(pattern, default="0"):
        found = re.search(pattern, output)
        return found.group(1) if found else default

    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(number(r"Requests/sec:\s+([\d.]+)")),
        "p50": number(r"50%\s+([\d.]+\w+)", "-"),
        "p99": number(r"99%\s+([\d.]+\w+)", "-"),
        "requests": int(number(r"(\d+) requests in")),
        "not_2xx_3xx": int(number(r"Non-2xx or 3xx responses: (\d+)")),
        "socket_errors": sum(int(value) for value in errors.groups()) if errors else 0,
    }


def cart_cookie(base, product_path, product_ids):
    """The cookies of a shopper who put 3 products in the cart, through the real forms."""
    shopper = scratch_site.Visitor(base)
    _status, _headers, body = shopper.get(product_path)
    token = shopper.token_in(body)
    for product_id in product_ids:
        status, _headers, _body = shopper.post(
            "/fr/cart/add/", {"product": product_id, "quantity": 1}, token
        )
        if status != 302:
            raise SystemExit(f"adding product {product_id} to the cart answered {status}")
    shopper.close()
    return "; ".join(f"{name}={value}" for name, value in shopper.cookies.items())


def static_css_path():
    manifest = json.loads((scratch_site.BENCH / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


# Page weight -------------------------------------------------------------------------------


def slot_width(sizes):
    """The width in CSS pixels the `sizes` attribute gives an image on the phone."""
    for part in (sizes or "100vw").split(","):
        part = part.strip()
        condition = re.match(r"\((min|max)-width:\s*([\d.]+)(em|px)\)\s*(.*)", part)
        if condition:
            bound = float(condition.group(2)) * (EM if condition.group(3) == "em" else 1)
            wide_enough = bound <= VIEWPORT
            if wide_enough != (condition.group(1) == "min"):
                continue
            part = condition.group(4)
        length = re.match(r"([\d.]+)(vw|px|em)", part)
        if length:
            value, unit = float(length.group(1)), length.group(2)
            return value * {"vw": VIEWPORT / 100, "px": 1, "em": EM}[unit]
    return VIEWPORT


def chosen_source(tag):
    """The URL a browser fetches for an <img>: the smallest srcset candidate covering the slot."""
    attributes = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag))
    srcset = attributes.get("srcset")
    if not srcset:
        return attributes.get("src")
    candidates = []
    for candidate in srcset.split(","):
        url, _space, descriptor = candidate.strip().partition(" ")
        candidates.append((int(descriptor.strip().rstrip("w") or 0), url))
    candidates.sort()
    slot = slot_width(attributes.get("sizes"))
    return next((url for width, url in candidates if width >= slot), candidates[-1][1])


def page_weight(base, path, media_root):
    """KB of the story page's HTML, CSS, JS and images, as a first visit on the phone loads it."""
    visitor = scratch_site.Visitor(base)
    gzip_header = {"Accept-Encoding": "gzip"}
    _status, headers, html = visitor.get(path, headers=gzip_header)
    text = (gzip.decompress(html) if headers.get("Content-Encoding") == "gzip" else html).decode()
    weight = {
        "HTML": len(html),
        "HTML if gzipped": len(gzip.compress(text.encode())),
    }
    for kind, pattern in (
        ("CSS", r'<link rel="stylesheet" href="([^"]+)"'),
        ("JS", r'<script src="([^"]+)"'),
    ):
        weight[kind] = 0
        for url in re.findall(pattern, text):
            _status, _headers, body = visitor.get(url, headers=gzip_header)
            weight[kind] += len(body)
    weight["images, loaded at once"] = weight["images, lazy (on scroll)"] = 0
    counts = {"eager": 0, "lazy": 0}
    for tag in re.findall(r"<img\b[^>]*>", text):
        url = chosen_source(tag)
        if not url or not url.startswith("/media/"):
            continue
        size = (Path(media_root) / url.removeprefix("/media/")).stat().st_size
        lazy = 'loading="lazy"' in tag
        weight["images, lazy (on scroll)" if lazy else "images, loaded at once"] += size
        counts["lazy" if lazy else "eager"] += 1
    visitor.close()
    return weight, counts, "gzip" if headers.get("Content-Encoding") == "gzip" else "none"


def served_site(size):
    """(environment, sample pages) of the scratch site of that size, ready for gunicorn
    and wrk (which must be installed)."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: run `apt-get install -y wrk` (as root) first.")
    env = scratch_site.build(f"size-{size}", size)
    scratch_site.collect_static(env)
    scratch_site.setup_django(env)
    return env, scratch_site.sample_pages()


def main():
    arguments = parse_arguments()
    env, pages = served_site(arguments.size)
    cart_ids = scratch_site.cart_products()
    with scratch_site.Server(env) as server:
        cookie = cart_cookie(server.base, pages["product"], cart_ids)
        targets = [
            ("home", pages["home"], ()),
            ("story", pages["story"], ()),
            ("product", pages["product"], ()),
            ("cart, 3 items", "/fr/cart/", (f"Cookie: {cookie}",)),
            ("static CSS (ceiling)", static_css_path(), ("Accept-Encoding: gzip",)),
        ]
        print(
            f"gunicorn, 2 workers, production settings, {arguments.size} products; wrk "
            f"{arguments.threads} threads, {arguments.connections} connections, "
            f"{arguments.duration} s each\n"
        )
        print(f"{'URL':<22} {'req/s':>8} {'p50':>9} {'p99':>9} {'requests':>9} {'non-2xx/3xx':>12}")
        for label, path, headers in targets:
            result = wrk(server.base + path, arguments, headers)
            print(
                f"{label:<22} {result['rps']:>8.1f} {result['p50']:>9} {result['p99']:>9} "
                f"{result['requests']:>9} {result['not_2xx_3xx']:>12}"
                + (f"  socket errors: {result['socket_errors']}" if result["socket_errors"] else "")
            )
        weight, counts, html_encoding = page_weight(server.base, pages["story"], env["MEDIA_ROOT"])
    print(
        f"\nWeight of a story page ({pages['story']}), first visit on a phone 390 CSS px wide "
        f"at 1x\n(img: the smallest srcset candidate covering the `sizes` slot; CSS and JS as "
        f"whitenoise sends them gzipped; HTML as Django sends it: {html_encoding} compression)"
    )
    for label, size in weight.items():
        extra = f" ({counts['eager']} images)" if label == "images, loaded at once" else ""
        extra = f" ({counts['lazy']} images)" if label == "images, lazy (on scroll)" else extra
        print(f"  {label:<26} {size / 1024:>7.1f} KB{extra}")
    first = weight["HTML"] + weight["CSS"] + weight["JS"] + weight["images, loaded at once"]
    print(f"  {'first load (no scrolling)':<26} {first / 1024:>7.1f} KB")
    whole = first + weight["images, lazy (on scroll)"]
    print(f"  {'whole page, scrolled':<26} {whole / 1024:>7.1f} KB")


if __name__ == "__main__":
    main()
