"""Money settings of each site: currency, markup rate, delivery fee, pickup address."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .. import pricing


@register_setting(icon="tag")
class ShopSettings(BaseSiteSetting):
    """Money settings of one site: currency, markup and delivery fee."""

    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="XOF",
        validators=[
            RegexValidator(r"^[A-Z]{3}$", _("Use a three-letter ISO 4217 code, e.g. XOF."))
        ],
        help_text=_("ISO 4217 code of the currency prices are entered and paid in."),
    )
    markup_rate = models.DecimalField(
        _("markup rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_("Added to each artisan's price to cover the shop's costs, between 0 and 100."),
    )
    delivery_fee = models.PositiveIntegerField(
        _("delivery fee"),
        default=2000,
        help_text=_("In the currency's smallest unit (francs for XOF, cents for EUR)."),
    )
    pickup_address = models.TextField(
        _("pickup address and hours"),
        blank=True,
        help_text=_(
            "Where and when shoppers who choose pickup collect their order. Shown at checkout "
            "and in the order e-mails."
        ),
    )

    panels = [
        FieldPanel("currency"),
        FieldPanel("markup_rate"),
        FieldPanel("delivery_fee"),
        FieldPanel("pickup_address"),
    ]

    class Meta:
        verbose_name = _("shop settings")

    def breakdown(self, artisan_price):
        return pricing.price_breakdown(artisan_price, self.markup_rate)

    def format(self, amount, language="fr"):
        return pricing.format_money(amount, self.currency, language)
