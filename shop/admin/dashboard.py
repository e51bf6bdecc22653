"""Panels on the admin's home page: orders to look after, stock running low, reservations.

Each panel counts with one or two queries, links to the list behind each count, and
is shown only to staff allowed to act on it.
"""

from datetime import timedelta
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from ..models import ONLINE_METHODS, Order, OrderStatus, ProductPage
from ..models.products import LOW_STOCK
from ..sales import start_of

# A cash order waiting longer than this holds its pieces for too long: a reminder.
CASH_WAIT_DAYS = 7
# A card payment page closing within this time: its pieces go back on sale soon.
CLOSING_SOON = timedelta(minutes=10)
# Products listed by name in the stock panel (the count covers them all).
LISTED_PRODUCTS = 8
ORDERS_INDEX = "shop_order_modeladmin_index"


def orders_url(**filters):
    return f"{reverse(ORDERS_INDEX)}?{urlencode(filters)}"


def today_start():
    return start_of(timezone.localdate())


class DashboardPanel(Component):
    """A panel shown to users holding `permission`."""

    permission = ""
    template_name = "shop/admin/dashboard_panel.html"

    class Media:
        css = {"all": ["css/shop-admin.css"]}

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not self.request.user.has_perm(self.permission):
            return ""
        return super().render_html(parent_context)


class OrdersPanel(DashboardPanel):
    """Today's orders and the orders waiting for someone: cash to collect, pieces to hand over."""

    name = "shop_orders"
    order = 90
    permission = "shop.view_order"
    heading = _("Orders")

    def counts(self):
        now = timezone.now()
        orders = Order.objects.all()
        return [
            {
                "label": _("Placed today"),
                "count": orders.filter(created_at__gte=today_start()).count(),
                "url": orders_url(created_at__gte=today_start().isoformat()),
            },
            {
                "label": _("Card payment in progress"),
                "count": orders.filter(
                    status=OrderStatus.PENDING_PAYMENT, payment_expires_at__gt=now
                ).count(),
                "url": orders_url(status__exact=OrderStatus.PENDING_PAYMENT),
            },
            {
                "label": _("Awaiting cash payment"),
                "count": orders.filter(status=OrderStatus.AWAITING_CASH).count(),
                "url": orders_url(status__exact=OrderStatus.AWAITING_CASH),
            },
            {
                "label": _("Paid, to hand over"),
                "count": orders.filter(status=OrderStatus.PAID).count(),
                "url": orders_url(status__exact=OrderStatus.PAID),
            },
            {
                "label": _("Need a refund"),
                "count": orders.filter(needs_refund=True).count(),
                "url": orders_url(needs_refund__exact=1),
                "alert": True,
            },
        ]

    def get_context_data(self, parent_context=None):
        return {"heading": self.heading, "counts": self.counts(), "panel_id": self.name}


class LowStockPanel(DashboardPanel):
    """Products made in several copies that are running out, or ran out."""

    name = "shop_low_stock"
    order = 91
    permission = "shop.adjust_stock"
    heading = _("Stock running low")

    def products(self):
        """Each product once, by its page in the first language (translations share the stock)."""
        return (
            ProductPage.objects.live()
            .filter(locale=Locale.get_default(), one_of_a_kind=False, stock__lte=LOW_STOCK)
            .order_by("stock", "title")
        )

    def get_context_data(self, parent_context=None):
        products = self.products()
        listed = [
            {
                "title": product.title,
                "detail": ngettext("%(count)s left", "%(count)s left", product.stock)
                % {"count": product.stock},
                "url": reverse("shop_stock_adjust", args=[product.pk]),
            }
            for product in products[:LISTED_PRODUCTS]
        ]
        return {
            "heading": self.heading,
            "panel_id": self.name,
            "counts": [
                {
                    "label": _("Sold out"),
                    "count": products.filter(stock=0).count(),
                    "url": "",
                },
                {
                    "label": _("%(count)s pieces or fewer left") % {"count": LOW_STOCK},
                    "count": products.filter(stock__gt=0).count(),
                    "url": "",
                },
            ],
            "items": listed,
            "items_label": _("Adjust the stock"),
        }


class ReservationsPanel(DashboardPanel):
    """Orders holding pieces that will soon be released, or have waited too long for cash."""

    name = "shop_reservations"
    order = 92
    permission = "shop.view_order"
    heading = _("Reservations about to lapse")

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        card = Order.objects.filter(
            status=OrderStatus.PENDING_PAYMENT,
            payment_method__in=ONLINE_METHODS,
            stock_reserved=True,
            payment_expires_at__lte=now + CLOSING_SOON,
        ).order_by("payment_expires_at")
        cash_limit = now - timedelta(days=CASH_WAIT_DAYS)
        cash = Order.objects.filter(
            status=OrderStatus.AWAITING_CASH, stock_reserved=True, created_at__lt=cash_limit
        ).order_by("created_at")
        items = [
            {
                "title": order.reference,
                "detail": _("payment page closes at %(time)s")
                % {"time": timezone.localtime(order.payment_expires_at).strftime("%H:%M")},
                "url": reverse("shop_order_modeladmin_inspect", args=[order.pk]),
            }
            for order in card[:LISTED_PRODUCTS]
        ]
        items += [
            {
                "title": order.reference,
                "detail": _("placed on %(date)s")
                % {"date": timezone.localtime(order.created_at).strftime("%d/%m/%Y")},
                "url": reverse("shop_order_modeladmin_inspect", args=[order.pk]),
            }
            for order in cash[:LISTED_PRODUCTS]
        ]
        return {
            "heading": self.heading,
            "panel_id": self.name,
            "counts": [
                {
                    "label": _("Card payment pages closed, or closing within %(minutes)s minutes")
                    % {"minutes": int(CLOSING_SOON.total_seconds() // 60)},
                    "count": card.count(),
                    "url": orders_url(status__exact=OrderStatus.PENDING_PAYMENT),
                },
                {
                    "label": _("Cash orders waiting for more than %(days)s days")
                    % {"days": CASH_WAIT_DAYS},
                    "count": cash.count(),
                    "url": orders_url(
                        status__exact=OrderStatus.AWAITING_CASH,
                        created_at__lt=cash_limit.isoformat(),
                    ),
                },
            ],
            "items": items,
            "items_label": _("See the order"),
        }


PANELS = (OrdersPanel, LowStockPanel, ReservationsPanel)
