"""What the impact page publishes about whom: partners, and the smallest group shown.

Models of the impact app kept apart from the page (`impact.models` imports them), so
that the blocks and the page's reading can use them without importing the page.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from shop.languages import in_reader_language
from shop.publication import PublicationCheckedSnippetForm
from stories.slugs import free_slug

from .figures import DEFAULT_SMALL_GROUP_THRESHOLD


@register_snippet
class Partner(index.Indexed, models.Model):
    """An organisation the shop works with: a prison administration, an NGO, a funder.

    Its name is its own in every language; what it does is written in the site's first
    language (`description`) and in each other one (`description_<language>`).
    """

    class Kind(models.TextChoices):
        PRISON_ADMINISTRATION = "prison_administration", _("Prison administration")
        NGO = "ngo", _("NGO or association")
        FUNDER = "funder", _("Funder")
        COMPANY = "company", _("Company")

    name = models.CharField(_("name"), max_length=150, unique=True)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "The end of its page's address, e.g. « fondation-teranga ». Left empty, it is "
            "made from the name."
        ),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"),
        max_length=800,
        help_text=_("What the partner does with the shop, in two or three sentences."),
    )
    description_en = models.TextField(
        _("description in English"),
        max_length=800,
        blank=True,
        help_text=_("Shown on the English site. Left empty, it shows the description above."),
    )
    workshops = models.ManyToManyField(
        "stories.Workshop",
        verbose_name=_("workshops it runs"),
        blank=True,
        related_name="partners",
        help_text=_(
            "The impact page shows the figures of these workshops with the partner "
            "(workshops with few artisans are counted with others, never alone)."
        ),
    )

    # Shown on the impact page: saving it publishes it, so the policy checks every save.
    base_form_class = PublicationCheckedSnippetForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("description_en"),
        FieldPanel("workshops"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Safety net for partners created in code: an address made from the name.
        if not self.slug:
            others = Partner.objects.exclude(pk=self.pk)
            self.slug = free_slug(self.name, others, "partenaire", max_length=70)
        return super().save(*args, **kwargs)

    @property
    def display_description(self):
        """What it does, in the reader's language (the first language's when not written)."""
        return in_reader_language(self, "description")


@register_setting(icon="doc-full")
class ImpactSettings(BaseSiteSetting):
    """How impact figures are published: the smallest group shown on its own."""

    small_group_threshold = models.PositiveSmallIntegerField(
        _("smallest group of artisans shown"),
        default=DEFAULT_SMALL_GROUP_THRESHOLD,
        validators=[
            MinValueValidator(2, message=_("At least 2: one person alone is never shown.")),
            MaxValueValidator(50, message=_("At most 50.")),
        ],
        help_text=_(
            "Workshops where fewer artisans earned in a period are counted together under "
            "« other workshops » on the impact page and in its CSV files, so that nobody's "
            "earnings can be worked out. Changes show at once."
        ),
    )

    panels = [FieldPanel("small_group_threshold")]

    class Meta:
        verbose_name = _("impact settings")
