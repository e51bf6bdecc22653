"""The home page, the impact page, plain editorial pages, partners and impact settings."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from shop.cards import prepare_cards
from shop.figures import DEFAULT_SMALL_GROUP_THRESHOLD
from shop.models import ProductPage
from shop.order_export import csv_rows
from shop.publication import (
    PublicationCheckedPageForm,
    PublicationCheckedSnippetForm,
    PublicationGuardMixin,
)
from stories.models import StoryPage

from . import impact
from .blocks import ImpactStreamBlock, StandardStreamBlock
from .summary import catalogue_summary, impact_summary

FEATURED_COUNT = 3


class HomePage(PublicationGuardMixin, Page):
    """The front door: a welcome, featured stories and products, the impact in a sentence."""

    hero_heading = models.CharField(_("welcome heading"), max_length=150)
    hero_text = models.TextField(
        _("welcome text"), max_length=500, help_text=_("Two or three sentences under the heading.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("welcome image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("welcome image alternative text"), max_length=250, blank=True
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_image_alt"),
            ],
            heading=_("Welcome"),
        ),
        InlinePanel(
            "featured_stories",
            label=_("Featured stories"),
            help_text=_("Left empty, the newest stories are shown."),
            max_num=6,
        ),
        InlinePanel(
            "featured_products",
            label=_("Featured products"),
            help_text=_("Left empty, the newest available products are shown."),
            max_num=8,
        ),
    ]
    base_form_class = PublicationCheckedPageForm
    search_fields = [*Page.search_fields, index.SearchField("hero_text")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "stories.StoryIndexPage",
        "stories.ArtisanIndexPage",
        "shop.ProductIndexPage",
        "home.ImpactPage",
        "home.StandardPage",
    ]
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def featured_story_pages(self):
        chosen = [item.story for item in self.featured_stories.select_related("story__hero_image")]
        # A translated home page may still list its original's picks: only its language's show.
        chosen = [story for story in chosen if story.live and story.locale_id == self.locale_id]
        if chosen:
            return chosen
        return list(
            StoryPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("hero_image")
            .order_by("-date")[:FEATURED_COUNT]
        )

    def featured_product_pages(self):
        chosen = [item.product for item in self.featured_products.select_related("product")]
        chosen = [
            product for product in chosen if product.live and product.locale_id == self.locale_id
        ]
        if chosen:
            return chosen
        return list(
            ProductPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(stock__gt=0)
            .order_by("-first_published_at")[: FEATURED_COUNT + 1]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_stories"] = self.featured_story_pages()
        context["featured_products"] = prepare_cards(request, self.featured_product_pages())
        context["summary"] = catalogue_summary()
        context["impact_summary"] = impact_summary(request)
        return context


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey(
        "stories.StoryPage", verbose_name=_("story"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("story")]


class HomeFeaturedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey(
        "shop.ProductPage", verbose_name=_("product"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("product")]


class ImpactPage(PublicationGuardMixin, RoutablePageMixin, Page):
    """What the shop does for the people who make its goods, in live figures and words.

    Figures come from paid orders (`shop.figures`); readers pick a period with a plain
    GET form and download the monthly and per-workshop figures as CSV.
    """

    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(
        ImpactStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Add figure and chart blocks: they show live figures from paid orders. "
            "Add a method note so readers know what is counted."
        ),
    )

    base_form_class = PublicationCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "pages/impact_page.html"

    class Meta:
        verbose_name = _("impact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reading = impact.ImpactReading(request)
        context["impact"] = reading
        context["monthly_csv_url"] = self.url + self.reverse_subpage("monthly_csv")
        context["workshops_csv_url"] = self.url + self.reverse_subpage("workshops_csv")
        return context

    @path("")
    def index(self, request):
        """The page; a period that makes no sense is answered with a 400 and the reason."""
        response = self.render(request)
        if request.GET and impact.PeriodForm(request.GET).errors:
            response.status_code = 400
        return response

    def csv_response(self, request, rows_for, name):
        reading = impact.ImpactReading(request)
        if reading.errors:
            return HttpResponse(
                "\n".join(str(error) for error in reading.errors),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        months = reading.period(impact.ALL_TIME).months
        response = HttpResponse(
            "".join(csv_rows(rows_for(reading, months))), content_type="text/csv; charset=utf-8"
        )
        filename = f"{name}-{impact.today_stamp()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("csv/monthly/", name="monthly_csv")
    def monthly_csv(self, request):
        """The monthly figures of the chosen period (all months by default), as CSV."""
        return self.csv_response(request, impact.monthly_rows, "impact-monthly")

    @path("csv/workshops/", name="workshops_csv")
    def workshops_csv(self, request):
        """The per-workshop figures, small workshops merged as on the page, as CSV."""
        return self.csv_response(request, impact.workshop_rows, "impact-workshops")


class StandardPage(PublicationGuardMixin, Page):
    """A plain page: about us, delivery, terms of sale, privacy."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(StandardStreamBlock(), verbose_name=_("body"))

    base_form_class = PublicationCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


@register_snippet
class Partner(index.Indexed, models.Model):
    """An organisation the shop works with: a prison administration, an NGO, a funder."""

    class Kind(models.TextChoices):
        PRISON_ADMINISTRATION = "prison_administration", _("Prison administration")
        NGO = "ngo", _("NGO or association")
        FUNDER = "funder", _("Funder")
        COMPANY = "company", _("Company")

    name = models.CharField(_("name"), max_length=150, unique=True)
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
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("link"),
        FieldPanel("description"),
        FieldPanel("workshops"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


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
