from .attribution import StoryProductView
from .catalogue import ProductCategory, ProductIndexPage
from .orders import (
    ALLOWED_TRANSITIONS,
    Fulfilment,
    Order,
    OrderLine,
    OrderReferenceCounter,
    OrderStatus,
    OrderStatusChange,
    PaymentMethod,
    StripeEvent,
)
from .payouts import ArtisanPayout, PayoutMethod
from .products import MAX_QUANTITY_PER_LINE, ProductImage, ProductPage
from .settings import ShopSettings

__all__ = [
    "ALLOWED_TRANSITIONS",
    "ArtisanPayout",
    "MAX_QUANTITY_PER_LINE",
    "Fulfilment",
    "Order",
    "OrderLine",
    "OrderReferenceCounter",
    "OrderStatus",
    "OrderStatusChange",
    "PaymentMethod",
    "PayoutMethod",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ShopSettings",
    "StoryProductView",
    "StripeEvent",
]
