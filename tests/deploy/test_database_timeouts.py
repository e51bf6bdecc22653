"""A row lock held by another connection: checkout answers "busy, try again" (503) within
the lock timeout instead of freezing a worker, and a form sent twice places one order.

Two gunicorn workers on a copy of the test database; the test holds the product's row
lock from its own connection, as a long staff transaction or a stuck worker would.
"""

import threading
import time
from contextlib import closing, contextmanager

import pytest
from bs4 import BeautifulSoup

from tests.servers import app_servers, connect, database_copy

from .conftest import Shopper, fault_environment, order_count, stock_up

pytestmark = [pytest.mark.postgres, pytest.mark.servers, pytest.mark.django_db]

LOCK_TIMEOUT_MS = 2000
# A lock held longer than any request should wait (the 10 s freeze).
LOCK_HELD = 10


@pytest.fixture(scope="module")
def deployment(django_db_setup, django_db_blocker, product_on_sale, tmp_path_factory):
    folder = tmp_path_factory.mktemp("database-timeouts")
    with django_db_blocker.unblock(), database_copy() as database_url:
        stock_up(database_url, product_on_sale)
        # These tests hold rows, not cache entries: each worker's own cache is enough here
        # (production refuses it otherwise, config.E001).
        env = fault_environment(
            folder,
            DATABASE_URL=database_url,
            DB_LOCK_TIMEOUT_MS=LOCK_TIMEOUT_MS,
            ALLOW_PER_PROCESS_CACHE="true",
        )
        with app_servers(1, env, folder, workers=2, timeout=30) as (servers,):
            yield servers, database_url


@contextmanager
def row_locked(database_url, product):
    """Hold the product's row lock (FOR UPDATE) from another connection until the block ends."""
    with closing(connect(database_url)) as db:
        db.autocommit = False
        db.execute(
            "SELECT stock FROM shop_productpage WHERE page_ptr_id = %s FOR UPDATE", [product.pk]
        )
        try:
            yield
        finally:
            db.rollback()


def both_waiting(database_url, deadline=LOCK_TIMEOUT_MS / 1000 * 0.8):
    """Until two requests wait on a lock (or nearly the lock timeout): then both race."""
    started = time.monotonic()
    with closing(connect(database_url)) as db:
        while time.monotonic() - started < deadline:
            waiting = db.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            ).fetchone()[0]
            if waiting >= 2:
                return
            time.sleep(0.02)


def shopper_at_checkout(servers, product):
    shopper = Shopper(servers.url, timeout=LOCK_HELD + 20)
    shopper.add_to_cart(product)
    return shopper, shopper.checkout_form()


def test_a_checkout_behind_a_row_lock_answers_503_within_the_lock_timeout(
    deployment, product_on_sale
):
    servers, database_url = deployment
    shopper, form = shopper_at_checkout(servers, product_on_sale)
    with row_locked(database_url, product_on_sale):
        started = time.monotonic()
        response = shopper.checkout(form)
        waited = time.monotonic() - started
    print(f"\nCheckout behind a row lock: {response.status_code} after {waited:.2f} s")
    assert response.status_code == 503
    assert waited < LOCK_TIMEOUT_MS / 1000 + 3


def test_the_busy_page_says_to_try_again(deployment, product_on_sale):
    servers, database_url = deployment
    shopper, form = shopper_at_checkout(servers, product_on_sale)
    with row_locked(database_url, product_on_sale):
        response = shopper.checkout(form)
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "réessayer" in text
    assert response.headers["Retry-After"] == "5"


def test_sending_the_form_again_once_the_lock_is_gone_places_the_order(deployment, product_on_sale):
    servers, database_url = deployment
    shopper, form = shopper_at_checkout(servers, product_on_sale)
    orders_before = order_count(database_url)
    with row_locked(database_url, product_on_sale):
        shopper.checkout(form)
    response = shopper.checkout(form)
    assert "/orders/" in response.headers["Location"]
    assert order_count(database_url) == orders_before + 1


def test_a_form_sent_twice_at_once_places_one_order(deployment, product_on_sale):
    """A double click: both posts reach a worker each and wait on the lock together."""
    servers, database_url = deployment
    shopper, form = shopper_at_checkout(servers, product_on_sale)
    twin = Shopper(servers.url, timeout=LOCK_HELD + 20)
    twin.session.cookies.update(shopper.session.cookies)
    orders_before = order_count(database_url)
    answers = []
    posts = [
        threading.Thread(target=lambda who=who: answers.append(who.checkout(form)))
        for who in (shopper, twin)
    ]
    with row_locked(database_url, product_on_sale):
        for post in posts:
            post.start()
        both_waiting(database_url)
    for post in posts:
        post.join()
    placed = order_count(database_url) - orders_before
    print(f"\nForm sent twice at once: {[a.status_code for a in answers]}, {placed} order(s)")
    assert placed == 1
    assert answers[0].headers["Location"] == answers[1].headers["Location"]
