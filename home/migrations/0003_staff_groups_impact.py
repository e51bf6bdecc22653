"""Give the staff groups what this issue added: partners, impact settings, earnings, reports.

The table is `staff.groups.STAFF_GROUPS`; `migrate_staff_groups` adds what is
missing and removes nothing.
"""

from django.db import migrations

from staff.groups import migrate_staff_groups


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_impact_blocks_partners_settings"),
        ("shop", "0007_payouts_story_views"),
    ]

    # Going back leaves the groups' permissions: people may rely on them.
    operations = [migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop)]
