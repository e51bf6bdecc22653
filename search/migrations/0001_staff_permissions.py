"""Give the staff groups « Translate » and promoted search results (`staff.groups`)."""

from django.db import migrations

from staff.groups import migrate_staff_groups


class Migration(migrations.Migration):
    dependencies = [
        ("shop", "0005_staff_groups"),
        ("simple_translation", "0001_initial"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    # Going back leaves the permissions: an administrator may rely on them since.
    operations = [migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop)]
