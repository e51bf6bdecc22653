"""The impact page, its settings and partners, taken over from `home` with their data.

`home.0004` dropped them from home's state; here they enter impact's state on
their old tables, their content types move (pages, revisions, log entries,
reference index and permissions point at content types, so they follow), then the
tables are renamed to impact's names.
"""

import django.core.validators
import django.db.models.deletion
import modelsearch.index
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

from staff.groups import migrate_staff_groups

MOVED_MODELS = ('impactpage', 'impactsettings', 'partner')


def move_content_types(apps, schema_editor, old='home', new='impact'):
    """Point the models' content types at their new app, keeping their ids."""
    content_type = apps.get_model('contenttypes', 'ContentType')
    for model in MOVED_MODELS:
        existing = content_type.objects.filter(app_label=old, model=model)
        if existing.exists():
            # A row made for the new label before this ran (nothing can use it yet).
            content_type.objects.filter(app_label=new, model=model).delete()
            existing.update(app_label=new)
    content_type.objects.clear_cache()


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old='impact', new='home')


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0004_move_impact_to_its_app'),
        ('stories', '0002_consent_and_private_records'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ImpactPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(max_length=600, verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('text', 0), ('image', 5), ('quote', 8), ('gallery', 10), ('video', 12), ('call_to_action', 18), ('partners', 22), ('figures', 26), ('monthly_chart', 26), ('workshop_chart', 26), ('franc_split', 26), ('method_note', 29)], blank=True, block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'ol', 'ul', 'hr'], 'label': 'Text', 'template': 'components/streamfield/blocks/text_block.html'}), 1: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe what the image shows for people who cannot see it.', 'label': 'Alternative text', 'max_length': 250}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'Photo credit', 'max_length': 120, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 1), ('alt_text', 2), ('caption', 3), ('credit', 4)]], {}), 6: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('quote', 6), ('attribution', 7)]], {}), 9: ('wagtail.blocks.ListBlock', (5,), {'label': 'Images', 'min_num': 2}), 10: ('wagtail.blocks.StructBlock', [[('images', 9)]], {}), 11: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'For example a YouTube or Vimeo link.', 'label': 'Video URL'}), 12: ('wagtail.blocks.StructBlock', [[('video', 11), ('caption', 3)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 60}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page of the site', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Or an external link', 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('heading', 13), ('text', 14), ('button_label', 15), ('page', 16), ('external_url', 17)]], {}), 19: ('wagtail.snippets.blocks.SnippetChooserBlock', ('impact.Partner',), {}), 20: ('wagtail.blocks.ListBlock', (19,), {'help_text': 'Left empty, every partner is listed.', 'label': 'Partners', 'required': False}), 21: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'Show the figures of the workshops they run', 'required': False}), 22: ('wagtail.blocks.StructBlock', [[('heading', 13), ('partners', 20), ('show_figures', 21)]], {}), 23: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('all_time', 'Since the first sale'), ('this_year', 'This year'), ('last_12_months', 'The last 12 months'), ('custom', 'Chosen months')], 'help_text': 'What the block shows until a reader picks months at the top of the page.', 'label': 'Period'}), 24: ('wagtail.blocks.DateBlock', (), {'help_text': 'For « chosen months »: any day of the first month.', 'label': 'First month', 'required': False}), 25: ('wagtail.blocks.DateBlock', (), {'help_text': 'For « chosen months »: any day of the last month (included).', 'label': 'Last month', 'required': False}), 26: ('wagtail.blocks.StructBlock', [[('heading', 13), ('period', 23), ('first_month', 24), ('last_month', 25)]], {}), 27: ('wagtail.blocks.CharBlock', (), {'default': 'How we count', 'label': 'Heading', 'max_length': 120}), 28: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'help_text': 'Shown after the rules, which the site writes itself so they are always right.', 'label': 'Your own words (optional)', 'required': False}), 29: ('wagtail.blocks.StructBlock', [[('heading', 27), ('text', 28)]], {})}, help_text='Add figure and chart blocks: they show live figures from paid orders. Add a method note so readers know what is counted.', verbose_name='body')),
                    ],
                    options={
                        'db_table': 'home_impactpage',
                        'verbose_name': 'impact page',
                    },
                    bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='ImpactSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('small_group_threshold', models.PositiveSmallIntegerField(default=3, help_text="Workshops where fewer artisans earned in a period are counted together under « other workshops » on the impact page and in its CSV files, so that nobody's earnings can be worked out. Changes show at once.", validators=[django.core.validators.MinValueValidator(2, message='At least 2: one person alone is never shown.'), django.core.validators.MaxValueValidator(50, message='At most 50.')], verbose_name='smallest group of artisans shown')),
                        ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                    ],
                    options={
                        'db_table': 'home_impactsettings',
                        'verbose_name': 'impact settings',
                    },
                ),
                migrations.CreateModel(
                    name='Partner',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, unique=True, verbose_name='name')),
                        ('kind', models.CharField(choices=[('prison_administration', 'Prison administration'), ('ngo', 'NGO or association'), ('funder', 'Funder'), ('company', 'Company')], max_length=30, verbose_name='kind')),
                        ('link', models.URLField(blank=True, verbose_name='website')),
                        ('description', models.TextField(help_text='What the partner does with the shop, in two or three sentences.', max_length=800, verbose_name='description')),
                        ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='logo')),
                        ('workshops', models.ManyToManyField(blank=True, help_text='The impact page shows the figures of these workshops with the partner (workshops with few artisans are counted with others, never alone).', related_name='partners', to='stories.workshop', verbose_name='workshops it runs')),
                    ],
                    options={
                        'db_table': 'home_partner',
                        'verbose_name': 'partner',
                        'verbose_name_plural': 'partners',
                        'ordering': ['name'],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
        migrations.AlterModelTable(name='impactpage', table=None),
        migrations.AlterModelTable(name='impactsettings', table=None),
        migrations.AlterModelTable(name='partner', table=None),
        # Staff groups: the table now names impact's permissions (see staff.groups).
        migrations.RunPython(migrate_staff_groups, migrations.RunPython.noop),
    ]
