"""Prices are the shop managers' business: a permission of their own, granted to their group."""

from django.db import migrations

from staff.groups import migrate_staff_groups


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0010_order_submission_key'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='order',
            options={'default_permissions': ('view', 'change'), 'ordering': ['-created_at', '-pk'], 'permissions': [('adjust_stock', 'Can adjust the stock of products'), ('change_prices', 'Can change the prices of products')], 'verbose_name': 'order', 'verbose_name_plural': 'orders'},
        ),
        # Going back leaves the groups as they are.
        migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop),
    ]
