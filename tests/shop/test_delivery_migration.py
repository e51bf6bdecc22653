"""The flat delivery fee and the pickup address become a default zone and a pickup point.

A site made before the zones (migrated up to `shop.0010`) with a fee of 2,500 and a
pickup address is migrated forward: it delivers everywhere at that fee, as before,
and its pickup address is its first pickup point. Runs in its own SQLite file through
`manage.py`, as `tests/impact/test_move_migration.py` does.
"""

import json

from shop import delivery
from tests.impact.test_move_migration import manage

FILL_OLD_DATABASE = """
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

old = MigrationExecutor(connection).loader.project_state(
    [("shop", "0010_order_submission_key")]
).apps
site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
old.get_model("shop", "ShopSettings").objects.create(
    site=site,
    delivery_fee=2500,
    pickup_address="Atelier Mains Libres, 5 rue Vincens, Dakar\\nDu lundi au vendredi, 9 h - 17 h",
)
"""

READ_NEW_DATABASE = """
import json
from django.core.management import call_command

call_command("migrate", "--noinput", "--verbosity=0")
from shop.models import ShopSettings

shop_settings = ShopSettings.objects.get()
print(json.dumps({
    "zones": [
        [zone.name, zone.areas, zone.fee, zone.cash_allowed]
        for zone in shop_settings.delivery_zones.all()
    ],
    "points": [
        [point.address, point.opening_hours] for point in shop_settings.pickup_points.all()
    ],
}))
"""


def test_the_flat_fee_becomes_a_default_zone_and_the_address_a_pickup_point(tmp_path):
    database = tmp_path / "before.sqlite3"
    manage(database, "migrate", "shop", "0010", "--noinput", "--verbosity=0")
    output = manage(database, "shell", "--no-imports", "-c", FILL_OLD_DATABASE + READ_NEW_DATABASE)
    migrated = json.loads(output.strip().splitlines()[-1])
    assert migrated["zones"] == [["Livraison", "", 2500, True]]
    assert migrated["points"] == [
        ["Atelier Mains Libres, 5 rue Vincens, Dakar", "Du lundi au vendredi, 9 h - 17 h"]
    ]
    # A zone without areas covers every place: the site delivers where it did.
    default = delivery.zone_for([type("Zone", (), {"areas": ""})()], "Ziguinchor")
    assert default is not None
