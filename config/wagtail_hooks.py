"""The login lock-outs screen in the admin's Settings menu, for those who manage accounts."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from shop.admin.reports import PermissionMenuItem

from .views import UNLOCK_PERMISSION, login_lockouts


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("login-lockouts/", login_lockouts, name="config_login_lockouts")]


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return PermissionMenuItem(
        _("Login lock-outs"),
        reverse("config_login_lockouts"),
        icon_name="lock",
        order=900,
        permission=UNLOCK_PERMISSION,
    )
