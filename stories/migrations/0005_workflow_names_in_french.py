"""Wagtail's default workflow and its task, named in the site's first language.

Wagtail creates them as « Moderators approval »; the French admin then offered
« Soumettre à Moderators approval ». Names an administrator gave them are left alone.
"""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
FRENCH_NAME = "Validation par les modérateurs"


def rename(apps, old, new):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_french(apps, schema_editor):
    rename(apps, WAGTAIL_NAME, FRENCH_NAME)


def to_wagtail(apps, schema_editor):
    rename(apps, FRENCH_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):

    dependencies = [
        ('stories', '0004_story_themes_per_language'),
        ('wagtailcore', '0048_add_default_workflows'),
    ]

    operations = [migrations.RunPython(to_french, to_wagtail)]
