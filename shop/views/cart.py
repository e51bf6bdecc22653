"""Cart views: parse the request, call the cart, render. Prices come from `shop.pricing`."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..cards import with_main_images
from ..cart import Cart
from ..forms import CartLineForm
from ..models import ShopSettings
from ..models.products import similar_pieces
from ..parsing import id_from


def render_cart(request, status=200, errors=()):
    """The cart page, with `errors` shown in an alert (used with status 400 and 409)."""
    summary = Cart(request.session).summary(ShopSettings.for_request(request))
    with_main_images(line.product for line in summary.lines)
    context = {"cart": summary, "errors": list(errors)}
    if summary.lines and not summary.payable_lines:
        # Every piece sold meanwhile: no total, no checkout, but pieces like them.
        context["similar_pieces"] = similar_pieces(line.product for line in summary.lines)
    return render(request, "shop/cart.html", context, status=status)


def form_errors(form):
    return [error for errors in form.errors.values() for error in errors]


@require_GET
def cart_detail(request):
    return render_cart(request)


def _apply_line(request, adding):
    """Validate one product and quantity; change the cart only when all is well."""
    cart = Cart(request.session)
    form = CartLineForm(request.POST, cart=cart, adding=adding)
    if form.is_valid():
        data = form.cleaned_data
        price = ShopSettings.for_request(request).breakdown(data["product"].artisan_price)
        cart.set(
            form.cart_product_id,
            data["new_quantity"],
            story_id=data.get("story"),
            price_seen=price.unit_price,
        )
    return form


@require_POST
def cart_add(request):
    form = _apply_line(request, adding=True)
    if not form.is_valid():
        return render_cart(request, status=400, errors=form_errors(form))
    product = form.cleaned_data["product"]
    messages.success(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("« %(title)s »: added to your cart.") % {"title": product.title},
            reverse("shop:cart"),
            _("See the cart"),
        ),
    )
    return redirect(_back_to(request, product.url))


def _back_to(request, fallback):
    """Where the shopper added from (`next`, on this site only), else `fallback`."""
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else fallback


@require_POST
def cart_update(request):
    form = _apply_line(request, adding=False)
    if not form.is_valid():
        return render_cart(request, status=400, errors=form_errors(form))
    messages.success(request, _("Quantity updated."))
    return redirect("shop:cart")


@require_POST
def cart_remove(request):
    cart = Cart(request.session)
    product_id = id_from(request.POST.get("product"))
    if product_id not in cart.quantities():
        return render_cart(request, status=400, errors=[_("This product is not in your cart.")])
    cart.remove(product_id)
    messages.success(request, _("The product was removed from your cart."))
    return redirect("shop:cart")


@require_GET
def cart_empty_confirm(request):
    """« Vider le panier » asks first, without JavaScript: this page holds the real button."""
    summary = Cart(request.session).summary(ShopSettings.for_request(request))
    if not summary.lines:
        return redirect("shop:cart")
    return render(request, "shop/cart_empty_confirm.html", {"cart": summary})


@require_POST
def cart_empty(request):
    Cart(request.session).clear()
    messages.success(request, _("Your cart is empty now."))
    return redirect("shop:cart")
