"""Settings of each site: money, delivery zones and pickup points, the receipts' legal details."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from .. import pricing
from ..cache_versions import cached_with_public_pages
from .delivery import ZONE_FEE_MESSAGE

# No « % » sign: validators format their message with « % » and would choke on it.
RATE_RANGE_MESSAGE = _("The markup rate must lie between 0 and 100.")
RATE_DECIMALS_MESSAGE = _("The markup rate has at most two decimals, for example 12.5.")
RATE_INVALID_MESSAGE = _("Enter the markup rate as a number, for example 10 or 12.5.")
VAT_RANGE_MESSAGE = _("The VAT rate must lie between 0 and 100.")


def validate_currency_code(value):
    """Refuse anything that is not the ISO 4217 code of a circulating currency."""
    if not pricing.is_currency_code(value):
        raise ValidationError(
            _(
                "« %(value)s » is not an ISO 4217 currency code. Use three capital letters, "
                "for example XOF (CFA franc of West Africa), XAF (Central Africa) or EUR."
            ),
            code="invalid_currency",
            params={"value": value},
        )


class ShopSettingsForm(WagtailAdminModelForm):
    """The settings form, with messages an editor understands instead of Django's generic ones."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["markup_rate"].error_messages.update(
            {
                "invalid": RATE_INVALID_MESSAGE,
                "max_digits": RATE_RANGE_MESSAGE,
                "max_whole_digits": RATE_RANGE_MESSAGE,
                "max_decimal_places": RATE_DECIMALS_MESSAGE,
            }
        )
        self.fields["vat_rate"].error_messages.update(
            {"max_digits": VAT_RANGE_MESSAGE, "max_whole_digits": VAT_RANGE_MESSAGE}
        )
        zones = self.formsets.get("delivery_zones")
        for form in [*zones.forms, zones.empty_form] if zones is not None else []:
            form.fields["fee"].error_messages["min_value"] = ZONE_FEE_MESSAGE

    def clean_currency(self):
        # Editors may type « xof »: the code is case-insensitive, stored in capitals.
        return self.cleaned_data["currency"].strip().upper()


@register_setting(icon="tag")
class ShopSettings(ClusterableModel, BaseSiteSetting):
    """Settings of one site: currency, markup, delivery zones, pickup points, legal details.

    Editing them needs the `shop.change_shopsettings` permission, which shop managers have
    and communications staff do not.
    """

    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="XOF",
        validators=[validate_currency_code],
        help_text=_(
            "ISO 4217 code of the currency prices are entered and paid in, e.g. XOF. "
            "Changing it does not convert existing prices: check every product afterwards."
        ),
    )
    markup_rate = models.DecimalField(
        _("markup rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        validators=[
            MinValueValidator(Decimal("0"), message=RATE_RANGE_MESSAGE),
            MaxValueValidator(Decimal("100"), message=RATE_RANGE_MESSAGE),
        ],
        help_text=_(
            "Added to each artisan's price to cover the shop's costs, between 0 and 100, "
            "with at most two decimals. New prices use it at once; past orders keep theirs."
        ),
    )
    card_payments = models.BooleanField(
        _("offer card payment (Stripe)"),
        default=True,
        help_text=_(
            "Shown at checkout only when the server also has Stripe's keys "
            "(STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET)."
        ),
    )
    mobile_money_payments = models.BooleanField(
        _("offer mobile money (Wave)"),
        default=True,
        help_text=_(
            "Shown at checkout only when the server also has Wave's keys "
            "(WAVE_API_KEY, WAVE_WEBHOOK_SECRET) and prices are in CFA francs (XOF)."
        ),
    )

    legal_name = models.CharField(
        _("organisation's legal name"),
        max_length=200,
        blank=True,
        help_text=_("As registered, e.g. « Association Mains Libres ». Printed on receipts."),
    )
    legal_address = models.TextField(
        _("registered address"), blank=True, help_text=_("Printed on receipts.")
    )
    registration_number = models.CharField(
        _("registration number"),
        max_length=100,
        blank=True,
        help_text=_("E.g. the NINEA and RCCM numbers. Printed on receipts."),
    )
    vat_rate = models.DecimalField(
        _("VAT rate (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[
            MinValueValidator(Decimal("0"), message=VAT_RANGE_MESSAGE),
            MaxValueValidator(Decimal("100"), message=VAT_RANGE_MESSAGE),
        ],
        help_text=_(
            "Included in prices. 0 when the organisation charges no VAT: receipts then show "
            "no tax line."
        ),
    )

    base_form_class = ShopSettingsForm
    panels = [
        FieldPanel("currency"),
        FieldPanel("markup_rate"),
        FieldPanel("card_payments"),
        FieldPanel("mobile_money_payments"),
        InlinePanel("delivery_zones", heading=_("Delivery zones"), label=_("delivery zone")),
        InlinePanel("pickup_points", heading=_("Pickup points"), label=_("pickup point")),
        MultiFieldPanel(
            [
                FieldPanel("legal_name"),
                FieldPanel("legal_address"),
                FieldPanel("registration_number"),
                FieldPanel("vat_rate"),
            ],
            heading=_("Receipts"),
        ),
    ]

    class Meta:
        verbose_name = _("shop settings")

    @classmethod
    def for_request(cls, request):
        """The site's settings; for reading a page, from the cache until they change.

        Every public page shows prices: without this, each view read the settings row.
        Any save of the settings renews the public pages' generation (`config.pagecache`),
        so a page never shows an old markup; a form post (cart, checkout) reads the row.
        """
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None or request.method != "GET":  # a cart or an order: the row
                return super().for_request(request)
            settings = cached_with_public_pages(
                request, ("shop-settings", site.pk), lambda: cls.for_site(site)
            )
            settings._request = request
            setattr(request, attr_name, settings)
        return getattr(request, attr_name)

    def breakdown(self, artisan_price):
        """Today's price of one unit at this site's rate (see `pricing.price_breakdown`)."""
        return pricing.price_breakdown(artisan_price, self.markup_rate)

    def format(self, amount, language="fr"):
        """An amount in this site's currency, formatted for a reader of `language`."""
        return pricing.format_money(amount, self.currency, language)

    def unit_price_expression(self):
        """What shoppers pay for a product, as a database expression at this site's rate."""
        return pricing.unit_price_expression(self.markup_rate)
