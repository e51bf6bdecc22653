"""The shopper's cart, kept in the session as product ids and quantities.

Prices are never taken from here: every view recomputes them from the products
and the site's settings through `shop.pricing`. Each line also remembers the unit
price the shopper saw when adding it, only to tell them when it has changed.

A product is kept under the id of the translation that holds its price and stock
(`ProductPage.price_source`), whatever language it was added in, and shown in the
shopper's language: switching language keeps one line per piece.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from . import pricing
from .models import ProductPage

SESSION_KEY = "cart"


def made_to_order_shortage(capacity):
    """Why a made-to-order line cannot be ordered as it is: no capacity, or not that much."""
    if capacity == 0:
        return _("The workshop cannot take more orders for this piece for now.")
    return ngettext(
        "The workshop can make only %(count)d more: please lower the quantity.",
        "The workshop can make only %(count)d more: please lower the quantity.",
        capacity,
    ) % {"count": capacity}


@dataclass
class CartLine:
    """One product in the cart with today's price, and what is wrong with it if anything."""

    product: ProductPage | None  # in the shopper's language when translated
    product_id: int  # the page holding price and stock: what the order line refers to
    quantity: int
    breakdown: pricing.PriceBreakdown | None = None
    problem: str = ""
    price_seen: int | None = None
    story_id: int | None = None
    source: ProductPage | None = None  # the page holding price and stock

    @property
    def price_went_up(self):
        return self._price_moved() > 0

    @property
    def price_went_down(self):
        return self._price_moved() < 0

    def _price_moved(self):
        if self.breakdown is None or self.price_seen is None:
            return 0
        return self.breakdown.unit_price - self.price_seen

    @property
    def line_total(self):
        if self.breakdown is None or self.problem:
            return 0
        return pricing.line_total(self.breakdown.unit_price, self.quantity)

    @property
    def artisan_total(self):
        if self.breakdown is None or self.problem:
            return 0
        return pricing.line_total(self.breakdown.artisan_price, self.quantity)

    @property
    def markup_total(self):
        return self.line_total - self.artisan_total

    @property
    def max_quantity(self):
        return self.product.orderable_quantity if self.product else 0

    @property
    def ready_by(self):
        """For a piece made to order: the day it would be ready if ordered today."""
        return self.source.ready_by() if self.source is not None else None


@dataclass
class CartSummary:
    """The cart's lines priced now, with totals built by `shop.pricing`."""

    lines: list[CartLine] = field(default_factory=list)

    @property
    def payable_lines(self):
        return [line for line in self.lines if not line.problem]

    @property
    def has_problems(self):
        return any(line.problem for line in self.lines)

    @property
    def total(self):
        return pricing.order_total(line.line_total for line in self.lines)

    @property
    def artisan_total(self):
        return pricing.order_total(line.artisan_total for line in self.lines)

    @property
    def markup_total(self):
        return pricing.order_total(line.markup_total for line in self.lines)

    @property
    def item_count(self):
        return sum(line.quantity for line in self.lines)

    @property
    def has_price_changes(self):
        return any(line.price_went_up or line.price_went_down for line in self.lines)

    def signature(self, delivery_terms):
        """A digest of what the shopper is shown: lines, prices, delivery terms (the zones'
        fees and rules, `delivery.fingerprint`). Checkout compares it."""
        content = [
            [line.product_id, line.quantity, line.breakdown.unit_price if line.breakdown else None]
            for line in sorted(self.lines, key=lambda line: line.product_id)
        ]
        text = json.dumps([content, delivery_terms], separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:24]


