"""The login lock-outs screen in the admin's Settings menu, for those who manage accounts,
and the rate limit of posts to pages that take them (the enquiry forms)."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from shop.admin.reports import PermissionMenuItem

from . import ratelimit
from .security import client_ip, too_many_requests
from .views import UNLOCK_PERMISSION, login_lockouts


@hooks.register("before_serve_page")
def limit_page_posts(page, request, serve_args, serve_kwargs):
    """A page that takes posts names its scope (`post_rate_limit`, a key of `RATE_LIMITS`):
    its posts are counted per client address as the shop's are (`RateLimitMiddleware`),
    which cannot see them, since every page is served by the one Wagtail view."""
    scope = getattr(page, "post_rate_limit", None)
    if request.method != "POST" or scope not in settings.RATE_LIMITS:
        return None
    limit, window = settings.RATE_LIMITS[scope]
    wait = ratelimit.take(scope, client_ip(request), limit, window)
    return too_many_requests(request, wait) if wait else None


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
