"""Give shop managers and communications staff the moderation of buyers' voices (`staff.groups`)."""

from django.db import migrations

from staff.groups import migrate_staff_groups


class Migration(migrations.Migration):
    dependencies = [
        ("voices", "0001_initial"),
        ("search", "0001_staff_permissions"),
    ]

    # Going back leaves the permissions: an administrator may rely on them since.
    operations = [migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop)]
