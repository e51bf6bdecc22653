"""Real-browser tests: Playwright drives Debian's Chromium against the live test server.

What they need and when they are skipped is in `tests.browser.plugin`.

The live server needs committed data, so these tests run in transactions that are
flushed afterwards. The demo is kept as a snapshot taken just before the first of
them: Django reloads it before each browser test (serialized rollback), and
`pytest_runtest_teardown` reloads it after the last one, so the tests that follow
see the demo as the others left it, whatever the order or the xdist worker.
"""

import re

import pytest
from django.core.cache import caches
from django.db import connections
from pytest_django.plugin import blocking_manager_key

from .plugin import AXE_SCRIPT, CHROMIUM, artifacts_root, missing_axe, missing_browser

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
demo_flushed_key = pytest.StashKey[bool]()


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
        # Generous: on a loaded 2-core CI machine the admin's block chooser took over 10 s.
        context.set_default_timeout(30_000)
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
