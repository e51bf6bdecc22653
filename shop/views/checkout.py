"""Checkout: the form, then an order holding its pieces, then the provider's page or the
order page."""

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import delivery, lifecycle, payments, pricing
from ..cards import with_main_images
from ..cart import Cart
from ..checkout import (
    CartNotReady,
    Customer,
    open_payment_page,
    place_order,
    place_order_once,
)
from ..forms import CheckoutForm
from ..models import ShopSettings
from ..stock import OutOfStock
from .orders import order_url, recent_order, remember_order


def _back_to_cart(request, reasons):
    for reason in reasons:
        messages.error(request, reason)
    return redirect("shop:cart")


def _delivery_quote(form):
    """The zone of the place the shopper gave (typed, or the address's parts), if any."""
    data = form.data if form.is_bound else form.initial
    place = " ".join(str(data.get("delivery_place") or data.get("delivery_address") or "").split())
    return delivery.quote(form.zones, place) if place else None


def _render_checkout(request, form, summary, shop_settings, status=200, errors=()):
    quote = _delivery_quote(form)
    with_main_images(line.product for line in summary.lines)
    context = {
        "form": form,
        "cart": summary,
        "errors": list(errors),
        "online_enabled": len(form.fields["payment_method"].choices) > 1,
        "shop_settings": shop_settings,
        "zones": form.zones,
        "pickup_points": form.pickup_points,
        "quote": quote,
        "total_with_delivery": pricing.order_total([summary.total, quote.fee])
        if quote is not None and quote.found
        else None,
        "total_with_pickup": summary.total,
    }
    return render(request, "shop/checkout.html", context, status=status)


@require_http_methods(["GET", "POST"])
def checkout(request):
    """GET shows the form with the cart priced now; POST places the order."""
    shop_settings = ShopSettings.for_request(request)
    cart = Cart(request.session)
    summary = cart.summary(shop_settings)
    if not summary.lines:
        # A second click on "Place my order" lands on the order the first click placed.
        just_placed = recent_order(request)
        if just_placed is not None:
            return redirect(order_url(just_placed))
        return _back_to_cart(request, [_("Your cart is empty.")])
    if summary.has_problems:
        return _back_to_cart(
            request, [_("Some products in your cart cannot be ordered as they are: see below.")]
        )
    methods = payments.offered_methods(shop_settings)
    zones = delivery.zones_of(shop_settings)
    signature = summary.signature(delivery.fingerprint(zones))
    make_form = partial(
        CheckoutForm,
        methods=methods,
        zones=zones,
        pickup_points=delivery.pickup_points_of(shop_settings),
    )
    if request.method == "GET":
        form = make_form(initial={"cart_signature": signature})
        return _render_checkout(request, form, summary, shop_settings)
    if "quote" in request.POST:
        # « Show the delivery fee » without JavaScript: the form again, filled in, with
        # the fee and lead time of the place given; nothing is checked or placed yet.
        initial = {**request.POST.dict(), "cart_signature": signature}
        form = make_form(initial=initial)
        return _render_checkout(request, form, summary, shop_settings)

    form = make_form(request.POST)
    if not form.is_valid():
        return _render_checkout(request, form, summary, shop_settings, status=400)
    if form.cleaned_data["cart_signature"] != signature:
        # Prices, quantities or the fee moved since the page was shown: show them again.
        data = request.POST.copy()
        data["cart_signature"] = signature
        form = make_form(data)
        form.is_valid()
        error = _(
            "Your cart or its prices changed since this page was shown. Please check the "
            "amounts below, then confirm your order again."
        )
        return _render_checkout(request, form, summary, shop_settings, status=409, errors=[error])

    data = form.cleaned_data
    customer = Customer.from_form(data)
    place = partial(
        place_order,
        summary,
        customer,
        data["payment_method"],
        shop_settings,
        language=get_language() or "fr",
        site=shop_settings.site,
    )
    try:
        order, placed = place_order_once(request.session, signature, place)
    except (CartNotReady, OutOfStock) as error:
        return _back_to_cart(request, error.messages)
    cart.clear()
    remember_order(request, order)
    if placed and order.payment_provider:
        return _start_online_payment(request, order)
    return redirect(order_url(order))


def _start_online_payment(request, order):
    """Send the shopper to the provider's payment page; if the provider fails, undo the order."""
    try:
        hosted = open_payment_page(order, request.build_absolute_uri(order_url(order)))
    except payments.PaymentUnavailable:
        lifecycle.cancel(order, note=_("The provider could not open the payment page."))
        Cart(request.session).restore(order)
        messages.error(
            request,
            _(
                "Paying online is not possible right now. Your cart is as it was: try again in "
                "a moment, or choose to pay on delivery or at pickup."
            ),
        )
        return redirect("shop:checkout")
    return redirect(hosted.url)
