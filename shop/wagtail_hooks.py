"""The shop's admin hooks: they register what `shop.admin` defines, nothing more."""

from django.urls import reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.options import modeladmin_register

from .admin import reports, urls
from .admin.alerts import similar_piece_alerts
from .admin.dashboard import PANELS
from .admin.orders import CHANGE_ORDERS, OrderAdmin
from .admin.stock import StockAdjusted, stock_buttons

modeladmin_register(OrderAdmin)
register_snippet(reports.PayoutViewSet)


@hooks.register("register_admin_viewset")
def register_similar_piece_alerts():
    return similar_piece_alerts


@hooks.register("register_admin_urls")
def register_shop_admin_urls():
    return urls.urlpatterns


@hooks.register("register_reports_menu_item")
def earnings_menu_item():
    return reports.PermissionMenuItem(
        gettext_lazy("Artisans' earnings"),
        reverse("shop_earnings"),
        icon_name="success",
        order=710,
        permission=reports.VIEW_EARNINGS,
    )


@hooks.register("register_admin_menu_item")
def commission_order_menu_item():
    return reports.PermissionMenuItem(
        gettext_lazy("New made-to-order order"),
        reverse("shop_commission_order_new"),
        icon_name="plus",
        order=251,
        permission=CHANGE_ORDERS,
    )


@hooks.register("construct_homepage_panels")
def add_shop_panels(request, panels):
    panels.extend(panel(request) for panel in PANELS)


@hooks.register("register_log_actions")
def register_stock_log_action(actions):
    actions.register_action("shop.adjust_stock")(StockAdjusted)


@hooks.register("register_page_listing_more_buttons")
def stock_listing_button(page, user, next_url=None):
    yield from stock_buttons(page, user, priority=45)


@hooks.register("register_page_header_buttons")
def stock_header_button(page, user, view_name, next_url=None):
    yield from stock_buttons(page, user, priority=45)
