"""The impact app in the admin: the reconciliation and "stories that sell" reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from shop.admin.orders import VIEW_ORDERS
from shop.admin.reports import PermissionMenuItem

from .reports import VIEW_STORY_REPORT, impact_reconciliation, stories_report


@hooks.register("register_admin_urls")
def register_report_urls():
    # The addresses are those of the reports before they moved here: bookmarks still work.
    return [
        path("shop/impact/", impact_reconciliation, name="impact_reconciliation"),
        path("reports/stories-that-sell/", stories_report, name="impact_stories_report"),
    ]


@hooks.register("register_reports_menu_item")
def stories_report_menu_item():
    return PermissionMenuItem(
        _("Stories that sell"),
        reverse("impact_stories_report"),
        icon_name="doc-full",
        order=700,
        permission=VIEW_STORY_REPORT,
    )


@hooks.register("register_reports_menu_item")
def reconciliation_menu_item():
    return PermissionMenuItem(
        _("Impact figures"),
        reverse("impact_reconciliation"),
        icon_name="table",
        order=720,
        permission=VIEW_ORDERS,
    )
