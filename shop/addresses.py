"""Absolute addresses of the site's pages and files, for links that leave the site.

Canonical links, Open Graph, JSON-LD, feeds and the sitemap are read by robots that
follow them from elsewhere, so they carry the scheme and host. With a request they
are the request's own (behind the proxy, the public host it forwarded: nginx passes
`Host` and `X-Forwarded-Proto`), never the Site's stored hostname, which only picks
the site. Without a request (an e-mail sent by the mail worker), `SITE_URL`.
"""

from django.conf import settings


def absolute_url(url, request=None):
    """`url` (a path, or already absolute) with the scheme and host readers reach us at."""
    if not url or url.startswith(("http://", "https://")):
        return url or ""
    if request is not None:
        return request.build_absolute_uri(url)
    return settings.SITE_URL + url


def page_url(page, request=None):
    """A page's absolute address, on the request's host (see `absolute_url`)."""
    return absolute_url(page.get_url(request), request)
