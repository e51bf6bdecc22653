"""Checkout: the form, then an order holding its pieces, then Stripe or the order page."""

from functools import partial

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import lifecycle, payments
from ..cart import Cart
from ..checkout import CartNotReady, Customer, delivery_fee_for, place_order, place_order_once
from ..forms import CheckoutForm
from ..models import Fulfilment, Order, PaymentMethod, ShopSettings
from ..stock import OutOfStock
from .orders import order_url, recent_order, remember_order


def _back_to_cart(request, reasons):
    for reason in reasons:
        messages.error(request, reason)
    return redirect("shop:cart")


def _render_checkout(request, form, summary, shop_settings, status=200, errors=()):
    fee = shop_settings.delivery_fee
    context = {
        "form": form,
        "cart": summary,
        "errors": list(errors),
        "card_enabled": payments.card_payments_enabled(),
        "shop_settings": shop_settings,
        "delivery_fee": fee,
        "total_with_delivery": summary.total + delivery_fee_for(Fulfilment.DELIVERY, shop_settings),
        "total_with_pickup": summary.total + delivery_fee_for(Fulfilment.PICKUP, shop_settings),
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
    card_enabled = payments.card_payments_enabled()
    signature = summary.signature(shop_settings.delivery_fee)
    if request.method == "GET":
        form = CheckoutForm(card_enabled=card_enabled, initial={"cart_signature": signature})
        return _render_checkout(request, form, summary, shop_settings)

    form = CheckoutForm(request.POST, card_enabled=card_enabled)
    if not form.is_valid():
        return _render_checkout(request, form, summary, shop_settings, status=400)
    if form.cleaned_data["cart_signature"] != signature:
        # Prices, quantities or the fee moved since the page was shown: show them again.
        data = request.POST.copy()
        data["cart_signature"] = signature
        form = CheckoutForm(data, card_enabled=card_enabled)
        form.is_valid()
        error = _(
            "Your cart or its prices changed since this page was shown. Please check the "
            "amounts below, then confirm your order again."
        )
        return _render_checkout(request, form, summary, shop_settings, status=409, errors=[error])

    data = form.cleaned_data
    customer = Customer(
        name=data["name"],
        email=data["email"],
        phone=data["phone"],
        fulfilment=data["fulfilment"],
        delivery_address=data["delivery_address"],
        note=data["note"],
    )
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
    if placed and order.payment_method == PaymentMethod.CARD:
        return _start_card_payment(request, order)
    return redirect(order_url(order))


def _start_card_payment(request, order):
    """Send the shopper to Stripe's payment page; if Stripe fails, undo the order."""
    page = request.build_absolute_uri(order_url(order))
    try:
        session = payments.create_checkout_session(
            order,
            success_url=f"{page}?key={order.access_key()}",
            cancel_url=f"{page}?key={order.access_key()}&payment=cancelled",
        )
        if not session.get("id") or not session.get("url"):
            raise payments.PaymentUnavailable("Stripe returned no payment page.")
    except payments.PaymentUnavailable:
        lifecycle.cancel(order, note=_("Stripe could not open the payment page."))
        Cart(request.session).restore(order)
        messages.error(
            request,
            _(
                "Card payment is not possible right now. Your cart is as it was: try again in "
                "a moment, or choose to pay on delivery or at pickup."
            ),
        )
        return redirect("shop:checkout")
    Order.objects.filter(pk=order.pk).update(
        stripe_session_id=session["id"], stripe_checkout_url=session["url"]
    )
    return redirect(session["url"])
