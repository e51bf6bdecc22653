"""Fixtures shared by the whole suite.

The demo content is loaded once per test database (it is what a user sees after
`make run`), and every test runs inside a transaction rolled back afterwards. Only
tests that use the database ask for it: a test of pure functions (pricing, charts)
creates no database and loads nothing. Under pytest-xdist each worker has its own
database (`test_<name>_gw0`, ...) and loads the demo into it.
"""

import io
import shutil

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation
from pytest_django.plugin import blocking_manager_key
from wagtail.images import get_image_model
from wagtail.models import Site

from home.models import HomePage
from impact.models import ImpactPage
from shop.cache_versions import PUBLIC_PAGES_KEY, renew_version
from shop.cards import CARD_IMAGE_FILTERS
from shop.models import ProductImage
from staff.groups import COMMUNICATIONS, SHOP_MANAGERS

from . import snapshot

# Orders in every status with hand-computed figures (the `sales` fixture); what the browser
# tests need and the run's closing lines about them.
pytest_plugins = ["tests.sales", "tests.browser.plugin"]


demo_flushed_key = pytest.StashKey[bool]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo, then keep it as the snapshot Django restores (serialized rollback)."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=io.StringIO())
        draw_product_cards()
        snapshot.take()


def draw_product_cards():
    """Draw the product cards' pictures once per database, outside the rolled-back transactions.

    Otherwise every test that shows the catalogue would draw two dozen WebP files again.
    """
    # Renditions drawn before were rolled back but may linger in the cache: forget them so
    # that these are really saved.
    cache.clear()
    images = get_image_model().objects.filter(pk__in=ProductImage.objects.values("image"))
    for image in images:
        image.get_renditions(*CARD_IMAGE_FILTERS)


@pytest.fixture(autouse=True)
def fresh_public_pages():
    """Each test starts with a new public pages' generation (`shop.cache_versions`).

    A test's rolled-back transaction undoes rows without a signal: what the previous
    test cached under the generation (menus, routes, settings) must not be read again.
    """
    renew_version(PUBLIC_PAGES_KEY)


@pytest.fixture(autouse=True)
def french_by_default():
    """Each test starts in French, the site's first language.

    A request activates its language for the rest of the thread: without this, a test
    after one that visited /en/ would reverse English addresses.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def mail_through_the_queue(settings):
    """Every e-mail goes through the task queue, as deployed.

    Django's test set-up swaps EMAIL_BACKEND for its in-memory one; the queue's backend is
    put back, and the test settings' immediate worker delivers to that same `mail.outbox`
    (MAIL_DELIVERY_BACKEND), so every test of an e-mail also tests its way through the queue.
    """
    settings.EMAIL_BACKEND = "config.mail.QueuedEmailBackend"


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(db):
    return HomePage.objects.get(locale__language_code="fr")


@pytest.fixture
def impact_page(db):
    return ImpactPage.objects.live().get(locale__language_code="fr")


@pytest.fixture
def shop_manager(django_user_model):
    user = django_user_model.objects.create_user("gerante", "gerante@example.sn", "motdepasse")
    user.groups.add(Group.objects.get(name=SHOP_MANAGERS))
    return user


@pytest.fixture
def communications_staff(django_user_model):
    user = django_user_model.objects.create_user("redaction", "redaction@example.sn", "motdepasse")
    user.groups.add(Group.objects.get(name=COMMUNICATIONS))
    return user


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.get(username="admin")
    client.force_login(user)
    return client


def _transactional(item, option="transaction"):
    marker = item.get_closest_marker("django_db")
    return marker is not None and marker.kwargs.get(option, False)


@pytest.fixture(autouse=True)
def note_the_flush(request):
    """A transactional test (browser, live server, row locks) empties the database after it."""
    if _transactional(request.node):
        # Only a flush of a serialized-rollback test keeps the content types' keys the
        # snapshot holds (Django recreates them otherwise, under new keys).
        assert _transactional(request.node, "serialized_rollback"), (
            "a transactional test needs serialized_rollback=True: the demo is reloaded after it"
        )
        request.config.stash[demo_flushed_key] = True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, reload the demo for the test that follows.

    A test with serialized rollback reloads it itself before it starts; any other finds
    the demo as the others left it, whatever the order or the xdist worker.
    """
    result = yield
    if nextitem is None or _transactional(nextitem, "serialized_rollback"):
        return result
    if item.config.stash.get(demo_flushed_key, False):
        item.config.stash[demo_flushed_key] = False
        with item.config.stash[blocking_manager_key].unblock():
            snapshot.reload()
    return result


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` need PostgreSQL: skipped, with the reason, on SQLite."""
    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (set DATABASE_URL): SQLite has no row locks nor stemming search"
    )
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


def pytest_sessionfinish(session, exitstatus):
    """A run where no test passed is a failure, not a green build."""
    # This process's uploads and renditions: the next run loads the demo afresh.
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller judges the whole run
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or exitstatus != 0:
        return
    if not reporter.stats.get("passed"):
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED
