"""The home app in the admin: the "stories that sell" report in the Reports menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from shop.reports import PermissionMenuItem

from .reports import VIEW_STORY_REPORT, stories_report


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/stories-that-sell/", stories_report, name="home_stories_report")]


@hooks.register("register_reports_menu_item")
def stories_report_menu_item():
    return PermissionMenuItem(
        _("Stories that sell"),
        reverse("home_stories_report"),
        icon_name="doc-full",
        order=700,
        permission=VIEW_STORY_REPORT,
    )
