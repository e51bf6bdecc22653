"""Template tags that show money through `shop.pricing`, in the reader's language."""

from django import template
from django.utils.translation import get_language

from .. import pricing
from ..models import ShopSettings

register = template.Library()


def _shop_settings(context):
    request = context.get("request")
    if request is None:
        return ShopSettings()
    return ShopSettings.for_request(request)


@register.simple_tag(takes_context=True)
def money(context, amount):
    """`{% money 49500 %}` → « 49 500 FCFA » in the site's currency."""
    if amount is None or amount == "":
        return ""
    return pricing.format_money(int(amount), _shop_settings(context).currency, get_language())


@register.simple_tag(takes_context=True)
def product_breakdown(context, product):
    """`{% product_breakdown product as price %}`: artisan price, markup and unit price now."""
    return _shop_settings(context).breakdown(product.artisan_price)
