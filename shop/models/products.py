"""Product pages: one piece for sale, its gallery, price, stock and availability.

A product translated into another language is one piece, not two: its price,
stock, maker and category are shared. The translation in the site's first
language (French) holds them; editors change them there, every other
translation copies them when it is saved (`ProductPage.save`), and `shop.stock`
changes the stock of every translation at once.
"""

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from .. import pricing, relations
from ..attribution import record_story_view, story_from_request
from ..extensions import PRODUCT_PAGE_CONTEXT_HOOK, extra_from_hooks
from ..page_lookups import CachedViewRestrictionsMixin
from ..publication import PublicationCheckedPageForm, PublicationGuardMixin
from .orders import OrderLine, OrderStatus

# A shopper buys at most this many of one product at once (wholesale goes through staff).
MAX_QUANTITY_PER_LINE = 20
# At or below this stock, shoppers read « plus que 3 » instead of « en stock ».
LOW_STOCK = 5
# The largest integer PostgreSQL's `integer` holds: SQLite would take more, so we refuse it
# in the admin to keep both databases alike.
LARGEST_INTEGER = 2_147_483_647
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

# The large picture a product page's gallery links to (`max-1200x1200 format-webp` there): the
# main picture's largest rendition, so a gallery draws as few pictures as possible.
GALLERY_LARGE_FILTER = "max-1200x1200|format-webp"

PRICE_MINIMUM_MESSAGE = _(
    "The artisan's price must be at least 1: it can be neither negative nor zero."
)
PRICE_INVALID_MESSAGE = _(
    "Enter the artisan's price as a whole number in the currency's smallest unit, without "
    "spaces (for example 45000 for 45 000 FCFA, or 1250 for 12,50 €)."
)
STOCK_NEGATIVE_MESSAGE = _("The stock cannot be below 0 (0 means the piece is sold).")
STOCK_INVALID_MESSAGE = _("Enter the stock as a whole number of pieces, 0 or more.")
TOO_LARGE_MESSAGE = _("This number is too large.")
# Shared by every translation of a product (with the stock, and the maker in each language).
SHARED_FIELDS = ("artisan_price", "one_of_a_kind", "category_id", "made_to_order", "lead_time_days")
SHARED_FORM_FIELDS = (
    "artisan",
    "category",
    "artisan_price",
    "one_of_a_kind",
    "made_to_order",
    "lead_time_days",
)
# A product's money fields, and who may change them (`staff.groups`).
MONEY_FIELDS = ("artisan_price",)
CHANGE_PRICES = "shop.change_prices"

ONE_OF_A_KIND_STOCK_MESSAGE = _(
    "A one-of-a-kind piece has a stock of 1 (or 0 once sold). Untick « one of a kind » for "
    "pieces made in several copies."
)

MADE_TO_ORDER_LEAD_TIME_MESSAGE = _(
    "A piece made to order needs its lead time: the days the workshop takes to make it."
)
MADE_TO_ORDER_UNIQUE_MESSAGE = _(
    "A piece made to order is made anew for each buyer: it cannot be one of a kind too."
)
# The longest lead time the shop promises (a year): past it, a piece is a commission.
LONGEST_LEAD_TIME_DAYS = 365


@dataclass(frozen=True)
class Availability:
    """What shoppers read about a product's stock, and its schema.org equivalent."""

    code: str  # "sold", "reserved", "made_to_order", "one_of_a_kind", "low" or "in_stock"
    label: str
    schema_org: str
    note: str = ""  # a sentence saying what the label means, when it needs one


# Orders whose pieces are out of stock though nobody has paid yet: the piece may come back.
HOLDING_UNPAID = (OrderStatus.PENDING_PAYMENT, OrderStatus.AWAITING_CASH)


def held_by_unpaid_orders(translation_keys):
    """The translation keys, among these, of pieces an unpaid order holds (« Réservé »)."""
    return set(
        OrderLine.objects.filter(
            order__status__in=HOLDING_UNPAID,
            order__stock_reserved=True,
            product__translation_key__in=set(translation_keys),
        ).values_list("product__translation_key", flat=True)
    )


def mark_reserved(products):
    """Tell each sold product of a list whether an unpaid order holds it, in one query.

    Lists of cards and search results call it so that `is_reserved` costs no query each.
    """
    sold = [product for product in products if product.stock == 0]
    held = held_by_unpaid_orders(product.translation_key for product in sold) if sold else set()
    for product in sold:
        product.__dict__["is_reserved"] = product.translation_key in held
    return products


