"""Deployed behind a load balancer, the protections slow the abuser and nobody else.

Each visitor connects to nginx from its own loopback address (127.0.0.2, 127.0.0.3 ...);
nginx writes it into X-Forwarded-For and spreads requests over two gunicorn servers, which
share their counters through Redis. Figures are printed (run with -s to read them).

The site is built once for the module in var/test-deploy/<pid>/ (SQLite file, media,
collected static files), with the production settings from the environment. Needs nginx
(Debian's package, installed by .ci/run) and Redis on 127.0.0.1:6379; without them the
tests are skipped, unless REQUIRE_DEPLOY=1 (set by .ci/run) makes them fail.
"""

import json
import os
import re
import secrets
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.servers import (
    ROOT,
    LoopbackSmtp,
    Visitor,
    app_servers,
    forget_redis_keys,
    free_port,
    mail_worker,
    manage,
    nginx,
    nginx_path,
    production_environment,
    redis_reachable,
    require,
)

pytestmark = pytest.mark.servers

REDIS_URL = os.environ.get("DEPLOY_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
STAFF = "deploy-staff"
STAFF_PASSWORD = secrets.token_urlsafe(16)
SHOP_POSTS_PER_MINUTE = 20


def require_services():
    """Skip without nginx or Redis, or fail when REQUIRE_DEPLOY=1 (CI) says they must be there."""
    missing = None
    if nginx_path() is None:
        missing = "nginx is not installed (apt-get install nginx)"
    elif not redis_reachable(REDIS_URL):
        missing = f"Redis does not answer at {REDIS_URL}"
    require(missing, "REQUIRE_DEPLOY")


@dataclass
class Deployment:
    """What the tests reach: the proxy's address, the mail port, the folder and the products."""

    folder: Path
    env: dict
    proxy_url: str
    smtp_port: int
    products: list = field(default_factory=list)

    def visitor(self, source):
        """A visitor connecting to nginx from its own loopback address, as the site sees it."""
        return Visitor(self.proxy_url, source=source, origin="https://127.0.0.1")

    def logs(self, pattern="gunicorn-*.log"):
        return {path.name: path.read_text(errors="replace") for path in self.folder.glob(pattern)}


PRODUCTS_SCRIPT = """
import json
from shop.models import ProductPage
products = ProductPage.objects.live().filter(locale__language_code="fr", stock__gte=20)
print(json.dumps([{"id": p.pk, "url": p.url} for p in products.order_by("path")[:3]]))
"""


def build_site(folder, env):
    prebuilt = os.environ.get("DEPLOY_TEST_PREBUILT")
    if prebuilt:
        # A folder holding db.sqlite3 and media/ from an earlier migrate and load_demo: the
        # demo takes minutes on a busy machine, and these tests do not test the loader.
        shutil.copy(Path(prebuilt) / "db.sqlite3", folder / "db.sqlite3")
        shutil.copytree(Path(prebuilt) / "media", folder / "media")
        manage(env, "migrate", "--noinput", "--verbosity=0")
    else:
        manage(env, "migrate", "--noinput", "--verbosity=0")
        manage(env, "load_demo")
    manage(env, "collectstatic", "--noinput", "--verbosity=0")
    manage(env, "createsuperuser", "--noinput", f"--username={STAFF}", "--email=staff@example.org")
    # Plenty of stock on three products, so the tests never run out of pieces to order.
    manage(
        env,
        "shell",
        "-c",
        "from shop.models import ProductPage; "
        "ProductPage.objects.filter(pk__in=ProductPage.objects.live()"
        ".filter(locale__language_code='fr', stock__gte=2).order_by('path')"
        ".values('pk')[:3]).update(stock=500)",
    )
    return json.loads(manage(env, "shell", "-c", PRODUCTS_SCRIPT).strip().splitlines()[-1])


@pytest.fixture(scope="module")
def deployed():
    require_services()
    folder = ROOT / "var" / "test-deploy" / str(os.getpid())
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    smtp_port = free_port()
    env = production_environment(
        folder,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=f"deploy-test-{os.getpid()}",
        ALLOWED_HOSTS="127.0.0.1",
        TRUSTED_PROXY_NETWORKS="127.0.0.1/32",
        SHOP_POSTS_PER_MINUTE=SHOP_POSTS_PER_MINUTE,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp_port,
        EMAIL_USE_TLS="false",
        EMAIL_TIMEOUT=2,
        MAIL_RETRY_FIRST_SECONDS=1,
        MAIL_RETRY_LONGEST_SECONDS=2,
        DJANGO_SUPERUSER_PASSWORD=STAFF_PASSWORD,
    )
    products = build_site(folder, env)
    with (
        mail_worker(env, folder),
        app_servers(2, env, folder) as servers,
        nginx([server.port for server in servers], folder) as proxy,
    ):
        yield Deployment(folder, env, proxy.url, smtp_port, products)
    forget_redis_keys(REDIS_URL, env["CACHE_KEY_PREFIX"])
    shutil.rmtree(folder, ignore_errors=True)


ORDER_PAGE = re.compile(r"/orders/([^/?]+)/")
SIGNATURE = re.compile(r'name="cart_signature" value="([^"]*)"')


def add_to_cart(visitor, product):
    response = visitor.post_form(
        "/fr/cart/add/", {"product": product["id"], "quantity": 1}, form_path=product["url"]
    )
    return response.status_code, response.headers


def place_cash_order(visitor, product, number):
    """Add one piece, fill in the checkout form, pay on pickup; the order's reference."""
    status, _headers = add_to_cart(visitor, product)
    assert status == 302
    form = visitor.get("/fr/checkout/").text
    signature = SIGNATURE.search(form)
    fields = {
        "name": f"Client {number}",
        "email": f"client{number}@example.org",
        "phone": "+221 77 123 45 67",
        "fulfilment": "pickup",
        "payment_method": "cash",
        "delivery_address": "",
        "note": "",
        "cart_signature": signature.group(1) if signature else "",
    }
    response = visitor.post_form("/fr/checkout/", fields, form_path="/fr/checkout/")
    placed = ORDER_PAGE.search(response.headers.get("Location", ""))
    assert response.status_code == 302 and placed, response.text[:500]
    return placed.group(1)


def login(visitor, password):
    response = visitor.post_form(
        "/admin/login/", {"username": STAFF, "password": password}, form_path="/admin/login/"
    )
    return response.status_code


def test_one_clients_flood_does_not_block_another_client(deployed):
    product = deployed.products[0]
    flooder, shopper = (
        deployed.visitor("127.0.0.2"),
        deployed.visitor("127.0.0.3"),
    )
    flood = Counter(add_to_cart(flooder, product)[0] for _ in range(3 * SHOP_POSTS_PER_MINUTE))
    shopping = Counter(add_to_cart(shopper, product)[0] for _ in range(5))
    print(f"\nflood from 127.0.0.2: {dict(flood)}; shopper from 127.0.0.3: {dict(shopping)}")
    # The two servers share one count: the flooder got its limit, not twice its limit.
    assert flood[302] == SHOP_POSTS_PER_MINUTE
    assert flood[429] == 2 * SHOP_POSTS_PER_MINUTE
    assert shopping == {302: 5}
    served = [log.count('"POST /fr/cart/add/') for log in deployed.logs().values()]
    print(f"cart posts served by each app server: {served}")
    assert len(served) == 2 and all(served)


def test_the_flooders_429_says_when_to_retry(deployed):
    product = deployed.products[0]
    flooder = deployed.visitor("127.0.0.4")
    for _ in range(SHOP_POSTS_PER_MINUTE):
        add_to_cart(flooder, product)
    status, headers = add_to_cart(flooder, product)
    assert status == 429
    assert 1 <= int(headers["Retry-After"]) <= 60


def test_a_staff_login_under_attack_from_one_address_still_works_from_another(deployed):
    attacker, office = (
        deployed.visitor("127.0.0.5"),
        deployed.visitor("127.0.0.6"),
    )
    attempts = Counter(login(attacker, f"guess-{number}") for number in range(30))
    print(f"\nwrong passwords from 127.0.0.5: {dict(attempts)}")
    assert attempts == {200: 5, 429: 25}  # 5 failures, then refused without checking
    assert login(attacker, STAFF_PASSWORD) == 429
    assert login(office, STAFF_PASSWORD) == 302
    print("right password from 127.0.0.6: logged in")


def worker_sent(deployed, server, expected, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and len(server.messages) < expected:
        time.sleep(0.5)
    return len(server.messages)


def orders_found(deployed, references):
    script = (
        "from shop.models import Order; "
        f"print(Order.objects.filter(reference__in={references!r}).count())"
    )
    return int(manage(deployed.env, "shell", "-c", script).strip().splitlines()[-1])


def test_no_order_and_no_mail_is_lost_while_smtp_is_down_or_hangs(deployed):
    product = deployed.products[1]
    references = []
    # Down: nothing listens on the mail port.
    references.append(place_cash_order(deployed.visitor("127.0.0.7"), product, 1))
    # Hung: accepts the connection and never answers.
    with LoopbackSmtp(hung=True, port=deployed.smtp_port):
        started = time.monotonic()
        references.append(place_cash_order(deployed.visitor("127.0.0.8"), product, 2))
        checkout_seconds = time.monotonic() - started
        time.sleep(3)  # the worker tries, and times out after EMAIL_TIMEOUT
    assert checkout_seconds < 10
    assert orders_found(deployed, references) == 2
    # Back: each order's confirmation and the shop managers' notice go out.
    with LoopbackSmtp(port=deployed.smtp_port) as server:
        sent = worker_sent(deployed, server, expected=4)
    subjects = sorted(message["Subject"] for message in server.messages)
    print(
        f"\norders placed with SMTP down and hung: {references}; "
        f"checkout while hung {checkout_seconds:.1f} s; mails sent once back: {sent}"
    )
    for reference in references:
        assert sum(reference in subject for subject in subjects) == 2, subjects
