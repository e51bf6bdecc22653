"""What the browser tests need, whether it is here, and the run's closing lines about them.

A plugin (listed in tests/conftest.py) rather than hooks in tests/browser/conftest.py:
under xdist only the controller prints the summary, and it never loads that conftest.
"""

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
# One folder per run; xdist workers inherit it from the controller's environment.
ARTIFACTS_ENV = "BROWSER_ARTIFACTS"
ARTIFACTS_DIR = Path(settings.BASE_DIR) / "var" / "browser-artifacts"
# Screenshots of older runs are removed: each run writes about 10 MB.
RUNS_KEPT = 5


def browser_required():
    return os.environ.get("REQUIRE_BROWSER") == "1"


def missing_browser():
    """What the journeys lack to run, in words; empty when they can run."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright not installed (make install)")
    return missing


def missing_axe():
    if AXE_SCRIPT.exists():
        return []
    return [f"{AXE_SCRIPT.relative_to(settings.BASE_DIR)} not found (npm ci)"]


def artifacts_root():
    return Path(os.environ[ARTIFACTS_ENV])


def pytest_configure(config):
    if ARTIFACTS_ENV not in os.environ:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        os.environ[ARTIFACTS_ENV] = str(ARTIFACTS_DIR / stamp)
        forget_old_runs()


def forget_old_runs():
    """Keep the screenshots of the last few runs only (folders named by their time)."""
    runs = sorted(path for path in ARTIFACTS_DIR.glob("*") if path.is_dir())
    for old in runs[: max(len(runs) - (RUNS_KEPT - 1), 0)]:
        shutil.rmtree(old, ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    """Skip what cannot run here, and say why; under REQUIRE_BROWSER=1 let it fail instead."""
    if browser_required():
        return
    missing_all, missing_a11y = missing_browser(), missing_axe()
    for item in items:
        if not item.get_closest_marker("browser"):
            continue
        missing = missing_all + (missing_a11y if "axe" in item.fixturenames else [])
        if missing:
            item.add_marker(pytest.mark.skip(reason="browser tests skipped: " + "; ".join(missing)))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    reports = [report for kind in terminalreporter.stats.values() for report in kind]
    if not any("browser" in getattr(report, "keywords", {}) for report in reports):
        return
    missing = missing_browser() + missing_axe()
    if missing:
        verb = "failed" if browser_required() else "skipped"
        terminalreporter.write_line(f"browser tests {verb}: " + "; ".join(missing))
    if artifacts_root().is_dir():
        terminalreporter.write_line(f"browser screenshots: {artifacts_root()}")
