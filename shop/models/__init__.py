from .catalogue import (
    MAX_QUANTITY_PER_LINE,
    ProductCategory,
    ProductImage,
    ProductIndexPage,
    ProductPage,
)
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
