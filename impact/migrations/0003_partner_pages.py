"""Partners get an address of their own (a slug, made from their name), and the partners'
index page that shows one page per partner."""

import django.db.models.deletion
import shop.page_lookups
import shop.publication
import wagtail.contrib.routable_page.models
from django.conf import settings
from django.db import migrations, models

from stories.slugs import free_slug


def give_partners_slugs(apps, schema_editor):
    """Existing partners get a slug made from their name, distinct from the others'."""
    partner_model = apps.get_model("impact", "Partner")
    for partner in partner_model.objects.order_by("pk"):
        others = partner_model.objects.exclude(pk=partner.pk).exclude(slug="")
        partner.slug = free_slug(partner.name, others, "partenaire", max_length=70)
        partner.save(update_fields=["slug"])


class Migration(migrations.Migration):

    dependencies = [
        ('impact', '0002_partner_english_description'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='partner',
            name='slug',
            field=models.SlugField(blank=True, max_length=80, db_index=False, verbose_name='address'),
        ),
        migrations.RunPython(give_partners_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='partner',
            name='slug',
            field=models.SlugField(blank=True, help_text="The end of its page's address, e.g. « fondation-teranga ». Left empty, it is made from the name.", max_length=80, unique=True, verbose_name='address'),
        ),
        migrations.CreateModel(
            name='PartnerIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=600, verbose_name='introduction')),
                ('enquiry_page', models.ForeignKey(blank=True, help_text="Linked from every partner's page: « Become a partner ».", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='partnership enquiry form')),
            ],
            options={
                'verbose_name': 'partners index',
            },
            bases=(shop.page_lookups.CachedViewRestrictionsMixin, shop.publication.PublicationGuardMixin, wagtail.contrib.routable_page.models.RoutablePageMixin, 'wagtailcore.page'),
        ),
    ]
