"""Create the "Communications" and "Shop managers" groups from `staff.groups`."""

from django.db import migrations

from staff.groups import migrate_staff_groups


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
    operations = [migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop)]
