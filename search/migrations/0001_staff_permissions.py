"""Give the staff groups « Translate » and promoted search results (`shop.staff_groups`)."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from shop.staff_groups import apply_staff_groups


def grant(apps, schema_editor):
    # The permissions of apps installed since the groups were made may not exist yet.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    apply_staff_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0005_staff_groups"),
        ("simple_translation", "0001_initial"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    # Going back leaves the permissions: an administrator may rely on them since.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
