from .catalogue import (
    MAX_QUANTITY_PER_LINE,
    ProductCategory,
    ProductImage,
    ProductIndexPage,
    ProductPage,
)
from .settings import ShopSettings

__all__ = [
    "MAX_QUANTITY_PER_LINE",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ShopSettings",
]
