"""Benchmark: Lighthouse's mobile scores (performance, accessibility, best practices, SEO)
of the home, a story and a product page, served as in production.

Serves var/bench/size-N/ (built here if missing, see `scratch_site`) with gunicorn, the
production settings, whitenoise and collected static files (and the pictures, through
`media_wsgi`, which production leaves to the storage), on a free port of 127.0.0.1,
and runs Lighthouse's default mobile run (a throttled mid-range phone) on each page,
--runs times, printing each run's four scores and keeping the reports under
var/bench/lighthouse/. Not a test: figures depend on the machine and its load.

Lighthouse is not one of the project's packages: install it outside the project and say
where it is (LIGHTHOUSE, by default /tmp/lh/node_modules/.bin/lighthouse):

    npm install --prefix /tmp/lh lighthouse
    .venv/bin/python bench/lighthouse.py
    .venv/bin/python bench/lighthouse.py --pages product --runs 3
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scratch_site  # noqa: E402 (a script run from anywhere: its folder goes on the path first)

PAGES = ("home", "story", "product")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# Where the README above installs it; any other place through LIGHTHOUSE.
LIGHTHOUSE = os.environ.get(
    "LIGHTHOUSE",
    "/tmp/lh/node_modules/.bin/lighthouse",  # noqa: S108 (a tool, never written to)
)
REPORTS = scratch_site.BENCH / "lighthouse"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=30, help="catalogue size to serve")
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page")
    return parser.parse_args()


def warm(url):
    """Visit once, as the site's first visitor would: pictures drawn, page cached."""
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (loopback)
        response.read()


def lighthouse(url, report, tries=3):
    """The four category scores (0-100) of one mobile run on `url`, its report kept.

    Lighthouse sometimes fails to record a trace on a loaded machine (NO_NAVSTART): tried
    again, up to `tries` times.
    """
    for attempt in range(1, tries + 1):
        try:
            return run_lighthouse(url, report)
        except subprocess.CalledProcessError:
            if attempt == tries:
                raise
            print(f"    Lighthouse failed on {url}: trying again", flush=True)
    return None


def run_lighthouse(url, report):
    subprocess.run(
        [
            LIGHTHOUSE,
            url,
            f"--chrome-path={CHROME}",
            "--chrome-flags=--headless --no-sandbox --disable-gpu",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            f"--output-path={report}",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROME},
    )
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in CATEGORIES}


def failed_audits(report):
    """Audits under full marks in a report, most costly first, for the reader to act on."""
    data = json.loads(report.read_text())
    weights = {}
    for category in data["categories"].values():
        for ref in category["auditRefs"]:
            weights[ref["id"]] = max(weights.get(ref["id"], 0), ref["weight"])
    audits = [
        audit
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    audits.sort(key=lambda audit: (-weights.get(audit["id"], 0), audit["score"]))
    return [f"{audit['id']} ({audit['score']:.2f})" for audit in audits[:8]]


def main():
    arguments = parse_arguments()
    if not Path(LIGHTHOUSE).exists() and shutil.which(LIGHTHOUSE) is None:
        raise SystemExit(
            f"Lighthouse not found at {LIGHTHOUSE}: `npm install --prefix /tmp/lh lighthouse`,"
            " or set LIGHTHOUSE."
        )
    env = scratch_site.build(f"size-{arguments.size}", arguments.size)
    scratch_site.collect_static(env)
    scratch_site.setup_django(env)
    pages = scratch_site.sample_pages()
    REPORTS.mkdir(parents=True, exist_ok=True)
    # Pictures served by the same gunicorn (bench/media_wsgi.py), as a browser needs them.
    command = [
        scratch_site.GUNICORN,
        "--chdir",
        str(Path(__file__).resolve().parent),
        "media_wsgi:application",
    ]
    with scratch_site.Server(env, command=command) as server:
        print(
            f"Lighthouse, mobile (default throttling); gunicorn, production settings, "
            f"{arguments.size} products\n"
        )
        print(f"{'page':<10} {'run':>3} " + " ".join(f"{name:>14}" for name in CATEGORIES))
        for name in arguments.pages:
            warm(server.base + pages[name])
            for run in range(1, arguments.runs + 1):
                report = REPORTS / f"{name}-{run}.json"
                scores = lighthouse(server.base + pages[name], report)
                print(
                    f"{name:<10} {run:>3} "
                    + " ".join(f"{scores[category]:>14}" for category in CATEGORIES),
                    flush=True,
                )
                below = failed_audits(report)
                if below:
                    print("    under full marks: " + ", ".join(below), flush=True)


if __name__ == "__main__":
    main()