class Cart:
    """Read and change the cart held in a session."""

    def __init__(self, session):
        self.session = session

    def _raw(self):
        raw = self.session.get(SESSION_KEY)
        return raw if isinstance(raw, dict) else {}

    def quantities(self):
        """{product_id: quantity}, skipping anything malformed in the session."""
        result = {}
        for key, entry in self._raw().items():
            quantity = entry.get("quantity") if isinstance(entry, dict) else None
            if str(key).isdigit() and isinstance(quantity, int) and quantity > 0:
                result[int(key)] = quantity
        return result

    def price_seen(self, product_id):
        """The unit price shown when the product was added, to flag a change since."""
        entry = self._raw().get(str(product_id))
        price = entry.get("price_seen") if isinstance(entry, dict) else None
        return price if isinstance(price, int) and not isinstance(price, bool) else None

    def story_for(self, product_id):
        """The story the shopper came from when adding this product, if any."""
        entry = self._raw().get(str(product_id))
        story_id = entry.get("story") if isinstance(entry, dict) else None
        return story_id if isinstance(story_id, int) else None

    def count(self):
        return sum(self.quantities().values())

    def _save(self, raw):
        self.session[SESSION_KEY] = raw
        self.session.modified = True

    def set(self, product_id, quantity, story_id=None, price_seen=None):
        """Put `quantity` of a product in the cart (validated by the caller)."""
        raw = self._raw()
        entry = raw.get(str(product_id)) if isinstance(raw.get(str(product_id)), dict) else {}
        entry["quantity"] = quantity
        if story_id is not None:
            entry["story"] = story_id
        if price_seen is not None:
            entry["price_seen"] = price_seen
        raw[str(product_id)] = entry
        self._save(raw)

    def remove(self, product_id):
        raw = self._raw()
        raw.pop(str(product_id), None)
        self._save(raw)

    def clear(self):
        self._save({})

    def restore(self, order):
        """Put an abandoned order's products back, e.g. when the shopper cancels payment."""
        for line in order.lines.all():
            if line.product_id is not None:
                self.set(line.product_id, line.quantity, line.story_id, line.unit_price)

    def _translations(self):
        """Every public translation of the products in the cart, in one query."""
        ids = self.quantities()
        keys = ProductPage.objects.filter(pk__in=ids).values("translation_key")
        return list(
            ProductPage.objects.public()
            .filter(translation_key__in=keys)
            .select_related("artisan__workshop", "locale")
        )

    def normalise(self, translations=None):
        """Keep every line under the id of the page holding its price and stock.

        Lines added in another language (or before the product was translated) are
        merged into one. Changes the session only when something moved. Returns
        {translation_key: page holding price and stock}.
        """
        translations = self._translations() if translations is None else translations
        keys = {page.pk: page.translation_key for page in translations}
        sources = ProductPage.price_sources(keys.values(), translations)
        raw = self._raw()
        normalised = {}
        for product_id, quantity in self.quantities().items():
            source = sources.get(keys.get(product_id))
            key = str(source.pk if source else product_id)
            entry = dict(normalised.get(key) or raw[str(product_id)])
            if key in normalised:
                entry["quantity"] = normalised[key]["quantity"] + quantity
            normalised[key] = entry
        if normalised != raw:
            self._save(normalised)
        return sources

    def summary(self, shop_settings):
        """Price every line now, flagging products that vanished, sold out or ran short.

        Each line shows the product in the shopper's language when it is translated.
        """
        translations = self._translations()
        sources = {page.pk: page for page in self.normalise(translations).values() if page.live}
        language = get_language()
        shown = {
            page.translation_key: page
            for page in translations
            if page.live and page.locale.language_code == language
        }
        quantities = self.quantities()
        lines = []
        for product_id, quantity in quantities.items():
            source = sources.get(product_id)
            product = shown.get(source.translation_key, source) if source else None
            line = CartLine(
                product=product,
                product_id=product_id,
                quantity=quantity,
                price_seen=self.price_seen(product_id),
                story_id=self.story_for(product_id),
                source=source,
            )
            if product is None:
                line.problem = _("This product is no longer for sale.")
            else:
                line.breakdown = shop_settings.breakdown(source.artisan_price)
                if source.made_to_order and quantity > source.stock:
                    line.problem = made_to_order_shortage(source.stock)
                elif source.stock == 0:
                    line.problem = _("This piece has been sold.")
                elif quantity > source.stock:
                    line.problem = ngettext(
                        "Only %(count)d piece left: please lower the quantity.",
                        "Only %(count)d pieces left: please lower the quantity.",
                        source.stock,
                    ) % {"count": source.stock}
            lines.append(line)
        return CartSummary(lines=lines)
