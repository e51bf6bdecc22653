"""The catalogue: product categories and the product index with its filters."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

from .. import relations
from ..addresses import page_url
from ..cards import prepare_cards
from ..filters import ProductFilterForm
from ..languages import in_reader_language
from ..page_lookups import CachedViewRestrictionsMixin
from ..publication import (
    PublicationCheckedPageForm,
    PublicationCheckedSnippetForm,
    PublicationGuardMixin,
)
from .products import RICH_TEXT_FEATURES, ProductPage
from .settings import ShopSettings

PRODUCTS_PER_PAGE = 24


@register_snippet
class ProductCategory(models.Model):
    """A family of products shoppers filter by: art, furniture, clothing, decor...

    One category for every translation of a product (products share it, see
    `ProductPage`), named in each language: `name` in the site's first language,
    `name_<language>` in the others (English: `name_en`). A new language adds its field.
    """

    name = models.CharField(_("name"), max_length=80, unique=True)
    name_en = models.CharField(
        _("name in English"),
        max_length=80,
        blank=True,
        help_text=_("Shown on the English site. Left empty, it shows the name above."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Used in catalogue addresses, e.g. « ?category=mobilier »."),
    )

    # Shown in the catalogue's filters: every save is checked by the publication policy.
    base_form_class = PublicationCheckedSnippetForm
    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """The name in the reader's language, the first language's when it has none."""
        return in_reader_language(self, "name")


class ProductIndexPage(CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
    """The catalogue: every product, filtered and sorted with plain links; sold pieces stay."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = PublicationCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["shop.ProductPage"]
    max_count_per_parent = 1
    template = "pages/product_index_page.html"

    class Meta:
        verbose_name = _("product index")

    def products(self):
        """The live, public products of this catalogue, in no particular order."""
        return ProductPage.objects.child_of(self).live().public()

    def filter_form(self, request, products, currency):
        """The filter form bound to the request, offering only what this catalogue holds."""
        return ProductFilterForm(
            request.GET,
            categories=ProductCategory.objects.filter(pk__in=products.values("category_id")),
            workshops=relations.workshop_model().objects.filter(
                pk__in=products.values("artisan__workshop_id")
            ).order_by("name"),
            artisans=relations.artisan_model()
            .objects.filter(pk__in=products.values("artisan_id"))
            .order_by("title"),
            currency=currency,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        shop_settings = ShopSettings.for_request(request)
        products = self.products()
        form = self.filter_form(request, products, shop_settings.currency)
        # Invalid values are reported beside their field and left out; the rest still applies.
        form.is_valid()
        listing = form.apply(
            products.annotate(shopper_price=shop_settings.unit_price_expression()),
            price_field="shopper_price",
        )
        page = Paginator(listing.select_related("artisan"), PRODUCTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        page.object_list = prepare_cards(request, page.object_list)
        query = form.canonical_query()
        canonical_query = {**query, "page": page.number} if page.number > 1 else query
        context.update(
            products=page,
            filter_form=form,
            is_filtered=form.is_filtered(),
            query_string=urlencode(query),
            canonical_url=page_url(self, request)
            + (f"?{urlencode(canonical_query)}" if canonical_query else ""),
        )
        return context
