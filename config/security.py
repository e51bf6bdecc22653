"""Site-wide protections: the client's address behind proxies, security headers, POST rate
limits and admin login throttling.

Counters live in the cache, which is Redis when deployed, so every app server
behind the load balancer shares them.
"""

import ipaddress
import math
from functools import lru_cache

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.shortcuts import render

from . import logins, ratelimit

ADMIN_LOGIN_URL_NAME = "wagtailadmin_login"
# A forwarded chain longer than this is not from our proxies: only its tail is read.
MAX_FORWARDED_HOPS = 20


@lru_cache(maxsize=8)
def _trusted_networks(networks):
    return tuple(ipaddress.ip_network(network, strict=False) for network in networks)


def _is_trusted(address):
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    networks = _trusted_networks(tuple(settings.TRUSTED_PROXY_NETWORKS))
    return any(parsed in network for network in networks)


def client_ip(request):
    """The client's address, read from X-Forwarded-For only as far as the operator trusts it.

    With `TRUSTED_PROXY_NETWORKS`, the address is the right-most one in the chain
    (X-Forwarded-For then the connection's own address) that is not one of our proxies:
    whatever a client wrote at the left of the header itself is never reached. With
    `TRUSTED_PROXY_COUNT` (N proxies in front, always), it is the Nth address from the
    right. Otherwise, or for a connection that does not come from a trusted proxy, it is
    the connection's address.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",")[-MAX_FORWARDED_HOPS:]]
    hops = [hop for hop in hops if hop]
    if settings.TRUSTED_PROXY_NETWORKS:
        if not _is_trusted(remote):
            return remote
        for hop in reversed(hops):
            if not _is_trusted(hop):
                return hop[:64]
        return (hops[0] if hops else remote)[:64]
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies and len(hops) >= proxies:
        return hops[-proxies][:64]
    return remote


def too_many_requests(request, retry_after, template="429.html"):
    """The 429 page: what happened, and the wait in minutes, also sent as Retry-After."""
    response = render(
        request, template, {"retry_after_minutes": math.ceil(retry_after / 60)}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


@receiver(user_login_failed)
def count_failed_login(sender, credentials, request=None, **kwargs):
    if request is not None:
        logins.record_failure(client_ip(request), credentials.get("username"))


@receiver(user_logged_in)
def forget_failed_logins(sender, request, user, **kwargs):
    if request is not None:
        logins.forget_failures(client_ip(request), user.get_username())


class RateLimitMiddleware:
    """Answer 429 to clients that POST too often to rate-limited views or fail to log in.

    `RATE_LIMITS` maps URL namespaces (e.g. "shop") to (requests, seconds) per client
    address, counted in a sliding window (`config.ratelimit`): one client sending too
    much is slowed to its limit while every other address goes on as before.
    Admin logins follow `LOGIN_THROTTLES` (`config.logins`).
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
            wait = logins.seconds_locked(client_ip(request), request.POST.get("username"))
            if wait:
                return too_many_requests(request, wait, "429_login.html")
            return None
        for namespace in match.namespaces:
            if namespace in settings.RATE_LIMITS:
                limit, window = settings.RATE_LIMITS[namespace]
                wait = ratelimit.take(namespace, client_ip(request), limit, window)
                if wait:
                    return too_many_requests(request, wait)
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
