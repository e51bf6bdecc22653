"""What the public site shows of buyers' voices: approved ones only, as the consent rules allow.

A voice shows on every translation of the product reviewed and on its maker's page. Its
photos in which the moderator recognised the maker show only while the maker's consent
covers their face, and a voice about an anonymous maker's piece never carries a name for
them (`Voice.maker_name` is empty).

What a page shows is cached under the public pages' generation (`shop.cache_versions`):
approving, rejecting or hiding a voice renews it (`voices.moderation`), as does any
change to a product or an artisan's consent, so a page never shows a stale voice.
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Prefetch

from shop.cache_versions import cached_with_public_pages
from shop.models import ProductPage

from .models import Review, ReviewPhoto, ReviewStatus

VOICES_SHOWN = 6


@dataclass
class Voice:
    """One approved review as a page shows it."""

    review: Review
    photos: list = field(default_factory=list)
    product_title: str = ""
    product_url: str = ""
    maker_name: str = ""


@dataclass
class VoicesSummary:
    """The voices a page shows, and the count and average of all approved ones."""

    voices: list
    count: int
    average: float | None

    def __bool__(self):
        return bool(self.count)


def _approved():
    return (
        Review.objects.filter(status=ReviewStatus.APPROVED)
        .select_related("product__artisan")
        .prefetch_related(Prefetch("photos", queryset=ReviewPhoto.objects.select_related("image")))
        .order_by("-moderated_at", "-pk")
    )


def _shown_products(reviews, locale_id):
    """{translation key: (title, url)} of the reviewed products, in that language if live."""
    keys = {review.product.translation_key for review in reviews if review.product}
    shown = {}
    for page in ProductPage.objects.live().public().filter(translation_key__in=keys):
        if page.locale_id == locale_id or page.translation_key not in shown:
            shown[page.translation_key] = (page.title, page.url)
    return shown


def _voice(review, shown_products):
    product = review.product
    artisan = product.artisan if product else None
    shows_face = bool(artisan and artisan.shows_face)
    photos = [photo for photo in review.photos.all() if shows_face or not photo.shows_maker]
    voice = Voice(review=review, photos=photos)
    if product is not None and product.translation_key in shown_products:
        voice.product_title, voice.product_url = shown_products[product.translation_key]
    if artisan is not None and not artisan.is_anonymous:
        voice.maker_name = artisan.title
    return voice


def _summary(reviews, locale_id, with_product, limit):
    totals = reviews.aggregate(count=Count("pk"), average=Avg("rating"))
    if not totals["count"]:
        return VoicesSummary(voices=[], count=0, average=None)
    shown = list(reviews[:limit])
    shown_products = _shown_products(shown, locale_id) if with_product else {}
    return VoicesSummary(
        voices=[_voice(review, shown_products) for review in shown],
        count=totals["count"],
        average=round(totals["average"], 1),
    )


def voices_of_product(product, limit=VOICES_SHOWN, *, with_product=False, request=None):
    """The approved voices of a product, whichever of its translations was bought.

    `with_product`: each voice names the piece (for a block placed away from it).
    """

    def compute():
        reviews = _approved().filter(product__translation_key=product.translation_key)
        return _summary(reviews, product.locale_id, with_product, limit)

    parts = ("voices", "product", product.translation_key, product.locale_id, with_product, limit)
    return cached_with_public_pages(request, parts, compute)


def voices_of_artisan(artisan, locale_id=None, limit=VOICES_SHOWN, *, request=None):
    """The approved voices of an artisan's pieces, with the piece each is about."""
    locale_id = locale_id or artisan.locale_id

    def compute():
        reviews = _approved().filter(
            product__translation_key__in=ProductPage.objects.filter(
                artisan__translation_key=artisan.translation_key
            ).values("translation_key")
        )
        return _summary(reviews, locale_id, True, limit)

    parts = ("voices", "artisan", artisan.translation_key, locale_id, limit)
    return cached_with_public_pages(request, parts, compute)


def structured_reviews(summary):
    """schema.org `aggregateRating` and `review` entries for a product, from approved voices."""
    if not summary:
        return {}
    return {
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": summary.average,
            "reviewCount": summary.count,
            "bestRating": 5,
            "worstRating": 1,
        },
        "review": [
            {
                "@type": "Review",
                "author": {"@type": "Person", "name": voice.review.display_name},
                "datePublished": voice.review.created_at.date().isoformat(),
                "reviewBody": voice.review.text,
                "inLanguage": voice.review.language,
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": voice.review.rating,
                    "bestRating": 5,
                    "worstRating": 1,
                },
            }
            for voice in summary.voices
        ],
    }
