"""The home page and the plain editorial pages (about, delivery, terms, privacy)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from impact.figures import impact_summary
from shop.cards import prepare_cards
from shop.models import ProductPage
from shop.page_lookups import CachedRoutingMixin, CachedViewRestrictionsMixin
from shop.publication import PublicationCheckedPageForm, PublicationGuardMixin
from stories.models import StoryPage

from .blocks import StandardStreamBlock
from .summary import catalogue_summary

FEATURED_COUNT = 3


class HomePage(CachedRoutingMixin, CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
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
        "impact.ImpactPage",
        "impact.PartnerIndexPage",
        "enquiries.PartnershipEnquiryPage",
        "enquiries.CommissionRequestPage",
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


class StandardPage(CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
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
