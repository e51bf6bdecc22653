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

from .. import payments, production, receipts
from ..cards import with_main_images
from ..cart import Cart
from ..lifecycle import TransitionNotAllowed, cancel
from ..models import ONLINE_METHODS, Order, OrderStatus, ShopSettings
from ..webhooks import apply_payment

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
    """A shopper may cancel an online order they have not paid; staff cancel the rest."""
    return order.status == OrderStatus.PENDING_PAYMENT and order.payment_method in ONLINE_METHODS


def confirm_on_return(request, order):
    """Back from the provider's page: ask the provider now rather than wait for its callback.

    Only the order's own payment page is asked about (Stripe adds its session id to the
    return address, which must be the order's), and only what the provider answers
    counts: the address itself proves nothing. If the provider cannot be reached, the
    callback will settle the order.
    """
    if not can_cancel(order) or not order.payment_reference:
        return order
    returned = request.GET.get("payment") == "returned"
    session_id = request.GET.get("session_id")
    if not returned or (session_id is not None and session_id != order.payment_reference):
        return order
    provider = payments.provider_for(order)
    try:
        state = provider.retrieve(order.payment_reference)
    except payments.PaymentUnavailable:
        return order
    belongs = state.reference == order.payment_reference and state.order_reference in (
        "",
        order.reference,
    )
    if belongs and state.state in (payments.PAID, payments.PROCESSING):
        apply_payment(order, state)
        order.refresh_from_db()
    return order


def _render_order(request, order, status=200, errors=()):
    awaiting_card = can_cancel(order)
    lines = list(order.lines.select_related("artisan", "product"))
    with_main_images(line.product for line in lines)
    context = {
        "order": order,
        "lines": lines,
        "shop_settings": ShopSettings.for_site(order.site) if order.site_id else None,
        "awaiting_card": awaiting_card,
        "can_resume_payment": awaiting_card
        and bool(order.payment_url)
        and order.payment_expires_at is not None
        and order.payment_expires_at > timezone.now(),
        "left_payment_page": request.GET.get("payment") == "cancelled",
        "receipt": receipts.receipt_for(order),
        "production": production.history(order),
        "access_key": request.GET.get("key", ""),
        "errors": list(errors),
    }
    return render(request, "shop/order_detail.html", context, status=status)


@require_GET
def order_detail(request, reference):
    return _render_order(request, confirm_on_return(request, _order_for(request, reference)))


@require_POST
def order_cancel(request, reference):
    """The shopper gives up paying online: the pieces go back on sale and in their cart."""
    order = _order_for(request, reference)
    if not can_cancel(order):
        return _render_order(
            request, order, status=409, errors=[_("This order can no longer be cancelled here.")]
        )
    provider = payments.provider_for(order)
    if order.payment_reference and not provider.expire(order.payment_reference):
        return _render_order(
            request,
            order,
            status=409,
            errors=[_("Your payment went through: it is being confirmed, the order stands.")],
        )
    try:
        order = cancel(order, note=_("Cancelled by the shopper before paying."))
    except TransitionNotAllowed:
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
