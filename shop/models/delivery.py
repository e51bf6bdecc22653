"""Where the shop delivers and where shoppers collect: zones and pickup points of one site.

Shop managers edit both in the Shop settings of their site, as lists under the money
settings. Which zone an address falls in is decided by `shop.delivery`; what an order
paid and was promised is copied onto the order when it is placed.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

ZONE_FEE_MESSAGE = _("The delivery fee cannot be negative.")
# Beyond two months a "lead time" is no promise a shopper can plan with.
LONGEST_LEAD_DAYS = 60


class DeliveryZone(Orderable):
    """Cities or regions delivered at one fee and within one lead time.

    A zone without areas covers every address no other zone names: the site's default.
    Zones are tried in their order; the first that names the shopper's place wins.
    """

    settings = ParentalKey(
        "shop.ShopSettings", on_delete=models.CASCADE, related_name="delivery_zones"
    )
    name = models.CharField(
        _("name"), max_length=80, help_text=_("Shown to shoppers, e.g. « Dakar » or « Thiès ».")
    )
    areas = models.TextField(
        _("cities and regions"),
        blank=True,
        help_text=_(
            "One city or region per line (or separated by commas), as shoppers write them: "
            "capitals and accents do not matter. Leave empty for « everywhere else »."
        ),
    )
    fee = models.PositiveIntegerField(
        _("delivery fee"),
        validators=[MinValueValidator(0, message=ZONE_FEE_MESSAGE)],
        help_text=_("In the currency's smallest unit (francs for XOF, cents for EUR)."),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        validators=[MaxValueValidator(LONGEST_LEAD_DAYS)],
        help_text=_("Days between the order and its delivery, as promised to shoppers."),
    )
    cash_allowed = models.BooleanField(
        _("cash on delivery allowed"),
        default=True,
        help_text=_("Untick where couriers cannot collect cash: shoppers there pay online."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("areas"),
        FieldPanel("fee"),
        FieldPanel("lead_time_days"),
        FieldPanel("cash_allowed"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("delivery zone")
        verbose_name_plural = _("delivery zones")

    def __str__(self):
        return self.name


class PickupPoint(Orderable):
    """A place where shoppers collect their order for free, with its opening hours."""

    settings = ParentalKey(
        "shop.ShopSettings", on_delete=models.CASCADE, related_name="pickup_points"
    )
    name = models.CharField(_("name"), max_length=80)
    address = models.TextField(_("address"))
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        help_text=_("E.g. « Monday to Saturday, 10 am to 6 pm »."),
    )

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("opening_hours")]

    class Meta(Orderable.Meta):
        verbose_name = _("pickup point")
        verbose_name_plural = _("pickup points")

    def __str__(self):
        return self.name

    def details(self):
        """Name, address and hours, one per line: what an order keeps of its pickup point."""
        return "\n".join(part for part in (self.name, self.address, self.opening_hours) if part)
