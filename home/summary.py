"""What the site publishes now, in figures: artisans, workshops, products on sale."""

from dataclasses import dataclass

from django.db.models import Count, Q

from shop.models import ProductPage
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
