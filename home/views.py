"""`/robots.txt`: crawlers may read every public page, never the admin nor a shopper's cart.

`/favicon.ico`: where browsers and crawlers look for the icon when a page names none.
"""

import posixpath

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from shop.addresses import absolute_url

# Shop views no crawler should open: a cart, a checkout, an order's page (the reference
# and its key are the shopper's).
PRIVATE_SHOP_VIEWS = ("shop:cart", "shop:checkout")


def _private_paths():
    paths = [reverse("wagtailadmin_home")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [reverse(name) for name in PRIVATE_SHOP_VIEWS]
            # The folder of every order's page (/fr/orders/), whatever the reference.
            order = reverse("shop:order_detail", args=["reference"])
            paths.append(posixpath.dirname(order.rstrip("/")) + "/")
    return paths


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in _private_paths()]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'), request)}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    """The site's icon (the PNG drawn in assets/img), at its static, cacheable address."""
    response = HttpResponseRedirect(static("img/favicon.png"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
