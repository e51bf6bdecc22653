"""Payouts: money the shop handed to an artisan for their sales."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import pricing, relations
from .products import LARGEST_INTEGER


class PayoutMethod(models.TextChoices):
    CASH = "cash", _("Cash")
    MOBILE_MONEY = "mobile_money", _("Mobile money")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    OTHER = "other", _("Other")


class ArtisanPayout(models.Model):
    """A sum paid to an artisan, as a shop manager recorded it (who, when, how).

    What an artisan is owed comes from their counted sales (`shop.earnings`); payouts
    are what was handed over. Payouts are never deleted: a mistake is corrected by
    editing the payout, and every edit is kept in its history.
    """

    artisan = models.ForeignKey(
        relations.ARTISAN,
        verbose_name=_("artisan"),
        on_delete=models.PROTECT,
        related_name="payouts",
    )
    paid_on = models.DateField(_("paid on"), default=timezone.localdate)
    amount = models.PositiveBigIntegerField(
        _("amount"),
        validators=[
            MinValueValidator(1, message=_("A payout is at least 1.")),
            MaxValueValidator(LARGEST_INTEGER, message=_("This number is too large.")),
        ],
        help_text=_(
            "In the currency's smallest unit, without spaces (francs for XOF, cents for EUR)."
        ),
    )
    currency = models.CharField(_("currency"), max_length=3, editable=False)
    method = models.CharField(_("paid by"), max_length=20, choices=PayoutMethod.choices)
    note = models.TextField(
        _("note"),
        blank=True,
        max_length=1000,
        help_text=_("For example the mobile money reference, or who handed the cash over."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-paid_on", "-pk"]
        verbose_name = _("payout to an artisan")
        verbose_name_plural = _("payouts to artisans")
        default_permissions = ("add", "change", "view")

    def __str__(self):
        amount = pricing.format_money(self.amount, self.currency) if self.currency else ""
        return f"{self.artisan} · {self.paid_on:%d/%m/%Y} · {amount}"
