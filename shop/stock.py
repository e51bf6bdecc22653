"""Stock: the one place that changes how many pieces of a product are available.

`ProductPage.stock` is the count available to sell (for a piece made to order, how
many the workshop can still make: taken the same way, by the same functions). A
checkout reserves pieces (the count goes down), a cancelled or expired order releases
them (it goes back up), a paid order keeps them. Every change is an SQL `UPDATE` of the count read
under the lock, made while the product rows are locked with `SELECT ... FOR UPDATE`,
taken in product-id order so that two checkouts never wait on each other in a
circle. Callers that change an order lock the order row first, then products.

A product and its translations are one piece (see `shop.models.products`): the
rows of every translation are locked together and their counts move together,
so a piece sold on the English site is sold on the French one, and two shoppers
reading it in different languages still queue on the same locks.

Products are Wagtail pages, and saving a page writes every column, including a
stock count copied from a revision that may be hours old (an editor publishing
an old draft, a scheduled publication). `keep_live_stock_on_page_save` makes
every page save keep the stock the database holds, so only this module changes it.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import alerts
from .cache_versions import forget_public_pages
from .models import Order, ProductPage


@dataclass(frozen=True)
class Shortage:
    """A product of an order that cannot be reserved, and how many are left."""

    title: str
    requested: int
    available: int

    @property
    def message(self):
        if self.available == 0:
            return _("« %(title)s » is no longer available.") % {"title": self.title}
        return ngettext(
            "Only %(count)d piece of « %(title)s » is left.",
            "Only %(count)d pieces of « %(title)s » are left.",
            self.available,
        ) % {"count": self.available, "title": self.title}


class OutOfStock(Exception):
    """Some pieces of an order cannot be reserved; nothing was changed."""

    def __init__(self, shortages):
        self.shortages = list(shortages)
        super().__init__("; ".join(shortage.message for shortage in self.shortages))

    @property
    def messages(self):
        return [shortage.message for shortage in self.shortages]


def lock_products(product_ids):
    """Lock the products' rows, with their translations', in id order; return them by id.

    Returns only the products asked for (live or not).
    """
    ids = set(product_ids)
    translation_keys = ProductPage.objects.filter(pk__in=ids).values("translation_key")
    rows = (
        ProductPage.objects.select_for_update()
        .filter(translation_key__in=translation_keys)
        .order_by("pk")
    )
    return {row.pk: row for row in rows if row.pk in ids}


def _move_stock(product, change):
    """Add `change` (negative to take pieces) to a locked product's stock, in every language.

    The new count is computed from the locked row and written to every translation, so
    they always end up with the count of the page the order refers to.
    """
    back_on_sale = product.stock == 0 and product.stock + change > 0
    product.stock += change
    ProductPage.objects.filter(translation_key=product.translation_key).update(stock=product.stock)
    forget_public_pages()  # cached pages show what is left (an update sends no signal)
    if back_on_sale:
        alerts.announce_on_commit(product)  # « Prévenez-moi » sign-ups on this piece


def reserve_stock(order):
    """Take the order's pieces out of stock, or raise `OutOfStock` and change nothing.

    Does nothing when the order already holds its pieces. The caller holds the
    order's row lock (or has just created the order) so two calls cannot both reserve.
    """
    with transaction.atomic():
        if order.stock_reserved:
            return {}
        lines = list(order.lines.all())
        quantities, titles = {}, {}
        shortages = []
        for line in lines:
            if line.commissioned:  # made for a commission from no product: nothing to take
                continue
            if line.product_id is None:  # the product page was deleted since the sale
                shortages.append(Shortage(line.product_title, line.quantity, 0))
                continue
            quantities[line.product_id] = quantities.get(line.product_id, 0) + line.quantity
            titles[line.product_id] = line.product_title
        products = lock_products(quantities)
        for product_id, requested in sorted(quantities.items()):
            product = products.get(product_id)
            available = product.stock if product is not None and product.live else 0
            if available < requested:
                shortages.append(Shortage(titles[product_id], requested, available))
        if shortages:
            raise OutOfStock(shortages)
        for product_id, quantity in sorted(quantities.items()):
            _move_stock(products[product_id], -quantity)
        Order.objects.filter(pk=order.pk).update(stock_reserved=True)
        order.stock_reserved = True
        return products


def release_stock(order):
    """Put the order's pieces back on sale. Does nothing when it holds none.

    The caller holds the order's row lock, so a release happens once.
    """
    with transaction.atomic():
        if not order.stock_reserved:
            return
        quantities = order.quantities()
        products = lock_products(quantities)
        for product_id, quantity in sorted(quantities.items()):
            if product_id in products:
                _move_stock(products[product_id], quantity)
        Order.objects.filter(pk=order.pk).update(stock_reserved=False)
        order.stock_reserved = False


def restock_pieces(pieces):
    """Put returned pieces back on sale: `pieces` holds (product id, how many) pairs.

    Pieces whose product page was deleted since the sale (id None, or gone) stay off sale.
    """
    quantities = {}
    for product_id, quantity in pieces:
        if product_id is not None and quantity > 0:
            quantities[product_id] = quantities.get(product_id, 0) + quantity
    with transaction.atomic():
        products = lock_products(quantities)
        for product_id, quantity in sorted(quantities.items()):
            if product_id in products:
                _move_stock(products[product_id], quantity)


class StockChanged(Exception):
    """The stock moved since the person adjusting it looked at it."""

    def __init__(self, current):
        self.current = current
        super().__init__(f"The stock is now {current}.")


def adjust_stock(product, new_stock, *, expected):
    """Set a product's available count, as staff decide (new pieces made, one broken...).

    `expected` is the count the staff member saw: if a sale changed it meanwhile,
    `StockChanged` is raised and nothing changes, so no sale is silently undone.
    """
    if new_stock < 0:
        raise ValueError("Stock cannot be negative.")
    with transaction.atomic():
        locked = lock_products([product.pk]).get(product.pk)
        if locked is None:
            raise ProductPage.DoesNotExist
        if locked.stock != expected:
            raise StockChanged(locked.stock)
        ProductPage.objects.filter(translation_key=locked.translation_key).update(stock=new_stock)
        forget_public_pages()
        product.stock = new_stock
        if locked.stock == 0 and new_stock > 0:
            locked.stock = new_stock
            alerts.announce_on_commit(locked)
        return locked.stock


@receiver(pre_save, sender=ProductPage)
def keep_live_stock_on_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    """A page save writes `stock = stock`: the database's count, never the instance's.

    Creating a product still writes its first stock. Editors change stock afterwards
    with the "Adjust stock" view, which goes through `adjust_stock`.
    """
    if raw or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and "stock" not in update_fields:
        return
    instance.stock = F("stock")


@receiver(post_save, sender=ProductPage)
def reload_stock_after_page_save(sender, instance, raw=False, **kwargs):
    """After `stock = F("stock")`, read back the number so the instance stays usable."""
    if not raw and hasattr(instance.stock, "resolve_expression"):
        instance.refresh_from_db(fields=["stock"])
