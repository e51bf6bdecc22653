"""Create the "Communications" and "Shop managers" groups from `shop.staff_groups`."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from shop.staff_groups import apply_staff_groups


def create_groups(apps, schema_editor):
    # Permissions are normally created after every migration has run; the groups need
    # them now, so create the missing content types and permissions first.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, apps=apps, verbosity=0)
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    apply_staff_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0004_shopsettings_pickup_address"),
        ("stories", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    # Going back leaves the groups: people may have been put in them since.
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
