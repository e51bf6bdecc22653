"""Real-browser tests: Playwright drives Debian's Chromium against the live test server.

They need /usr/bin/chromium (`apt-get install chromium`) and, for the accessibility
checks, axe-core from npm (`npm ci`). Without them the tests are skipped and the run
says why at the end; with REQUIRE_BROWSER=1 (CI) they fail instead.

The live server needs committed data, so these tests run in transactions that are
flushed afterwards. The demo is kept as a snapshot taken just before the first of
them: Django reloads it before each browser test (serialized rollback), and
`pytest_runtest_teardown` reloads it after the last one, so the tests that follow
see the demo as the others left it, whatever the order or the xdist worker.
"""

import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from pytest_django.plugin import blocking_manager_key

CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# One folder per run; xdist workers inherit it from the controller's environment.
ARTIFACTS_ENV = "BROWSER_ARTIFACTS"
browser_missing_key = pytest.StashKey[list]()
demo_flushed_key = pytest.StashKey[bool]()


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
        os.environ[ARTIFACTS_ENV] = str(
            Path(settings.BASE_DIR) / "var" / "browser-artifacts" / stamp
        )


def pytest_collection_modifyitems(config, items):
    """Skip what cannot run here, and say why; under REQUIRE_BROWSER=1 let it fail instead."""
    browser_items = [item for item in items if item.get_closest_marker("browser")]
    if not browser_items:
        return
    missing_all, missing_a11y = missing_browser(), missing_axe()
    config.stash[browser_missing_key] = missing_all + missing_a11y
    if browser_required():
        return
    for item in browser_items:
        missing = missing_all + (missing_a11y if "axe" in item.fixturenames else [])
        if missing:
            item.add_marker(pytest.mark.skip(reason="browser tests skipped: " + "; ".join(missing)))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    missing = config.stash.get(browser_missing_key, [])
    if missing:
        verb = "failed" if browser_required() else "skipped"
        terminalreporter.write_line(f"browser tests {verb}: " + "; ".join(missing))
    root = artifacts_root()
    if root.is_dir():
        terminalreporter.write_line(f"browser screenshots: {root}")


# The demo snapshot ---------------------------------------------------------------------


def _database_blocker(config):
    return config.stash[blocking_manager_key]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Keep the database as the first browser test finds it: the snapshot Django restores.

    Overriding this fixture (which pytest-django's transaction set-up depends on) is what
    makes the snapshot come after the demo is loaded and before the first browser test.
    """
    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the flush that ends a browser test, reload the demo for the tests that follow."""
    result = yield
    next_restores_itself = nextitem is not None and nextitem.get_closest_marker("browser")
    if nextitem is None or next_restores_itself:
        return result
    if item.config.stash.get(demo_flushed_key, False):
        item.config.stash[demo_flushed_key] = False
        with _database_blocker(item.config).unblock():
            for connection in connections.all():
                connection.creation.deserialize_db_from_string(
                    connection._test_serialized_contents
                )
        # Figures and renditions cached during the browser test describe rows now gone.
        for cache in caches.all():
            cache.clear()
    return result


# Browser and pages ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    missing = missing_browser()
    if missing:
        pytest.fail("browser tests required (REQUIRE_BROWSER=1): " + "; ".join(missing))
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API runs an event loop in this thread; Django refuses ORM
    # calls from a thread with a running loop unless told the calls are synchronous.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=LAUNCH_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture
def site_url(live_server, request):
    """The live server's address, with the demo in its database."""
    request.config.stash[demo_flushed_key] = True
    return live_server.url


class Screenshots:
    """Saves one numbered screenshot per step of a journey, for CI to keep."""

    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    def take(self, page, step):
        self.count += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        name = f"{self.count:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower()).strip('-')}.png"
        page.screenshot(path=str(self.folder / name), full_page=True)


@pytest.fixture
def screenshots(request):
    test_name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
    return Screenshots(artifacts_root() / test_name)


@pytest.fixture
def open_page(browser, site_url, screenshots, request):
    """Opens pages, each in a fresh context (no cookies), in French; `open_page(**options)`
    takes Playwright's context options. A screenshot of each is kept when the test fails."""
    pages = []

    def open_page(**options):
        options = {"viewport": {"width": 1280, "height": 900}, "locale": "fr-FR", **options}
        context = browser.new_context(base_url=site_url, **options)
        context.set_default_timeout(10_000)
        pages.append(context.new_page())
        return pages[-1]

    yield open_page
    report = getattr(request.node, "rep_call", None)
    for page in pages:
        if report is not None and report.failed:
            screenshots.take(page, "failure")
        page.context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


@pytest.fixture
def axe():
    """The path of axe-core's script, installed from npm."""
    missing = missing_axe()
    if missing:
        pytest.fail("accessibility checks required (REQUIRE_BROWSER=1): " + "; ".join(missing))
    return AXE_SCRIPT
