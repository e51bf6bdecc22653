"""Shop managers read and export the enquiries' submissions (`staff.groups`' table)."""

from django.db import migrations

from staff.groups import migrate_staff_groups


class Migration(migrations.Migration):

    dependencies = [
        ("enquiries", "0001_initial"),
        ("shop", "0014_returned_lines"),
        ("impact", "0002_partner_english_description"),
    ]

    operations = [
        # Going back leaves the groups as they are.
        migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop),
    ]
