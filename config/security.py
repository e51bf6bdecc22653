"""Site-wide protections: security headers, POST rate limits and admin login throttling.

Counters live in the cache, which is Redis when deployed, so every app server
behind the load balancer shares them.
"""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render

ADMIN_LOGIN_URL_NAME = "wagtailadmin_login"


def client_ip(request):
    """The client's address; behind N trusted proxies, the Nth address from the right."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def _window_key(scope, ident, window):
    return f"ratelimit:{scope}:{ident}:{int(time.time() // window)}"


def hit(scope, ident, window):
    """Count one event in the current fixed window and return the count so far."""
    key = _window_key(scope, ident, window)
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def count(scope, ident, window):
    return cache.get(_window_key(scope, ident, window), 0)


def too_many_requests(request, retry_after):
    response = render(
        request, "429.html", {"retry_after_minutes": max(1, retry_after // 60)}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def _login_ident(request, username):
    return f"{client_ip(request)}:{(username or '').strip().lower()[:150]}"


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    if request is not None:
        _limit, window = settings.ADMIN_LOGIN_THROTTLE
        hit("login", _login_ident(request, credentials.get("username")), window)


@receiver(user_logged_in)
def forget_failed_logins(sender, request, user, **kwargs):
    if request is not None:
        _limit, window = settings.ADMIN_LOGIN_THROTTLE
        cache.delete(_window_key("login", _login_ident(request, user.get_username()), window))


class RateLimitMiddleware:
    """Answer 429 to clients that POST too often to rate-limited views or fail to log in.

    `RATE_LIMITS` maps URL namespaces (e.g. "shop") to (requests, seconds) per client
    address; `ADMIN_LOGIN_THROTTLE` bounds failed admin logins per address and username.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        match = request.resolver_match
        if match.url_name == ADMIN_LOGIN_URL_NAME:
            limit, window = settings.ADMIN_LOGIN_THROTTLE
            ident = _login_ident(request, request.POST.get("username"))
            if count("login", ident, window) >= limit:
                return too_many_requests(request, window)
            return None
        for namespace in match.namespaces:
            if namespace in settings.RATE_LIMITS:
                limit, window = settings.RATE_LIMITS[namespace]
                if hit(namespace, client_ip(request), window) > limit:
                    return too_many_requests(request, window)
        return None


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy on public pages, and a Permissions-Policy everywhere.

    The Wagtail admin sets its own scripts and styles, so it is left out of the CSP.
    A page previewed in the admin keeps the policy but may be framed by the admin itself:
    Wagtail renders the preview panel through a stand-in request for the page's public
    address, and `frame-ancestors 'none'` would leave the panel blank.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        policy = settings.CONTENT_SECURITY_POLICY
        self.policy = self.header(policy)
        self.preview_policy = self.header({**policy, "frame-ancestors": ["'self'"]})

    @staticmethod
    def header(policy):
        return "; ".join(
            f"{directive} {' '.join(sources)}".strip() for directive, sources in policy.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_dummy", False):  # Wagtail's stand-in request for a preview
            response.setdefault("Content-Security-Policy", self.preview_policy)
        elif not request.path.startswith(settings.CSP_EXCLUDED_PREFIXES):
            response.setdefault("Content-Security-Policy", self.policy)
        response.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response
