"""A buyer's review of one piece they bought, and the photos of it « in its new home ».

Nothing here is public until a moderator approves it (`voices.moderation`); a review
of a maker who later withdraws their consent is hidden (`ReviewStatus.HIDDEN`) when it
names or shows them (`voices.moderation.hide_after_consent_change`).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RATING_MIN, RATING_MAX = 1, 5


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Pending moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    # Approved once, hidden by the site when the maker's consent no longer allows it.
    HIDDEN = "hidden", _("Hidden after a consent withdrawal")


class Review(models.Model):
    """One buyer's rating and words about one order line (one review per line)."""

    order_line = models.OneToOneField(
        "shop.OrderLine",
        verbose_name=_("order line"),
        on_delete=models.PROTECT,
        related_name="review",
    )
    product = models.ForeignKey(
        "shop.ProductPage",
        verbose_name=_("product"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(RATING_MIN), MaxValueValidator(RATING_MAX)]
    )
    text = models.TextField(_("review"), max_length=2000)
    display_name = models.CharField(
        _("name shown"), max_length=40, help_text=_("A first name or initials.")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PENDING,
        db_index=True,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderation_note = models.TextField(_("moderation note"), blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("buyer's review")
        verbose_name_plural = _("buyers' reviews")
        default_permissions = ("view", "change")
        permissions = [("moderate_review", _("Can approve or reject buyers' reviews"))]

    def __str__(self):
        return f"{self.display_name} · {self.rating}/5"

    @property
    def is_public(self):
        return self.status == ReviewStatus.APPROVED

    @property
    def stars(self):
        """« ★★★★☆ » for the eye; pages say the rating in words beside it."""
        return "★" * self.rating + "☆" * (RATING_MAX - self.rating)


class ReviewPhoto(models.Model):
    """A photo of the piece in the buyer's home, cleaned and resized (`voices.photos`)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.PROTECT, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    people_agreed = models.BooleanField(
        _("people recognisable in the photo agreed to it"), default=False
    )
    # Ticked by the moderator: the maker can be recognised. Hidden when they lose their face.
    shows_maker = models.BooleanField(_("the maker can be recognised"), default=False)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("buyer's photo")
        verbose_name_plural = _("buyers' photos")
        default_permissions = ()

    def __str__(self):
        return self.alt_text
