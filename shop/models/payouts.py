"""Payouts: money the shop handed to an artisan for their sales."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale

from .. import pricing, relations
from .products import LARGEST_INTEGER


class PayoutMethod(models.TextChoices):
    CASH = "cash", _("Cash")
    MOBILE_MONEY = "mobile_money", _("Mobile money")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer")
    OTHER = "other", _("Other")


class PayoutForm(WagtailAdminModelForm):
    """The payout form lists each artisan once: by their page in the site's first language.

    Their English page is the same person and the same account (`shop.earnings`); a
    payout naming it, even from a forged POST, is refused as not one of the choices.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["artisan"]
        artisans = field.queryset.filter(locale=Locale.get_default()).order_by("title")
        self.fields["artisan"] = forms.ModelChoiceField(
            queryset=artisans,
            label=field.label,
            help_text=field.help_text,
            widget=forms.Select,
        )
        artisan = self.instance.artisan if self.instance.artisan_id else None
        if artisan is not None and artisan.locale_id != Locale.get_default().pk:
            # A payout recorded under a translation before: shown (and kept) under the first.
            holder = artisans.filter(translation_key=artisan.translation_key).first()
            if holder is not None:
                self.initial["artisan"] = holder.pk


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

    base_form_class = PayoutForm

    class Meta:
        ordering = ["-paid_on", "-pk"]
        verbose_name = _("payout to an artisan")
        verbose_name_plural = _("payouts to artisans")
        default_permissions = ("add", "change", "view")

    def clean(self):
        """A payout is recorded once handed over: never dated after today."""
        super().clean()
        today = timezone.localdate()
        if self.paid_on and self.paid_on > today:
            raise ValidationError(
                {
                    "paid_on": _(
                        "A payout cannot be dated in the future: enter the day the money "
                        "was handed over (today, %(today)s, at the latest)."
                    )
                    % {"today": formats.date_format(today, "SHORT_DATE_FORMAT")}
                }
            )

    def __str__(self):
        amount = pricing.format_money(self.amount, self.currency) if self.currency else ""
        return f"{self.artisan} · {self.paid_on:%d/%m/%Y} · {amount}"
