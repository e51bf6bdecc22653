from .catalogue import ProductCategory, ProductIndexPage
from .products import MAX_QUANTITY_PER_LINE, ProductImage, ProductPage
from .settings import ShopSettings

__all__ = [
    "MAX_QUANTITY_PER_LINE",
    "ProductCategory",
    "ProductImage",
    "ProductIndexPage",
    "ProductPage",
    "ShopSettings",
]
