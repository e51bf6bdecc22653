"""Order lines keep the artisan's workshop at the sale; existing lines take the current one."""

import django.db.models.deletion
from django.db import migrations, models


def snapshot_workshops(apps, schema_editor):
    order_line = apps.get_model("shop", "OrderLine")
    lines = order_line.objects.filter(artisan__isnull=False, workshop__isnull=True)
    for line in lines.select_related("artisan__workshop"):
        line.workshop = line.artisan.workshop
        line.workshop_name = line.artisan.workshop.name
        line.save(update_fields=["workshop", "workshop_name"])


class Migration(migrations.Migration):

    dependencies = [
        ('shop', '0005_staff_groups'),
        ('stories', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='orderline',
            name='workshop',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='order_lines', to='stories.workshop', verbose_name='workshop'),
        ),
        migrations.AddField(
            model_name='orderline',
            name='workshop_name',
            field=models.CharField(blank=True, max_length=120, verbose_name="workshop's name"),
        ),
        migrations.RunPython(snapshot_workshops, migrations.RunPython.noop),
    ]