class ProductPageForm(PublicationCheckedPageForm):
    """The product editor's form: plain messages for price and stock, and a live stock count.

    Once a product exists its stock moves with every sale, so the editor shows the count
    the database holds now, read-only, with a link to « Adjust stock » for those allowed.
    Drafts, revisions and publications then never carry a stock count back (see `shop.stock`).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["artisan_price"].error_messages.update(
            {"invalid": PRICE_INVALID_MESSAGE, "min_value": PRICE_MINIMUM_MESSAGE}
        )
        stock = self.fields["stock"]
        stock.error_messages.update(
            {"invalid": STOCK_INVALID_MESSAGE, "min_value": STOCK_NEGATIVE_MESSAGE}
        )
        if self.instance.pk is not None:
            self._show_live_stock(stock)
            source = self.instance.price_source()
            if source.pk != self.instance.pk:
                self._show_shared_fields(source)
        self._keep_prices_to_shop_managers()

    def _keep_prices_to_shop_managers(self):
        """The money fields, read-only to editors who may not set prices.

        A disabled field keeps the value the page has: a forged POST cannot change it,
        in a draft or a publication. A new product's price is left for a shop manager
        to set (the editor's draft cannot be saved without one).
        """
        user = getattr(self, "for_user", None)
        if user is None or user.has_perm(CHANGE_PRICES):
            return
        for name in MONEY_FIELDS:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = gettext("Prices are set by the shop managers.")

    def _show_shared_fields(self, source):
        """On a translation, price, stock, maker and category are the first language's."""
        note = gettext(
            "Shared by every translation of this product: change it on « %(title)s » "
            "(%(language)s)."
        ) % {"title": source.title, "language": source.locale.get_display_name()}
        for name in (*SHARED_FORM_FIELDS, "stock"):
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = note

    def _show_live_stock(self, field):
        live_stock = (
            type(self.instance)
            .objects.filter(pk=self.instance.pk)
            .values_list("stock", flat=True)
            .first()
        )
        field.disabled = True
        self.initial["stock"] = live_stock
        user = getattr(self, "for_user", None)
        if user is not None and user.has_perm("shop.adjust_stock"):
            field.help_text = format_html(
                '{} <a href="{}">{}</a>',
                gettext("Pieces for sale now, kept up to date by sales."),
                reverse("shop_stock_adjust", args=[self.instance.pk]),
                gettext("Adjust stock"),
            )
        else:
            field.help_text = gettext(
                "Pieces for sale now, kept up to date by sales. Shop managers adjust it."
            )


class ProductPage(CachedViewRestrictionsMixin, PublicationGuardMixin, Page):
    """One piece for sale: who made it, what it is, what it costs and why."""

    artisan = models.ForeignKey(
        relations.ARTISAN,
        verbose_name=_("artisan"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="products",
        help_text=_("Who made this piece. They receive the artisan's price of every sale."),
    )
    category = models.ForeignKey(
        "shop.ProductCategory",
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
        validators=[
            MinValueValidator(1, message=PRICE_MINIMUM_MESSAGE),
            MaxValueValidator(LARGEST_INTEGER, message=TOO_LARGE_MESSAGE),
        ],
        help_text=_(
            "What the artisan receives for one piece, in the currency's smallest unit. "
            "The shop's markup is added on top."
        ),
    )
    stock = models.PositiveIntegerField(
        _("stock"),
        default=1,
        validators=[MaxValueValidator(LARGEST_INTEGER, message=TOO_LARGE_MESSAGE)],
        help_text=_("Pieces available for sale. 0 means sold."),
    )
    one_of_a_kind = models.BooleanField(
        _("one of a kind"), default=False, help_text=_("A unique piece: its stock is 1 until sold.")
    )
    # Made to order, `stock` is the capacity: how many the workshop can still make. Orders
    # count it down through `shop.stock`, exactly as they take stocked pieces.
    made_to_order = models.BooleanField(
        _("made to order"),
        default=False,
        help_text=_(
            "Made for each buyer rather than taken from stock. The stock is then how many "
            "the workshop can still make (0: no more orders)."
        ),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1),
            MaxValueValidator(LONGEST_LEAD_TIME_DAYS, message=TOO_LARGE_MESSAGE),
        ],
        help_text=_("For a piece made to order: the days the workshop takes to make it."),
    )

    base_form_class = ProductPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("artisan"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("artisan_price"), FieldPanel("stock")]),
                FieldPanel("one_of_a_kind"),
                FieldRowPanel([FieldPanel("made_to_order"), FieldPanel("lead_time_days")]),
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

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")

    # Translations ---------------------------------------------------------------------

    @classmethod
    def price_sources(cls, translation_keys, translations=None):
        """{translation_key: the product page holding price and stock} for these products.

        The holder is the translation in the site's first language, else the oldest one.
        Pass `translations` (with their locales) when they are already fetched.
        """
        if translations is None:
            translations = cls.objects.filter(
                translation_key__in=set(translation_keys)
            ).select_related("locale")
        sources = {}
        for page in translations:
            current = sources.get(page.translation_key)
            if current is None or _holds_price_before(page, current):
                sources[page.translation_key] = page
        return sources

    def price_source(self):
        """The translation whose price, stock, maker and category this product shares."""
        if self.translation_key is None:
            return self
        return self.price_sources([self.translation_key]).get(self.translation_key, self)

    def artisan_in(self, locale_id):
        """This product's maker as shown in a language: their page's translation, if any."""
        if self.artisan_id is None:
            return None
        artisan_model = relations.artisan_model()
        translation_key = artisan_model.objects.filter(pk=self.artisan_id).values("translation_key")
        translated = (
            artisan_model.objects.filter(translation_key__in=translation_key, locale_id=locale_id)
            .values_list("pk", flat=True)
            .first()
        )
        return translated or self.artisan_id

    def take_shared_fields(self, source):
        """Copy price, maker and category from the translation that holds them."""
        for name in SHARED_FIELDS:
            setattr(self, name, getattr(source, name))
        self.artisan_id = source.artisan_in(self.locale_id)
        if self._state.adding:
            self.stock = source.stock  # later changes go through `shop.stock`, to every translation

    def share_with_translations(self):
        """Give the other translations this page's price, maker and category."""
        others = ProductPage.objects.filter(translation_key=self.translation_key).exclude(
            pk=self.pk
        )
        others.update(**{name: getattr(self, name) for name in SHARED_FIELDS})
        for locale_id in set(others.values_list("locale_id", flat=True)):
            others.filter(locale_id=locale_id).update(artisan_id=self.artisan_in(locale_id))

    def save(self, *args, **kwargs):
        """Save; a translation takes the shared fields, the holder passes them on.

        Saves of a few columns (`update_fields`, e.g. a draft's revision pointer) leave
        them alone: only a publication or a full save changes what shoppers see.
        """
        if kwargs.get("update_fields") is not None:
            return super().save(*args, **kwargs)
        source = self.price_source()
        if source is not self and source.pk != self.pk:
            self.take_shared_fields(source)
            return super().save(*args, **kwargs)
        result = super().save(*args, **kwargs)
        self.share_with_translations()
        return result

    def clean(self):
        super().clean()
        if self.one_of_a_kind and self.stock is not None and self.stock > 1:
            raise ValidationError({"stock": ONE_OF_A_KIND_STOCK_MESSAGE})
        if self.made_to_order and not self.lead_time_days:
            raise ValidationError({"lead_time_days": MADE_TO_ORDER_LEAD_TIME_MESSAGE})
        if self.made_to_order and self.one_of_a_kind:
            raise ValidationError({"one_of_a_kind": MADE_TO_ORDER_UNIQUE_MESSAGE})

    @property
    def is_sold(self):
        """No piece left to buy: sold, or held by an order not paid yet (`is_reserved`)."""
        return self.stock == 0

    @cached_property
    def is_reserved(self):
        """Out of stock only because an unpaid order holds it: it may come back on sale."""
        return self.stock == 0 and bool(held_by_unpaid_orders([self.translation_key]))

    @property
    def orderable_quantity(self):
        """The most a shopper may put in the cart now."""
        return min(self.stock, MAX_QUANTITY_PER_LINE)

    def ready_by(self):
        """The day a piece made to order would be ready if ordered today (None if stocked)."""
        if not self.made_to_order or not self.lead_time_days:
            return None
        return expected_ready_date(self.lead_time_days)

    @property
    def availability(self):
        """What cards and pages say of the stock: « Sur commande », « Réservé », « Vendu »,
        « Pièce unique », « Plus que 3 » or « En stock »."""
        if self.made_to_order and self.lead_time_days:
            if self.stock == 0:
                return Availability(
                    "sold", _("No more orders for now"), "https://schema.org/SoldOut"
                )
            label = ngettext(
                "Made to order — made in %(counter)s day",
                "Made to order — made in %(counter)s days",
                self.lead_time_days,
            ) % {"counter": self.lead_time_days}
            return Availability("made_to_order", label, "https://schema.org/MadeToOrder")
        if self.stock == 0 and self.is_reserved:
            return Availability(
                "reserved",
                _("Reserved"),
                "https://schema.org/Reserved",
                _("Someone has ordered this piece and not paid yet: it may come back on sale."),
            )
        if self.stock == 0:
            return Availability("sold", _("Sold"), "https://schema.org/SoldOut")
        if self.one_of_a_kind:
            return Availability("one_of_a_kind", _("One of a kind"), "https://schema.org/InStock")
        if self.stock <= LOW_STOCK:
            label = ngettext("%(counter)s left", "%(counter)s left", self.stock) % {
                "counter": self.stock
            }
            return Availability("low", label, "https://schema.org/LimitedAvailability")
        return Availability("in_stock", _("In stock"), "https://schema.org/InStock")

    @cached_property
    def main_image(self):
        first = next(iter(self.gallery_images.all()), None)
        return first.image if first else None

    @cached_property
    def main_image_alt(self):
        first = next(iter(self.gallery_images.all()), None)
        return first.alt_text if first else ""

    def gallery(self):
        """The gallery pictures in order, with every rendition fetched in the same two queries."""
        return list(
            self.gallery_images.select_related("image")
            .prefetch_related(
                models.Prefetch(
                    "image__renditions",
                    queryset=get_image_model().get_rendition_model().objects.all(),
                    to_attr="prefetched_renditions",
                )
            )
            .order_by("sort_order", "pk")
        )

    def artisan_available_url(self):
        """The catalogue filtered on this piece's artisan and on available pieces, if any.

        Where a shopper goes from a sold piece; None when the artisan has nothing else for sale.
        """
        if self.artisan_id is None:
            return None
        others = (
            ProductPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .filter(artisan_id=self.artisan_id, stock__gt=0)
        )
        if not others.exists():
            return None
        query = urlencode({"artisan": self.artisan_id, "available": 1})
        return f"{self.get_parent().url}?{query}"

    def structured_data(self, *, unit_price, currency, url, image_urls):
        """schema.org `Product` data for search engines (see the template tag that prints it).

        The price is in major units with a dot ("49500", "12.50"), as schema.org asks. The
        artisan is left out: who may be named is for the consent rules of the artisan's page.
        """
        data = {
            "@context": "https://schema.org",
            "@type": "Product",
            "name": self.title,
            "description": Truncator(get_text_for_indexing(self.description)).chars(500),
            "url": url,
            "sku": str(self.pk),
            "image": list(image_urls),
            "offers": {
                "@type": "Offer",
                "url": url,
                "price": pricing.minor_to_major_text(unit_price, currency),
                "priceCurrency": currency,
                "availability": self.availability.schema_org,
                "itemCondition": "https://schema.org/NewCondition",
            },
        }
        if self.category_id:
            data["category"] = self.category.display_name
        if self.materials:
            data["material"] = self.materials
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["gallery"] = self.gallery()
        # Reached from a story's link: the add-to-cart form carries the story on.
        story = story_from_request(request, self)
        if story is not None:
            context["story"] = story
            record_story_view(request, story, self)
        if self.is_sold:
            context["artisan_available_url"] = self.artisan_available_url()
            # Same category, then workshop, then any: a sold piece is not a dead end.
            context["similar_pieces"] = similar_pieces([self])
        context.update(extra_from_hooks(PRODUCT_PAGE_CONTEXT_HOOK, self, request))
        return context


