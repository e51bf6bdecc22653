from .attribution import StoryProductView
from .catalogue import ProductCategory, ProductIndexPage
from .orders import (
    ONLINE_METHODS,
    Fulfilment,
    Order,
    OrderLine,
    OrderReferenceCounter,
    OrderStatus,
    OrderStatusChange,
    PaymentEvent,
    PaymentMethod,
    Refund,
    RefundStatus,
    ReturnedLine,
)
from .payouts import ArtisanPayout, PayoutMethod
from .products import MAX_QUANTITY_PER_LINE, ProductImage, ProductPage
from .settings import ShopSettings

__all__ = [
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
    "ONLINE_METHODS",
    "PaymentEvent",
    "Refund",
    "RefundStatus",
    "ReturnedLine",
]
