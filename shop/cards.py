"""Product cards, cached: the part of a card every shopper sees alike is rendered once.

A card (`components/product_card.html`) shows a product's picture, title, maker, price and
availability (`components/product_card_content.html`, cached), then an add-to-cart form that
carries each visitor's CSRF token and is never cached.

The cached part is keyed by:

- the product row this request loaded: id, stock, artisan's price, one-of-a-kind, live
  revision and publication time. A sale made by any process changes the stock the next
  request reads, so the key changes with it and a sold piece never shows as for sale;
- the site, the language and the story the card links back to;
- the card generation, a cache version renewed when anything else a card shows may have
  changed: a page published, unpublished, moved or deleted (the maker's name, addresses),
  an artisan's consent applied (`stories.consent` calls `forget_cards`), an image saved or
  deleted (renditions), the shop settings or a site saved (markup rate, currency, addresses).

A key costs no query: its parts are on the product row, and the generation is read from
the cache once per request. Listings call `prepare_cards`, which reads every card of the
list in one cache round-trip and fetches pictures only for the cards that were not cached.
"""

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .cache_versions import current_version, forget_public_pages, renew_version
from .models.products import ProductImage, mark_reserved
from .models.settings import ShopSettings

# The renditions `components/product_card_content.html` asks for (`fill-{400x400,800x800}
# format-webp`): listings prefetch exactly these for the cards not cached.
CARD_IMAGE_FILTERS = ("fill-400x400|format-webp", "fill-800x800|format-webp")
GENERATION_KEY = "shop:cards:generation"
CONTENT_TEMPLATE = "components/product_card_content.html"
# A day: entries of an old generation are never read again and age out.
CARD_TIMEOUT = 24 * 60 * 60


def forget_cards(**kwargs):
    """Renew the card generation: every card is rendered afresh from its next request.

    Renewed now, and again once the transaction commits: a card rendered in between, from
    data the transaction had not yet committed, is never read.
    """
    renew_version(GENERATION_KEY)
    transaction.on_commit(lambda: renew_version(GENERATION_KEY))
    forget_public_pages()  # every page showing a card, too


def _generation(request):
    """The card generation, read from the cache once per request."""
    if request is None:
        return current_version(GENERATION_KEY)
    if not hasattr(request, "_product_card_generation"):
        request._product_card_generation = current_version(GENERATION_KEY)
    return request._product_card_generation


def card_key(request, product, story=None):
    """The cache key of a product's card content: no query (see the module docstring)."""
    site = Site.find_for_request(request) if request is not None else None
    published = product.last_published_at.timestamp() if product.last_published_at else ""
    parts = (
        _generation(request),
        site.pk if site else "",
        get_language(),
        product.pk,
        product.live_revision_id,
        published,
        product.stock,
        product.artisan_price,
        int(product.one_of_a_kind),
        story.pk if story else "",
    )
    return "shop:card:" + ":".join(str(part) for part in parts)


def card_prefetches():
    """What the card content reads: the maker, the main picture and its card renditions."""
    return ["artisan", *main_image_prefetches()]


def main_image_prefetches():
    """A product's main picture (its first gallery image) and that picture's card renditions."""
    rendition_model = get_image_model().get_rendition_model()
    return [
        models.Prefetch(
            "gallery_images",
            queryset=ProductImage.objects.select_related("image").order_by("sort_order", "pk"),
        ),
        models.Prefetch(
            "gallery_images__image__renditions",
            queryset=rendition_model.objects.filter(filter_spec__in=CARD_IMAGE_FILTERS),
            to_attr="prefetched_renditions",
        ),
    ]


def with_main_images(products):
    """Fetch the main pictures of these products (None skipped) in two queries, whatever
    their number: the cart's, checkout's and order's lines show them as thumbnails
    (`components/line_thumbnail.html`, a card rendition)."""
    models.prefetch_related_objects(
        [product for product in products if product is not None], *main_image_prefetches()
    )


def prepare_cards(request, products):
    """The products as a list, each holding its cached card if there is one.

    One cache round-trip for the whole list; the cards not cached get their maker and
    pictures in a fixed number of queries, whatever their number.
    """
    products = list(products)
    keys = {product.pk: card_key(request, product) for product in products}
    cached = cache.get_many(list(keys.values()))
    missing = []
    for product in products:
        key = keys[product.pk]
        product.prepared_card = (key, cached.get(key))
        if key not in cached:
            missing.append(product)
    models.prefetch_related_objects(missing, *card_prefetches())
    mark_reserved(missing)  # « Réservé » or « Vendu »: one query for the cards to render
    return products


def card_content(context, product, story=None):
    """The card content of `product`, from the cache or rendered (and then cached)."""
    key = card_key(context.get("request"), product, story)
    prepared_key, html = getattr(product, "prepared_card", (None, None))
    if prepared_key != key:
        html = cache.get(key)
    if html is None:
        template = context.template.engine.get_template(CONTENT_TEMPLATE)
        with context.push(product=product, story=story):
            html = template.render(context)
        cache.set(key, html, CARD_TIMEOUT)
    return mark_safe(html)  # noqa: S308 (our template's output, escaped when rendered)


def _forget_cards_for_page(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_cards()


def _forget_cards_for_image(sender, instance, update_fields=None, **kwargs):
    # Wagtail records a file's size or hash when first asked: the picture is the same.
    if update_fields and set(update_fields) <= {"file_size", "file_hash"}:
        return
    forget_cards()


def connect_signals():
    """Called once at start-up by `ShopConfig.ready`."""
    uid = "shop.cards.forget"
    page_published.connect(forget_cards, dispatch_uid=f"{uid}.published")
    page_unpublished.connect(forget_cards, dispatch_uid=f"{uid}.unpublished")
    post_page_move.connect(forget_cards, dispatch_uid=f"{uid}.moved")
    post_delete.connect(_forget_cards_for_page, dispatch_uid=f"{uid}.page_deleted")
    image_model = get_image_model()
    post_save.connect(
        _forget_cards_for_image, sender=image_model, dispatch_uid=f"{uid}.image_saved"
    )
    post_delete.connect(forget_cards, sender=image_model, dispatch_uid=f"{uid}.image_deleted")
    post_save.connect(forget_cards, sender=ShopSettings, dispatch_uid=f"{uid}.settings")
    post_save.connect(forget_cards, sender=Site, dispatch_uid=f"{uid}.site")