# How many « Pièces similaires » a sold piece or a cart of sold pieces offers.
SIMILAR_PIECES = 4


def similar_pieces(products, limit=SIMILAR_PIECES):
    """Up to `limit` pieces for sale like `products` (one piece, or the sold lines of a cart).

    Similar means, in this order: the same category, then the same workshop, then any
    piece; always live, public, in stock, in the first product's language, and never one
    of `products` (in any translation). Cards show the makers under the consent rules.
    """
    products = [product for product in products if product is not None]
    if not products:
        return []
    excluded = {product.translation_key for product in products}
    categories = {product.category_id for product in products if product.category_id}
    workshops = {
        product.artisan.workshop_id
        for product in products
        if product.artisan_id and product.artisan and product.artisan.workshop_id
    }
    # One query: the ranks order the pieces, newest first within a rank.
    rank = models.Case(
        models.When(category_id__in=categories, then=0),
        models.When(artisan__workshop_id__in=workshops, then=1),
        default=2,
        output_field=models.IntegerField(),
    )
    on_sale = (
        ProductPage.objects.live()
        .public()
        .filter(locale_id=products[0].locale_id, stock__gt=0)
        .exclude(translation_key__in=excluded)
        .annotate(similarity=rank)
        .order_by("similarity", "-first_published_at", "-pk")
    )
    return list(on_sale[:limit])


def expected_ready_date(lead_time_days, now=None):
    """The shop's local day `lead_time_days` after `now` (today): when a piece is ready."""
    return timezone.localdate(now) + timedelta(days=lead_time_days)


def _holds_price_before(page, other):
    """Whether `page` rather than `other` holds the price: first language first, then oldest."""
    first_language = settings.LANGUAGE_CODE

    def rank(candidate):
        return (candidate.locale.language_code != first_language, candidate.pk)

    return rank(page) < rank(other)


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
