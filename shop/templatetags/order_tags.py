"""Template tags for orders: amounts in the order's own currency and language."""

from django import template

register = template.Library()


@register.simple_tag
def order_money(order, amount):
    """`{% order_money order order.total %}` → « 49 500 FCFA » as the order was priced."""
    return order.format(int(amount))
