"""Orders in the Wagtail admin: list, inspect, status actions, refunds, CSV export.

Orders are never created, edited by form or deleted here: staff move them along
with POST actions (mark paid, fulfilled, cancelled) that call `shop.lifecycle`,
and every move lands in the order's status history.
"""

import re
import uuid

from django import forms
from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import IndexView, InspectView

from .. import lifecycle, phones, pricing, production, refunds, sales, webhooks
from ..models import Order, OrderLine, PaymentEvent, ProductionStatus
from .export import csv_lines
from .stock import ADJUST_STOCK

VIEW_ORDERS = "shop.view_order"
CHANGE_ORDERS = "shop.change_order"


class OrderPermissionHelper(PermissionHelper):
    """Orders can be listed, inspected and moved along; never added, edited or deleted."""

    def user_can_list(self, user):
        return user.has_perm(VIEW_ORDERS) or user.has_perm(CHANGE_ORDERS)

    def user_can_inspect_obj(self, user, obj):
        return self.user_can_list(user)

    def user_can_create(self, user):
        return False

    def user_can_edit_obj(self, user, obj):
        return False

    def user_can_delete_obj(self, user, obj):
        return False


class OrderIndexView(IndexView):
    """The order list; its CSV export covers exactly the filtered, searched list."""

    FORMATS = (IndexView.FORMAT_CSV,)
    export_buttons_template_name = "shop/admin/export_buttons.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.error(request, _("These filters are not valid: showing every order."))
            return redirect(self.url_helper.index_url)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = StreamingHttpResponse(
            csv_lines(queryset), content_type="text/csv; charset=utf-8"
        )
        filename = f"orders-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def available_actions(order, user):
    """The status buttons of the order: the staff actions its status allows (`shop.lifecycle`)."""
    if not user.has_perm(CHANGE_ORDERS):
        return []
    actions = [(name, lifecycle.STAFF_ACTIONS[name]) for name in lifecycle.staff_actions(order)]
    return [
        {"name": name, "label": action.label, "danger": action.danger} for name, action in actions
    ]


class OrderInspectView(InspectView):
    """One order: lines, breakdown, customer, status history, payment, refunds and actions."""

    def get_context_data(self, **kwargs):
        order = self.instance
        returned, _delivery = sales.returns_of(order)
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "order": order,
                "phone_links": phones.contact_links(order.phone),
                "lines": [
                    (line, returned.get(line.pk, 0))
                    for line in order.lines.select_related("product", "story")
                ],
                "history": list(order.status_changes.select_related("changed_by")),
                "production": production_forms(order, self.request.user),
                "events": list(order.payment_events.all()),
                "refunds": list(order.refunds.select_related("created_by")),
                "actions": available_actions(order, self.request.user),
                "can_change": self.request.user.has_perm(CHANGE_ORDERS),
                "can_refund": self.request.user.has_perm(CHANGE_ORDERS)
                and refunds.can_refund(order),
                "can_return": self.request.user.has_perm(CHANGE_ORDERS)
                and refunds.can_return(order),
                "status_action_url": reverse("shop_order_action", args=[order.pk]),
                "can_adjust_stock": self.request.user.has_perm(ADJUST_STOCK),
            }
        )
        return context


class OrderAdmin(ModelAdmin):
    model = Order
    menu_label = gettext_lazy("Orders")
    menu_icon = "list-ul"
    menu_order = 250
    permission_helper_class = OrderPermissionHelper
    index_view_class = OrderIndexView
    inspect_view_class = OrderInspectView
    inspect_view_enabled = True
    inspect_template_name = "shop/admin/order_inspect.html"
    history_view_enabled = False  # the order's own status history is on the inspect page
    index_view_extra_css = ["css/shop-admin.css"]
    inspect_view_extra_css = ["css/shop-admin.css"]
    list_display = (
        "reference",
        "created_at",
        "customer_name",
        "phone_display",
        "place_display",
        "status_label",
        "payment_method",
        "total_display",
    )
    list_filter = ("status", "payment_method", "fulfilment", "needs_refund", "created_at")
    search_fields = ("reference", "email", "customer_name")
    # Shows the download button; the CSV's columns are defined in `shop.admin.export`.
    list_export = ("reference",)
    list_per_page = 50

    def status_label(self, order):
        if order.needs_refund:
            return _("%(status)s, needs a refund") % {"status": order.get_status_display()}
        return order.get_status_display()

    status_label.short_description = gettext_lazy("status")
    status_label.admin_order_field = "status"

    def phone_display(self, order):
        """The shopper's phone, a link that calls it when it reads as a number."""
        links = phones.contact_links(order.phone)
        if links is None:
            return order.phone
        return format_html('<a href="{}" class="shop-phone">{}</a>', links["tel"], order.phone)

    phone_display.short_description = gettext_lazy("phone")

    def place_display(self, order):
        """Where the order goes: the city or zone it is delivered to, or its pickup point."""
        if order.is_pickup:
            first_line = order.pickup_point.strip().splitlines()[:1]
            return _("Pickup: %(point)s") % {"point": first_line[0] if first_line else "-"}
        return order.delivery_place or order.delivery_zone or "-"

    place_display.short_description = gettext_lazy("city or pickup point")

    def total_display(self, order):
        amount = pricing.format_money(order.total, order.currency, get_language())
        return format_html('<span class="shop-amount">{}</span>', amount)

    total_display.short_description = gettext_lazy("total")
    total_display.admin_order_field = "total"


