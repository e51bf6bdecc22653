"""A withdrawal recorded through one server process holds on every other one at once.

Two gunicorn processes serve one copy of the demo with production settings, sharing its
SQLite database and the Redis cache production requires (`config.E001`). Both have the
product cards « par Awa Ndiaye » cached on the home page and in the catalogue; the
admin records his withdrawal through the first; the second must never show that card
again. With a cache kept in each process, the second goes on serving it.
"""

import os
import secrets
import sqlite3

import pytest
from django.utils import timezone

from tests.servers import (
    Visitor,
    app_servers,
    forget_redis_keys,
    manage,
    prepare_site,
    production_environment,
    redis_reachable,
    require,
    soup,
)

pytestmark = pytest.mark.servers

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/2")
LEGAL_NAME = "Awa Ndiaye"  # shown under her full name, with cards on both pages
CARD_TEXT = "par Awa Ndiaye"
PAGES_WITH_HER_CARDS = ("/fr/", "/fr/boutique/")
ADMIN = ("withdrawal-admin", secrets.token_urlsafe(12))


@pytest.fixture(scope="module")
def shared_site(tmp_path_factory):
    """The demo on disk, production settings, a Redis key prefix of its own; dropped after."""
    if not redis_reachable(REDIS_URL):
        require(
            f"needs Redis at {REDIS_URL} (set TEST_REDIS_URL) for a cache two servers share",
            "REQUIRE_REDIS",
        )
    prefix = f"test-servers-{secrets.token_hex(4)}"
    folder = tmp_path_factory.mktemp("two-servers")
    env = production_environment(folder, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix)
    prepare_site(env)
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN[1]},
        "createsuperuser",
        "--noinput",
        "--username",
        ADMIN[0],
        "--email",
        "withdrawal-admin@example.org",
    )
    yield folder, env
    forget_redis_keys(REDIS_URL, prefix)


def record_id(env, legal_name):
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:
        row = connection.execute(
            "SELECT id FROM stories_artisanrecord WHERE legal_name = ?", (legal_name,)
        ).fetchone()
    return row[0]


def card_makers(visitor, path):
    answer = visitor.get(path)
    assert answer.status_code == 200, (path, answer.status_code)
    return [meta.get_text(" ", strip=True) for meta in soup(answer).select(".card__meta")]


def test_the_second_server_never_serves_a_stale_card_after_a_withdrawal(shared_site):
    folder, env = shared_site
    with app_servers(2, env, folder) as (first, second):
        shoppers = [Visitor(server.url, follow_redirects=True) for server in (first, second)]
        for shopper in shoppers:
            for path in PAGES_WITH_HER_CARDS:
                assert CARD_TEXT in card_makers(shopper, path), path

        admin = Visitor(first.url, follow_redirects=True)
        admin.log_in(*ADMIN)
        today = timezone.localdate().strftime("%d/%m/%Y")  # as the French admin shows dates
        answer = admin.submit(
            f"/admin/snippets/stories/artisanrecord/edit/{record_id(env, LEGAL_NAME)}/",
            {"consent_withdrawn_on": today},
            form_selector="#w-editor-form",
        )
        assert answer.status_code == 200
        assert "Artisan anonyme" in answer.text, "the withdrawal was not recorded"

        for _visit in range(5):
            for shopper in reversed(shoppers):
                for path in PAGES_WITH_HER_CARDS:
                    makers = card_makers(shopper, path)
                    assert not [meta for meta in makers if LEGAL_NAME in meta], (path, makers)
