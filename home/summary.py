"""The site's figures in a sentence: what artisans earned, and what is published now."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import formats
from django.utils.translation import get_language

from shop import figures, pricing
from shop.models import ProductPage, ShopSettings
from stories.models import ArtisanPage


@dataclass(frozen=True)
class CatalogueSummary:
    artisans: int
    workshops: int
    products_available: int
    products_sold_out: int


def catalogue_summary():
    """Live artisans, their workshops and products, in two queries.

    A person or a piece is counted once, however many languages their page is in.
    """
    artisans = ArtisanPage.objects.live().public()
    artisan_figures = artisans.aggregate(
        artisans=Count("translation_key", distinct=True),
        workshops=Count("workshop", distinct=True),
    )
    product_figures = (
        ProductPage.objects.live()
        .public()
        .aggregate(
            available=Count("translation_key", filter=Q(stock__gt=0), distinct=True),
            sold_out=Count("translation_key", filter=Q(stock=0), distinct=True),
        )
    )
    return CatalogueSummary(
        artisans=artisan_figures["artisans"],
        workshops=artisan_figures["workshops"],
        products_available=product_figures["available"],
        products_sold_out=product_figures["sold_out"],
    )


@dataclass(frozen=True)
class ImpactSummary:
    """The home page's sentence: what artisans were paid since the first sale."""

    paid_to_artisans: str
    artisans: int
    items: int
    since: str


def impact_summary(request):
    """All-time figures from paid orders (`shop.figures`), or None before the first sale."""
    shop_settings = ShopSettings.for_request(request)
    ledger = figures.ledger(shop_settings.currency)
    totals = ledger.figures()
    if not totals.items:
        return None
    return ImpactSummary(
        paid_to_artisans=pricing.format_money(
            totals.paid_to_artisans, shop_settings.currency, get_language()
        ),
        artisans=totals.artisans,
        items=totals.items,
        since=formats.date_format(ledger.first_month(), "F Y"),
    )
