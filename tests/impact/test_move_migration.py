"""The impact models moved from `home` to `impact`: a site made before keeps its data.

Each test builds a database as it was before the move (migrated up to
`home.0003`), fills it with an impact page, its revision, a partner running a
workshop, the impact settings and the communications group's permissions, then
migrates it forward. It runs in its own SQLite file through `manage.py`, since the
test database is already migrated and holds the demo.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run in the old state: historical models as they were at home.0003.
FILL_OLD_DATABASE = """
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

old = MigrationExecutor(connection).loader.project_state(
    [("home", "0003_staff_groups_impact")]
).apps
content_type = old.get_model("contenttypes", "ContentType")
page_model = old.get_model("wagtailcore", "Page")
root = page_model.objects.get(depth=1)
impact_type, _ = content_type.objects.get_or_create(app_label="home", model="impactpage")
page_type, _ = content_type.objects.get_or_create(app_label="wagtailcore", model="page")
page = old.get_model("home", "ImpactPage").objects.create(
    title="Notre impact", draft_title="Notre impact", slug="impact", path=root.path + "0099",
    depth=2, numchild=0, url_path="/impact/", content_type=impact_type, live=True,
    locale_id=root.locale_id, intro="Ce que nos ventes changent.", body="[]",
)
root.numchild += 1
root.save()
old.get_model("wagtailcore", "Revision").objects.create(
    content_type=impact_type, base_content_type=page_type, object_id=str(page.pk),
    object_str=page.title, content={"pk": page.pk, "title": page.title},
    created_at=timezone.now(),
)
workshop = old.get_model("stories", "Workshop").objects.create(name="Atelier du Fleuve")
partner = old.get_model("home", "Partner").objects.create(
    name="Direction pénitentiaire", kind="prison_administration", description="Des ateliers."
)
partner.workshops.add(workshop)
site = old.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
old.get_model("home", "ImpactSettings").objects.create(site=site, small_group_threshold=5)
"""

# Then, in the same process, migrate forward and read with today's models.
READ_NEW_DATABASE = """
import json
from django.core.management import call_command

call_command("migrate", "--noinput", "--verbosity=0")
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from impact.models import ImpactPage, ImpactSettings, Partner

page = Page.objects.get(slug="impact")
print(json.dumps({
    "specific_class": page.specific_class.__name__,
    "intro": page.specific.intro,
    "revision_object": type(Revision.objects.get(object_id=str(page.pk)).as_object()).__name__,
    "partner_workshops": [w.name for w in Partner.objects.get().workshops.all()],
    "threshold": ImpactSettings.objects.get().small_group_threshold,
    "home_content_types": list(
        ContentType.objects.filter(
            app_label="home", model__in=["impactpage", "partner", "impactsettings"]
        ).values_list("model", flat=True)
    ),
    "communications": sorted(
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name="Communications").permissions.all()
        if p.content_type.model in ("partner", "impactsettings")
    ),
}))
"""


def manage(database, *arguments):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    return subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def migrated_from_before_the_move(tmp_path_factory):
    database = tmp_path_factory.mktemp("move") / "before.sqlite3"
    manage(database, "migrate", "home", "0003", "--noinput", "--verbosity=0")
    output = manage(database, "shell", "--no-imports", "-c", FILL_OLD_DATABASE + READ_NEW_DATABASE)
    return json.loads(output.strip().splitlines()[-1])


def test_an_impact_page_made_before_the_move_is_an_impact_page_after_it(
    migrated_from_before_the_move,
):
    assert migrated_from_before_the_move["specific_class"] == "ImpactPage"
    assert migrated_from_before_the_move["intro"] == "Ce que nos ventes changent."


def test_its_revisions_follow_the_page(migrated_from_before_the_move):
    assert migrated_from_before_the_move["revision_object"] == "ImpactPage"


def test_partners_keep_their_workshops_and_the_settings_their_threshold(
    migrated_from_before_the_move,
):
    assert migrated_from_before_the_move["partner_workshops"] == ["Atelier du Fleuve"]
    assert migrated_from_before_the_move["threshold"] == 5


def test_no_content_type_is_left_behind_in_home(migrated_from_before_the_move):
    assert migrated_from_before_the_move["home_content_types"] == []


def test_communications_staff_keep_their_rights_on_partners_and_settings(
    migrated_from_before_the_move,
):
    assert migrated_from_before_the_move["communications"] == [
        "impact.add_partner",
        "impact.change_impactsettings",
        "impact.change_partner",
        "impact.delete_partner",
        "impact.view_partner",
    ]