@require_POST
def order_action(request, pk):
    """Mark an order paid, fulfilled or cancelled, then go back to the order."""
    if not request.user.has_perm(CHANGE_ORDERS):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    action = lifecycle.STAFF_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return HttpResponseBadRequest(_("Unknown action."))
    note = request.POST.get("note", "").strip()[:1000]
    try:
        action.service(order, by=request.user, note=note)
    except lifecycle.TransitionNotAllowed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, action.done % {"reference": order.reference})
    return redirect("shop_order_modeladmin_inspect", order.pk)


def production_forms(order, user):
    """Each made-to-order line with its history and the statuses it may move to (if allowed)."""
    can_move = user.has_perm(CHANGE_ORDERS) and order.status in production.OPEN_ORDER_STATUSES
    return [
        {
            "line": line,
            "changes": changes,
            "next_steps": production.later_steps(line.production_status) if can_move else [],
            "action_url": reverse("shop_production_move", args=[order.pk, line.pk]),
        }
        for line, changes in production.history(order)
    ]


@require_POST
def production_move(request, pk, line_pk):
    """Move a made-to-order piece forward (in progress, ready, shipped); the shopper is told."""
    if not request.user.has_perm(CHANGE_ORDERS):
        raise PermissionDenied
    line = get_object_or_404(OrderLine, pk=line_pk, order_id=pk)
    to_status = request.POST.get("to_status", "")
    expected = request.POST.get("expected", "")
    if to_status not in ProductionStatus.values or expected not in ProductionStatus.values:
        messages.error(request, _("Unknown production status: nothing was changed."))
        return redirect("shop_order_modeladmin_inspect", pk)
    try:
        production.move_production(line, to_status, expected=expected, by=request.user)
    except production.ProductionMoveRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("« %(product)s » is now « %(status)s »; the shopper has been told.")
            % {"product": line.product_title, "status": ProductionStatus(to_status).label},
        )
    return redirect("shop_order_modeladmin_inspect", pk)


class RefundForm(forms.Form):
    """How much to give back; the key makes a form sent twice one refund."""

    amount = forms.IntegerField(
        label=gettext_lazy("Amount to refund"),
        min_value=1,
        help_text=gettext_lazy("In the currency's smallest unit (francs for XOF, cents for EUR)."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Why"), max_length=500, required=False, widget=forms.TextInput
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].widget.attrs["max"] = order.refundable_amount
        self.fields["amount"].validators.append(MaxValueValidator(order.refundable_amount))


def _give_back_page(request, pk, *, allowed, closed, form_class, template, initial, give_back):
    """The refund and the return pages: the form, then the service, its answer, the order.

    `give_back(order, cleaned_data, by=user)` makes the refund and returns its row; a
    refusal (`RefundRefused`) is shown on the order with nothing changed.
    """
    if not request.user.has_perm(CHANGE_ORDERS):
        raise PermissionDenied
    order = get_object_or_404(Order, pk=pk)
    if not allowed(order):
        messages.error(request, closed)
        return redirect("shop_order_modeladmin_inspect", order.pk)
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, order=order)
        status = 400
        if form.is_valid():
            try:
                refund = give_back(order, form.cleaned_data, by=request.user)
            except refunds.RefundRefused as refusal:
                messages.error(request, str(refusal))
            else:
                messages.success(
                    request,
                    _("Refund of %(amount)s: %(status)s.")
                    % {
                        "amount": order.format(refund.amount),
                        "status": refund.get_status_display(),
                    },
                )
            return redirect("shop_order_modeladmin_inspect", order.pk)
    else:
        form = form_class(initial={**initial(order), "idempotency_key": uuid.uuid4()}, order=order)
    context = {"order": order, "form": form, "whole_only": not refunds.allows_part(order)}
    return TemplateResponse(request, template, context, status=status)


