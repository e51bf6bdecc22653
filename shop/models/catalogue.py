"""The catalogue: product categories, the product index and product pages."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from ..admin_forms import ProductPageForm

PRODUCTS_PER_PAGE = 24
# A shopper buys at most this many of one product at once (wholesale goes through staff).
MAX_QUANTITY_PER_LINE = 20
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


@register_snippet
class ProductCategory(models.Model):
    """A family of products shoppers filter by: art, furniture, clothing, decor..."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("product category")
        verbose_name_plural = _("product categories")

    def __str__(self):
        return self.name


class ProductIndexPage(Page):
    """The catalogue: every product, sold pieces kept visible."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["shop.ProductPage"]
    max_count_per_parent = 1
    template = "pages/product_index_page.html"

    class Meta:
        verbose_name = _("product index")

    def products(self):
        return (
            ProductPage.objects.child_of(self)
            .live()
            .public()
            .select_related("artisan", "category")
            .prefetch_related("gallery_images__image")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_number = request.GET.get("page")
        context["products"] = Paginator(self.products(), PRODUCTS_PER_PAGE).get_page(page_number)
        return context


class ProductPage(Page):
    """One piece for sale: who made it, what it is, what it costs and why."""

    artisan = models.ForeignKey(
        "stories.ArtisanPage",
        verbose_name=_("artisan"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="products",
        help_text=_("Who made this piece. They receive the artisan's price of every sale."),
    )
    category = models.ForeignKey(
        ProductCategory,
        verbose_name=_("category"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="products",
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    materials = models.CharField(_("materials"), max_length=200, blank=True)
    dimensions = models.CharField(
        _("dimensions"), max_length=120, blank=True, help_text=_("For example « 60 × 40 cm ».")
    )
    care_notes = models.TextField(_("care notes"), blank=True)
    artisan_price = models.PositiveIntegerField(
        _("artisan's price"),
        help_text=_(
            "What the artisan receives for one piece, in the currency's smallest unit. "
            "The shop's markup is added on top."
        ),
    )
    stock = models.PositiveIntegerField(
        _("stock"), default=1, help_text=_("Pieces available for sale. 0 means sold.")
    )
    one_of_a_kind = models.BooleanField(
        _("one of a kind"), default=False, help_text=_("A unique piece: its stock is 1 until sold.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("artisan"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("artisan_price"), FieldPanel("stock")]),
                FieldPanel("one_of_a_kind"),
            ],
            heading=_("Price and stock"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("materials"), FieldPanel("dimensions"), FieldPanel("care_notes")],
            heading=_("Details"),
        ),
        InlinePanel("gallery_images", label=_("Gallery"), min_num=1),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("materials"),
        index.FilterField("stock"),
        index.RelatedFields("artisan", [index.SearchField("title")]),
    ]
    parent_page_types = ["shop.ProductIndexPage"]
    subpage_types = []
    template = "pages/product_page.html"
    # Shows the live stock read-only once the product exists (see `shop.stock`).
    base_form_class = ProductPageForm

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")

    @property
    def is_sold(self):
        return self.stock == 0

    @property
    def orderable_quantity(self):
        """The most a shopper may put in the cart now."""
        return min(self.stock, MAX_QUANTITY_PER_LINE)

    @cached_property
    def main_image(self):
        first = next(iter(self.gallery_images.all()), None)
        return first.image if first else None

    @cached_property
    def main_image_alt(self):
        first = next(iter(self.gallery_images.all()), None)
        return first.alt_text if first else ""


class ProductImage(Orderable):
    """One picture in a product's gallery; the first is the product's main picture."""

    product = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("Describe the piece for people who cannot see the picture."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]
