"""Receipts: one numbered receipt for each paid order, numbered per site without gaps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Receipt(models.Model):
    """The receipt of a paid order, with the issuer's details as they were when it was issued.

    `number` follows the site's `ReceiptCounter`, taken under its row lock in the same
    transaction that creates this row (`shop.receipts.issue_receipt`): a receipt rolled back
    gives its number back, so the sequence has no gaps, and the unique constraint makes a
    duplicate impossible.
    """

    order = models.OneToOneField(
        "shop.Order", on_delete=models.PROTECT, related_name="receipt", verbose_name=_("order")
    )
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.PROTECT, related_name="+")
    number = models.PositiveIntegerField(_("number"))
    issued_at = models.DateTimeField(_("issued at"))
    issuer_name = models.CharField(_("organisation"), max_length=200, blank=True)
    issuer_address = models.TextField(_("registered address"), blank=True)
    registration_number = models.CharField(_("registration number"), max_length=100, blank=True)
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(fields=["site", "number"], name="shop_receipt_number_per_site")
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        """`R-000042`: the number as printed."""
        return f"R-{self.number:06d}"


class ReceiptCounter(models.Model):
    """The last receipt number a site gave; its row is locked while a number is taken."""

    site = models.OneToOneField(
        "wagtailcore.Site", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"{self.site_id}: {self.last_number}"