def order_refund(request, pk):
    """Refund part or all of an order, through its provider or by hand for cash."""
    return _give_back_page(
        request,
        pk,
        allowed=refunds.can_refund,
        closed=_("This order has nothing left to refund."),
        form_class=RefundForm,
        template="shop/admin/order_refund.html",
        initial=lambda order: {"amount": order.refundable_amount},
        give_back=lambda order, data, by: refunds.refund(
            order,
            data["amount"],
            by=by,
            reason=data["reason"],
            idempotency_key=str(data["idempotency_key"]),
        ),
    )


LINE_FIELD = re.compile(r"^line-(\d+)-(quantity|restock)$")


class ReturnForm(forms.Form):
    """Pieces the shopper brought back, line by line: how many, and whether each goes back on sale.

    One quantity and one "put back on sale" box per line of the order; the amount is
    the pieces' price as sold (`pricing.return_amount`), plus the delivery fee if ticked.
    """

    delivery = forms.BooleanField(label=gettext_lazy("Refund the delivery fee too"), required=False)
    reason = forms.CharField(
        label=gettext_lazy("Why"), max_length=500, required=False, widget=forms.TextInput
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.left = {line.pk: (line, count) for line, count in refunds.returnable(order).items()}
        if not refunds.delivery_returnable(order):
            del self.fields["delivery"]
        for pk, (line, count) in self.left.items():
            self.fields[f"line-{pk}-quantity"] = forms.IntegerField(
                label=_("Pieces of « %(product)s » taken back (of %(count)s)")
                % {"product": line.product_title, "count": count},
                min_value=0,
                max_value=count,
                initial=0,
                required=False,
                error_messages={
                    "max_value": _("Only %(count)s pieces of this line can still come back.")
                    % {"count": count}
                },
            )
            self.fields[f"line-{pk}-restock"] = forms.BooleanField(
                label=_("Put them back on sale (not damaged)"), required=False
            )

    def line_fields(self):
        """(line, pieces left, quantity field, restock field) per line, for the template."""
        return [
            (line, count, self[f"line-{pk}-quantity"], self[f"line-{pk}-restock"])
            for pk, (line, count) in self.left.items()
        ]

    def clean(self):
        data = super().clean()
        for key in self.data:
            match = LINE_FIELD.match(key)
            if match and int(match[1]) not in self.left:
                raise forms.ValidationError(_("A returned line is not a line of this order."))
        pieces = {
            pk: (data.get(f"line-{pk}-quantity") or 0, data.get(f"line-{pk}-restock", False))
            for pk in self.left
        }
        if not any(quantity for quantity, _restock in pieces.values()):
            raise forms.ValidationError(_("Choose at least one piece to take back."))
        data["pieces"] = pieces
        return data


def order_return(request, pk):
    """Take pieces back from a paid or fulfilled order, refund them, restock those still sound."""
    return _give_back_page(
        request,
        pk,
        allowed=refunds.can_return,
        closed=_("This order has no piece left to take back."),
        form_class=ReturnForm,
        template="shop/admin/order_return.html",
        initial=lambda order: {},
        give_back=lambda order, data, by: refunds.refund_return(
            order,
            data["pieces"],
            delivery=data.get("delivery", False),
            by=by,
            reason=data["reason"],
            idempotency_key=str(data["idempotency_key"]),
        ),
    )


@require_POST
def event_replay(request, pk, event_pk):
    """Apply a stored payment event again: after fixing what made it fail, for instance."""
    if not request.user.has_perm(CHANGE_ORDERS):
        raise PermissionDenied
    record = get_object_or_404(PaymentEvent, pk=event_pk, order_id=pk)
    result = webhooks.replay(record)
    messages.info(request, _("Event applied again: %(result)s.") % {"result": result})
    return redirect("shop_order_modeladmin_inspect", pk)
