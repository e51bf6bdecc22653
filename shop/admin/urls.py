"""The shop's admin URLs (registered by `shop.wagtail_hooks`): order actions, stock, earnings."""

from django.urls import path

from .commissions import commission_order_new
from .orders import event_replay, order_action, order_refund, order_return, production_move
from .reports import earnings_index, earnings_statement, earnings_statement_print
from .stock import stock_adjust

urlpatterns = [
    path("shop/order/<int:pk>/status/", order_action, name="shop_order_action"),
    path("shop/order/<int:pk>/refund/", order_refund, name="shop_order_refund"),
    path("shop/order/<int:pk>/return/", order_return, name="shop_order_return"),
    path(
        "shop/order/<int:pk>/production/<int:line_pk>/",
        production_move,
        name="shop_production_move",
    ),
    path(
        "shop/order/<int:pk>/events/<int:event_pk>/replay/",
        event_replay,
        name="shop_event_replay",
    ),
    path("shop/stock/<int:pk>/", stock_adjust, name="shop_stock_adjust"),
    path("shop/made-to-order/new/", commission_order_new, name="shop_commission_order_new"),
    path("shop/earnings/", earnings_index, name="shop_earnings"),
    path(
        "shop/earnings/<int:artisan_id>/",
        earnings_statement,
        name="shop_earnings_statement",
    ),
    path(
        "shop/earnings/<int:artisan_id>/print/",
        earnings_statement_print,
        name="shop_earnings_statement_print",
    ),
]
