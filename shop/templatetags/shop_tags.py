"""Template tags that show money through `shop.pricing`, in the reader's language."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .. import cards, pricing
from ..addresses import absolute_url, page_url
from ..extensions import PRODUCT_STRUCTURED_DATA_HOOK, extra_from_hooks
from ..forms import SimilarPieceAlertForm
from ..models import ShopSettings
from ..models.products import GALLERY_LARGE_FILTER

register = template.Library()

# What Django's `json_script` escapes, so data can never close the <script> element.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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
def approximate_euros(context, amount):
    """`{% approximate_euros 49500 %}` → « 75,46 € » on CFA franc sites, "" in other currencies."""
    if amount is None or amount == "":
        return ""
    cents = pricing.approximate_euros(int(amount), _shop_settings(context).currency)
    return "" if cents is None else pricing.format_money(cents, "EUR", get_language())


@register.simple_tag
def euro_peg():
    """The fixed CFA franc rate for one euro, written for the reader: « 655,957 »."""
    return pricing.format_decimal(pricing.CFA_PER_EURO, get_language())


@register.simple_tag(takes_context=True)
def currency_symbol(context):
    """The site currency's symbol: « FCFA », « € »..."""
    return pricing.currency_symbol(_shop_settings(context).currency)


@register.simple_tag(takes_context=True)
def product_breakdown(context, product):
    """`{% product_breakdown product as price %}`: artisan price, markup and unit price now."""
    return _shop_settings(context).breakdown(product.artisan_price)


@register.simple_tag(takes_context=True)
def product_card_content(context, product, story=None):
    """A product card's picture, title, maker, price and availability, cached (`shop.cards`)."""
    return cards.card_content(context, product, story)


@register.simple_tag(takes_context=True)
def product_structured_data(context, product, gallery):
    """A schema.org `Product` as `<script type="application/ld+json">`: data, never run."""
    request = context["request"]
    shop_settings = _shop_settings(context)
    image_urls = [
        absolute_url(item.image.get_rendition(GALLERY_LARGE_FILTER).url, request)
        for item in gallery
    ]
    data = product.structured_data(
        unit_price=shop_settings.breakdown(product.artisan_price).unit_price,
        currency=shop_settings.currency,
        url=page_url(product, request),
        image_urls=image_urls,
    )
    # Buyers' voices (`voices`) add their `Review` and `AggregateRating` here.
    data.update(extra_from_hooks(PRODUCT_STRUCTURED_DATA_HOOK, product, context))
    return json_ld(data)


def json_ld(data):
    """`<script type="application/ld+json">`: data, not code, so a strict CSP allows it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Escaped so nothing in the data can close the element or open a comment.
    text = text.translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def similar_piece_alert_form(product):
    """An empty « Prévenez-moi » form for a sold piece (the sign-up view shows it bound)."""
    return SimilarPieceAlertForm(initial={"product": product.pk}, auto_id="alert-%s")


@register.simple_tag(takes_context=True)
def prepared_cards(context, products):
    """`products` ready for their cards (`shop.cards.prepare_cards`): cached cards in one
    round-trip, the others' makers and pictures in a fixed number of queries."""
    return cards.prepare_cards(context.get("request"), products or [])
