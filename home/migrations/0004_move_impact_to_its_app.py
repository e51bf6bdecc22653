"""The impact page, its settings and partners moved to the `impact` app.

Only Django's record of the models leaves `home` here; the tables are kept and
`impact.0001_initial` takes them over (renaming them and moving their content
types, so pages, revisions, log entries and permissions follow).
"""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_staff_groups_impact'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ImpactPage'),
                migrations.DeleteModel(name='ImpactSettings'),
                migrations.DeleteModel(name='Partner'),
            ],
            database_operations=[],
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('text', 0), ('image', 5), ('quote', 8), ('gallery', 10), ('video', 12), ('call_to_action', 18), ('partners', 22)], block_lookup={0: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'bold', 'italic', 'link', 'ol', 'ul', 'hr'], 'label': 'Text', 'template': 'components/streamfield/blocks/text_block.html'}), 1: ('wagtail.images.blocks.ImageChooserBlock', (), {'label': 'Image'}), 2: ('wagtail.blocks.CharBlock', (), {'help_text': 'Describe what the image shows for people who cannot see it.', 'label': 'Alternative text', 'max_length': 250}), 3: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'Photo credit', 'max_length': 120, 'required': False}), 5: ('wagtail.blocks.StructBlock', [[('image', 1), ('alt_text', 2), ('caption', 3), ('credit', 4)]], {}), 6: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 7: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('quote', 6), ('attribution', 7)]], {}), 9: ('wagtail.blocks.ListBlock', (5,), {'label': 'Images', 'min_num': 2}), 10: ('wagtail.blocks.StructBlock', [[('images', 9)]], {}), 11: ('wagtail.embeds.blocks.EmbedBlock', (), {'help_text': 'For example a YouTube or Vimeo link.', 'label': 'Video URL'}), 12: ('wagtail.blocks.StructBlock', [[('video', 11), ('caption', 3)]], {}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 14: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 15: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 60}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page of the site', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Or an external link', 'required': False}), 18: ('wagtail.blocks.StructBlock', [[('heading', 13), ('text', 14), ('button_label', 15), ('page', 16), ('external_url', 17)]], {}), 19: ('wagtail.snippets.blocks.SnippetChooserBlock', ('impact.Partner',), {}), 20: ('wagtail.blocks.ListBlock', (19,), {'help_text': 'Left empty, every partner is listed.', 'label': 'Partners', 'required': False}), 21: ('wagtail.blocks.BooleanBlock', (), {'default': True, 'label': 'Show the figures of the workshops they run', 'required': False}), 22: ('wagtail.blocks.StructBlock', [[('heading', 13), ('partners', 20), ('show_figures', 21)]], {})}, verbose_name='body'),
        ),
    ]
