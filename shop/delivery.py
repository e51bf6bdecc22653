"""Which delivery zone an address falls in, and what a shopper is offered for it.

Shoppers write their city or region as they like (« THIES », « Thiès », « thiès-ville »):
places are compared without capitals, accents or punctuation. The shopper's place is
tried whole, then each comma-separated part of it (« Mbour, Thiès »); the first zone, in
the managers' order, naming it wins, and a zone naming no area covers everything else.
No zone at all: the shop does not deliver there, pickup remains.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .models import PaymentMethod

AREA_SEPARATORS = re.compile(r"[\n,;]+")
NOT_LETTERS = re.compile(r"[^0-9a-z]+")


def normalise_place(text):
    """`text` lower-case, without accents, words separated by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return NOT_LETTERS.sub(" ", plain.casefold()).strip()


def area_keys(zone):
    """The normalised places a zone names (empty for the default zone)."""
    return {key for part in AREA_SEPARATORS.split(zone.areas) if (key := normalise_place(part))}


def zone_for(zones, place):
    """The zone delivering to `place` among `zones` (in their order), or None."""
    zones = list(zones)
    candidates = [normalise_place(place)]
    candidates += [normalise_place(part) for part in reversed(AREA_SEPARATORS.split(place or ""))]
    candidates = [candidate for candidate in dict.fromkeys(candidates) if candidate]
    if not candidates:
        return None
    named = [(zone, area_keys(zone)) for zone in zones]
    for candidate in candidates:
        for zone, keys in named:
            if candidate in keys:
                return zone
    return next((zone for zone, keys in named if not keys), None)


def zones_of(shop_settings):
    return list(shop_settings.delivery_zones.all()) if shop_settings.pk else []


def pickup_points_of(shop_settings):
    return list(shop_settings.pickup_points.all()) if shop_settings.pk else []


def fingerprint(zones):
    """What of the zones changes an amount or a rule a shopper was shown (see `Cart.signature`)."""
    return [[zone.pk, zone.fee, zone.lead_time_days, zone.cash_allowed] for zone in zones]


@dataclass(frozen=True)
class Quote:
    """What delivery to a place costs and takes, or why it is not possible."""

    place: str
    zone: object = None

    @property
    def found(self):
        return self.zone is not None

    @property
    def fee(self):
        return self.zone.fee if self.zone is not None else 0


def quote(zones, place):
    return Quote(place=place, zone=zone_for(zones, place))


def no_zone_message(place):
    return _(
        "We do not deliver to « %(place)s » yet. You can collect your order for free at one "
        "of our pickup points."
    ) % {"place": place}


def cash_refused_message(zone):
    return _(
        "Cash on delivery is not possible in the « %(zone)s » zone: pay online, or choose "
        "pickup and pay there."
    ) % {"zone": zone.name}


def problem(zone, place, payment_method):
    """Why this delivery cannot be ordered as chosen (a sentence for the shopper), or ""."""
    if zone is None:
        return no_zone_message(place)
    if payment_method == PaymentMethod.CASH and not zone.cash_allowed:
        return cash_refused_message(zone)
    return ""


def pickup_point_for(points, point_id):
    """The chosen pickup point among `points`, the first one if none was chosen, or None."""
    by_id = {str(point.pk): point for point in points}
    return by_id.get(str(point_id)) or (points[0] if points else None)
