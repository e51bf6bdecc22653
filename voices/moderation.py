"""Writing, approving, rejecting and hiding buyers' reviews: the one place their status moves.

A review is public only while `APPROVED`. Approval asks the site's publication policy
(`shop.publication`, answered by `stories.consent`): a text naming a maker by a name they
do not show, or mentioning a judicial matter, cannot be approved. A consent withdrawal
hides the approved voices that name or show the maker (`hide_after_consent_change`,
called by `stories.consent` when it applies a change). Each change renews the public
pages' generation, so no cached page shows a voice it should not.
"""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from shop.cache_versions import forget_public_pages
from shop.models import ProductPage
from shop.publication import publication_problems

from .links import ReviewLinkRefused
from .models import Review, ReviewPhoto, ReviewStatus
from .photos import store_photo


class ModerationRefused(Exception):
    """The review cannot be approved: `problems` says why, in the moderator's language."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


@transaction.atomic
def submit_review(line, *, rating, text, display_name, language, photos, people_agreed):
    """Store a buyer's review of one order line, pending moderation.

    `photos` are (cleaned JPEG bytes, alternative text) pairs (`voices.photos`). A second
    review of the same line is refused (`ReviewLinkRefused`) and nothing is stored.
    """
    try:
        with transaction.atomic():
            review = Review.objects.create(
                order_line=line,
                product_id=line.product_id,
                rating=rating,
                text=text,
                display_name=display_name,
                language=language,
            )
    except IntegrityError:
        raise ReviewLinkRefused(
            _("You have already reviewed this piece: thank you."), 409
        ) from None
    for position, (data, alt_text) in enumerate(photos):
        image = store_photo(data, _("Buyer's photo, review %(pk)s") % {"pk": review.pk})
        ReviewPhoto.objects.create(
            review=review,
            image=image,
            alt_text=alt_text,
            people_agreed=people_agreed,
            sort_order=position,
        )
    return review


@transaction.atomic
def approve_review(review, *, by, photos_showing_maker=()):
    """Make a review public, unless the publication policy refuses its words.

    `photos_showing_maker`: ids of its photos in which the moderator recognised the maker
    (hidden later if the maker no longer shows their face).
    """
    problems = publication_problems(review)
    if problems:
        raise ModerationRefused(problems)
    review.photos.update(shows_maker=False)
    review.photos.filter(pk__in=list(photos_showing_maker)).update(shows_maker=True)
    _moderate(review, ReviewStatus.APPROVED, by, "")
    return review


@transaction.atomic
def reject_review(review, *, by, note=""):
    """Keep a review off the site for good (a face without consent, an insult...)."""
    _moderate(review, ReviewStatus.REJECTED, by, note)
    return review


def _moderate(review, status, by, note):
    review.status = status
    review.moderated_by = by
    review.moderated_at = timezone.now()
    review.moderation_note = note
    review.save(update_fields=["status", "moderated_by", "moderated_at", "moderation_note"])
    forget_public_pages()


def reviews_of_artisans(artisan_ids):
    """Reviews of the pieces of these artisan pages, whichever translation was bought."""
    keys = ProductPage.objects.filter(artisan_id__in=list(artisan_ids)).values("translation_key")
    return Review.objects.filter(product__translation_key__in=keys)


def hide_after_consent_change(artisan_ids, lost):
    """Hide the approved voices that name or show these artisans now that consent changed.

    Named: the policy refuses its text today (a name the person no longer shows). Shown:
    the face was lost and a photo of the voice shows the maker. Returns the hidden reviews.
    """
    approved = reviews_of_artisans(artisan_ids).filter(status=ReviewStatus.APPROVED)
    if "face" in lost:
        showing = ReviewPhoto.objects.filter(review=OuterRef("pk"), shows_maker=True)
        approved = approved.annotate(shows_maker=Exists(showing))
    hidden = [
        review
        for review in approved
        if getattr(review, "shows_maker", False) or publication_problems(review)
    ]
    if hidden:
        Review.objects.filter(pk__in=[review.pk for review in hidden]).update(
            status=ReviewStatus.HIDDEN,
            moderation_note=_("Hidden by the site: the maker's consent changed."),
        )
        forget_public_pages()
    return hidden
