"""What the public site shows of buyers' voices: approved ones only, as the consent rules allow.

A voice shows on every translation of the product reviewed and on its maker's page. Its
photos in which the moderator recognised the maker show only while the maker's consent
covers their face, and a voice about an anonymous maker's piece never carries a name for
them (`Voice.maker_name` is empty).
"""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Prefetch

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


def _voice(review, locale_id, with_product):
    product = review.product
    artisan = product.artisan if product else None
    shows_face = bool(artisan and artisan.shows_face)
    photos = [photo for photo in review.photos.all() if shows_face or not photo.shows_maker]
    voice = Voice(review=review, photos=photos)
    if with_product and product is not None:
        shown = (
            ProductPage.objects.live()
            .public()
            .filter(translation_key=product.translation_key, locale_id=locale_id)
            .first()
        ) or (product if product.live else None)
        if shown is not None:
            voice.product_title, voice.product_url = shown.title, shown.url
    if artisan is not None and not artisan.is_anonymous:
        voice.maker_name = artisan.title
    return voice


def _summary(reviews, locale_id, with_product, limit):
    totals = reviews.aggregate(count=Count("pk"), average=Avg("rating"))
    voices = [_voice(review, locale_id, with_product) for review in reviews[:limit]]
    average = round(totals["average"], 1) if totals["average"] is not None else None
    return VoicesSummary(voices=voices, count=totals["count"], average=average)


def voices_of_product(product, limit=VOICES_SHOWN, *, with_product=False):
    """The approved voices of a product, whichever of its translations was bought.

    `with_product`: each voice names the piece (for a block placed away from it).
    """
    reviews = _approved().filter(product__translation_key=product.translation_key)
    return _summary(reviews, product.locale_id, with_product, limit)


def voices_of_artisan(artisan, locale_id=None, limit=VOICES_SHOWN):
    """The approved voices of an artisan's pieces, with the piece each is about."""
    reviews = _approved().filter(
        product__translation_key__in=ProductPage.objects.filter(
            artisan__translation_key=artisan.translation_key
        ).values("translation_key")
    )
    return _summary(reviews, locale_id or artisan.locale_id, True, limit)


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
