"""« Prévenez-moi » sign-ups: a shopper on a sold piece asks to hear of a similar one.

An alert names the sold piece and its category. When a new piece of that category is
published, or the piece itself comes back on sale, `shop.alerts` sends one message (an
e-mail, or an SMS when only a phone was given) and marks the alert sent. The shopper can
leave at any time by the signed link in the message (or on the page after signing up);
leaving deletes the alert, so no contact is kept that is no longer wanted.
"""

from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

UNSUBSCRIBE_SALT = "shop.similar-piece-alert.unsubscribe"


class SimilarPieceAlert(models.Model):
    """One shopper's wish to hear once of a piece like a sold one."""

    product = models.ForeignKey(
        "shop.ProductPage",
        verbose_name=_("sold piece"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="similar_piece_alerts",
    )
    # Kept apart from the piece: the alert still works if the piece page is deleted.
    product_title = models.CharField(_("sold piece"), max_length=255)
    category = models.ForeignKey(
        "shop.ProductCategory",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="similar_piece_alerts",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    language = models.CharField(_("language"), max_length=8, default="fr")
    consented_at = models.DateTimeField(
        _("consent given at"),
        default=timezone.now,
        help_text=_("When the shopper ticked « I agree to be told once »."),
    )
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("message sent at"), null=True, blank=True, db_index=True)
    sent_for = models.ForeignKey(
        "shop.ProductPage",
        verbose_name=_("piece announced"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("similar piece alert")
        verbose_name_plural = _("similar piece alerts")
        default_permissions = ("view", "delete")

    def __str__(self):
        return f"{self.contact} · {self.product_title}"

    @property
    def contact(self):
        return self.email or self.phone

    def unsubscribe_token(self):
        """The signed value of the unsubscribe link: only this alert, never guessable."""
        return signing.dumps(self.pk, salt=UNSUBSCRIBE_SALT)

    @classmethod
    def from_unsubscribe_token(cls, token):
        """The alert a signed link names, or None (forged, altered, or already left)."""
        try:
            pk = signing.loads(str(token), salt=UNSUBSCRIBE_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(pk, int):
            return None
        return cls.objects.filter(pk=pk).first()
