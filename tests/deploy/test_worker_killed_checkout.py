"""A gunicorn worker killed after a card order committed, before Stripe answered.

The shopper's checkout places the order (its piece held) and asks Stripe for the payment
page; Stripe is reached through a proxy on the loopback that never answers, so the
worker waits, and is killed there (SIGKILL). No page was made: nobody can pay that order.
It holds its piece for `PAGE_OPENING_TIME` (minutes, not the page's half hour), then the
release command, as cron runs it, puts the piece back on sale and another shopper buys it.
"""

import os
import signal
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

from shop.checkout import PAGE_OPENING_TIME
from tests.servers import (
    LoopbackSmtp,
    RedisServer,
    app_servers,
    connect,
    database_copy,
    manage,
    needs_redis_server,
)

from .conftest import WAIT, Shopper, fault_environment, stock_up, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.servers, pytest.mark.django_db]


def workers_of(server):
    """The pids of a gunicorn master's workers."""
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    return [int(pid) for pid in children.read_text().split()]


def last_order_id(db):
    return db.execute("SELECT coalesce(max(id), 0) FROM shop_order").fetchone()[0]


def pending_order(db, after):
    """The new order waiting for its payment: (id, reference, its page, seconds it holds)."""
    return db.execute(
        "SELECT id, reference, payment_reference, "
        "EXTRACT(EPOCH FROM payment_expires_at - created_at) FROM shop_order "
        "WHERE status = 'pending_payment' AND id > %s",
        [after],
    ).fetchone()


def buys(server, product, payment_method="cash"):
    """Whether a new shopper's checkout places an order for the product (and the answers)."""
    shopper = Shopper(server.url, timeout=60)
    added = shopper.add_to_cart(product)
    form = shopper.checkout_form()
    if form is None:
        return False, (added.status_code, added.headers.get("Location"), "no checkout form")
    answer = shopper.checkout({**form, "payment_method": payment_method})
    placed = answer is not None and "/orders/" in answer.headers.get("Location", "")
    return placed, (added.status_code, answer and answer.status_code, answer and answer.headers)


def test_a_card_order_whose_worker_died_before_stripe_answered_is_released_within_minutes(
    product_on_sale, tmp_path
):
    needs_redis_server()
    product = product_on_sale
    # The shared cache README deploys: the release command's change reaches the worker's pages.
    with (
        RedisServer(tmp_path) as cache_server,
        LoopbackSmtp(hung=True) as silent_stripe,  # accepts, never answers (here: a proxy)
        database_copy() as database_url,
        connect(database_url) as db,
    ):
        stock_up(database_url, product, count=1)
        db.execute("UPDATE shop_shopsettings SET card_payments = true")
        env = fault_environment(
            tmp_path,
            DATABASE_URL=database_url,
            STRIPE_SECRET_KEY="sk_test_never_called",
            STRIPE_WEBHOOK_SECRET="whsec_test_never_called",
            HTTPS_PROXY=f"http://127.0.0.1:{silent_stripe.port}",
            REDIS_URL=cache_server.url,
        )
        with app_servers(1, env, tmp_path, workers=1, timeout=300) as (server,):
            shopper = Shopper(server.url, timeout=WAIT)
            shopper.add_to_cart(product)
            form = {**shopper.checkout_form(), "payment_method": "card"}
            answers = []

            def check_out():
                try:
                    answers.append(shopper.checkout(form))
                except OSError as error:  # the connection dies with the worker
                    answers.append(error)

            before = last_order_id(db)
            buying = threading.Thread(target=check_out)
            buying.start()
            order_id, reference, page, holds = wait_for(
                lambda: pending_order(db, before), "the card order's commit"
            )
            time.sleep(1)  # the worker is now waiting for Stripe's answer
            [worker] = workers_of(server)
            os.kill(worker, signal.SIGKILL)
            buying.join(WAIT)
            print(f"\nWorker killed mid-checkout: answer {answers}, order {reference}")
            assert page == ""  # no payment page was made
            assert holds <= PAGE_OPENING_TIME.total_seconds()
            # gunicorn starts a new worker; the piece is held, nobody can buy it.
            wait_for(lambda: workers_of(server) and workers_of(server) != [worker], "a new worker")
            assert not buys(server, product)[0]

            # Within the deadline the checkout might still finish: the order is left.
            manage(env, "release_expired_reservations")
            assert pending_order(db, before) is not None
            # The minutes pass (the clock is moved back on the order instead).
            late = timedelta(seconds=PAGE_OPENING_TIME.total_seconds() + 1)
            db.execute(
                "UPDATE shop_order SET created_at = created_at - %s, "
                "payment_expires_at = payment_expires_at - %s WHERE id = %s",
                [late, late, order_id],
            )
            output = manage(env, "release_expired_reservations")
            assert f"Released: {reference}" in output
            status = db.execute("SELECT status FROM shop_order WHERE id = %s", [order_id])
            assert status.fetchone() == ("cancelled",)
            stock = db.execute(
                "SELECT stock FROM shop_productpage WHERE page_ptr_id = %s", [product.pk]
            )
            assert stock.fetchone() == (1,)
            placed, answers = buys(server, product)
            assert placed, (answers, server.log())
