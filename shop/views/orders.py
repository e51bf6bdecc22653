"""The shopper's order page: reachable from the session that placed the order, or by the
secret link in the e-mails; a guessed reference gives a 404."""

from datetime import timedelta

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import lifecycle, payments
from ..cart import Cart
from ..models import Order, OrderStatus, PaymentMethod, ShopSettings

SESSION_ORDERS = "shop_orders"
# A session remembers its latest orders only; older ones stay reachable by the e-mail link.
REMEMBERED_ORDERS = 20
# How long after an order a new visit to an empty checkout shows that order.
JUST_PLACED = timedelta(minutes=10)


def order_url(order):
    return reverse("shop:order_detail", args=[order.reference])


def remember_order(request, order):
    references = [
        reference
        for reference in request.session.get(SESSION_ORDERS, [])
        if isinstance(reference, str) and reference != order.reference
    ]
    request.session[SESSION_ORDERS] = [*references, order.reference][-REMEMBERED_ORDERS:]


def recent_order(request):
    """The order this session placed in the last few minutes, if any."""
    references = request.session.get(SESSION_ORDERS) or [None]
    order = Order.objects.filter(reference=references[-1]).first()
    if order is not None and order.created_at > timezone.now() - JUST_PLACED:
        return order
    return None


def _order_for(request, reference):
    """The order if this session placed it or the request carries its key; else 404."""
    order = Order.objects.filter(reference=reference).select_related("site").first()
    if order is None:
        raise Http404
    if reference in request.session.get(SESSION_ORDERS, []):
        return order
    if order.has_access_key(request.GET.get("key")):
        remember_order(request, order)
        return order
    raise Http404


def can_cancel(order):
    """A shopper may cancel a card order they have not paid; staff cancel the rest."""
    return (
        order.status == OrderStatus.PENDING_PAYMENT and order.payment_method == PaymentMethod.CARD
    )


def _render_order(request, order, status=200, errors=()):
    awaiting_card = can_cancel(order)
    context = {
        "order": order,
        "lines": list(order.lines.select_related("artisan")),
        "shop_settings": ShopSettings.for_site(order.site) if order.site_id else None,
        "awaiting_card": awaiting_card,
        "can_resume_payment": awaiting_card
        and bool(order.stripe_checkout_url)
        and order.payment_expires_at is not None
        and order.payment_expires_at > timezone.now(),
        "left_payment_page": request.GET.get("payment") == "cancelled",
        "errors": list(errors),
    }
    return render(request, "shop/order_detail.html", context, status=status)


@require_GET
def order_detail(request, reference):
    return _render_order(request, _order_for(request, reference))


@require_POST
def order_cancel(request, reference):
    """The shopper gives up paying by card: the pieces go back on sale and in their cart."""
    order = _order_for(request, reference)
    if not can_cancel(order):
        return _render_order(
            request, order, status=409, errors=[_("This order can no longer be cancelled here.")]
        )
    if order.stripe_session_id and not payments.expire_checkout_session(order.stripe_session_id):
        return _render_order(
            request,
            order,
            status=409,
            errors=[_("Your payment went through: it is being confirmed, the order stands.")],
        )
    try:
        order = lifecycle.cancel(order, note=_("Cancelled by the shopper before paying."))
    except lifecycle.TransitionNotAllowed:
        order.refresh_from_db()
        return _render_order(
            request, order, status=409, errors=[_("This order can no longer be cancelled here.")]
        )
    Cart(request.session).restore(order)
    messages.success(
        request,
        _("Order %(reference)s is cancelled. Its products are back in your cart.")
        % {"reference": order.reference},
    )
    return redirect("shop:cart")
