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
from .products import MAX_QUANTITY_PER_LINE, ProductImage, ProductPage
from .settings import ShopSettings

__all__ = [
    "ALLOWED_TRANSITIONS",
    "MAX_QUANTITY_PER_LINE",
    "Fulfilment",
    "Order",
    "OrderLine",
    "OrderReferenceCounter",
    "OrderStatus",
    "OrderStatusChange",
    "PaymentMethod",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ShopSettings",
    "StripeEvent",
]
