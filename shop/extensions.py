"""Where apps above the shop add to its pages and e-mails without the shop importing them.

`shop` imports none of our apps (docs/conventions.md). An app that has something to show
on a product page, in its JSON-LD, or in the fulfilment e-mail registers a function
under one of these Wagtail hook names (`voices/wagtail_hooks.py` does, for buyers'
voices); the shop only asks the hooks, as it asks the publication policy
(`shop.publication`).
"""

from wagtail import hooks

# (product page, request) -> dict added to the product page's template context.
PRODUCT_PAGE_CONTEXT_HOOK = "product_page_context"
# (product page, context) -> dict merged into the product's schema.org data.
PRODUCT_STRUCTURED_DATA_HOOK = "product_structured_data"
# (order) -> dict added to the fulfilment e-mail's template context.
ORDER_FULFILLED_EMAIL_HOOK = "order_fulfilled_email_context"


def extra_from_hooks(name, *args):
    """Every dict the functions registered under `name` return for these arguments, merged."""
    extra = {}
    for function in hooks.get_hooks(name):
        extra.update(function(*args))
    return extra
