"""Real-browser tests: Playwright drives Debian's Chromium against the live test server.

What they need and when they are skipped is in `tests.browser.plugin`.

The live server needs committed data, so these tests run in transactions that are
flushed afterwards: Django reloads the demo before each of them (serialized rollback),
from the snapshot `tests/conftest.py` keeps, which also reloads it after the last.
"""

import re

import pytest

from .. import snapshot
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
            # From here this thread runs an event loop, and gets other connection objects.
            snapshot.attach()
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=LAUNCH_ARGS
            )
            yield chromium
            chromium.close()


@pytest.fixture
def site_url(live_server, request):
    """The live server's address, with the demo in its database."""
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
