from .alerts import SimilarPieceAlert
from .attribution import StoryProductView
from .catalogue import ProductCategory, ProductIndexPage
from .delivery import DeliveryZone, PickupPoint
from .orders import (
    ONLINE_METHODS,
    Fulfilment,
    Notification,
    Order,
    OrderLine,
    OrderReferenceCounter,
    OrderStatus,
    OrderStatusChange,
    PaymentEvent,
    PaymentMethod,
    ProductionStatus,
    ProductionStatusChange,
    Refund,
    RefundStatus,
    ReturnedLine,
)
from .payouts import ArtisanPayout, PayoutMethod
from .products import MAX_QUANTITY_PER_LINE, ProductImage, ProductPage
from .receipts import Receipt, ReceiptCounter
from .settings import ShopSettings

__all__ = [
    "ArtisanPayout",
    "MAX_QUANTITY_PER_LINE",
    "DeliveryZone",
    "Fulfilment",
    "Notification",
    "PickupPoint",
    "Receipt",
    "ReceiptCounter",
    "Order",
    "OrderLine",
    "OrderReferenceCounter",
    "OrderStatus",
    "OrderStatusChange",
    "PaymentMethod",
    "ProductionStatus",
    "ProductionStatusChange",
    "PayoutMethod",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ShopSettings",
    "SimilarPieceAlert",
    "StoryProductView",
    "ONLINE_METHODS",
    "PaymentEvent",
    "Refund",
    "RefundStatus",
    "ReturnedLine",
]
