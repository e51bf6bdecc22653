"""Stock in the Wagtail admin: the « Adjust stock » form and button of a product page.

The count is set through `shop.stock.adjust_stock`, which refuses when a sale or a
cancellation moved it since the form was shown; every adjustment is logged in the
page's history (`shop.adjust_stock`).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter, log

from ..models import ProductPage
from ..stock import StockChanged, adjust_stock

ADJUST_STOCK = "shop.adjust_stock"


class StockAdjustmentForm(forms.Form):
    stock = forms.IntegerField(
        label=gettext_lazy("Pieces available for sale now"),
        min_value=0,
        max_value=1_000_000,
        help_text=gettext_lazy("0 marks the product as sold."),
    )
    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    note = forms.CharField(
        label=gettext_lazy("Why (optional)"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("For example « 3 new pieces from the workshop » or « one broken »."),
    )


def stock_adjust(request, pk):
    """Set how many pieces of a product are for sale, refusing if a sale moved it meanwhile."""
    if not request.user.has_perm(ADJUST_STOCK):
        raise PermissionDenied
    product = get_object_or_404(ProductPage, pk=pk)
    status, conflict = 200, ""
    if request.method == "POST":
        form = StockAdjustmentForm(request.POST)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            try:
                previous = adjust_stock(product, data["stock"], expected=data["expected"])
            except StockChanged as change:
                status = 409
                form = StockAdjustmentForm(initial={**data, "expected": change.current})
                conflict = _(
                    "Meanwhile the stock became %(count)s (a sale or a cancellation). "
                    "Check the new figure and save again."
                ) % {"count": change.current}
            else:
                log(
                    instance=product,
                    action="shop.adjust_stock",
                    user=request.user,
                    data={"from": previous, "to": data["stock"], "note": data["note"]},
                )
                messages.success(
                    request,
                    _("Stock of « %(title)s »: %(count)s.")
                    % {"title": product.title, "count": data["stock"]},
                )
                return redirect("wagtailadmin_pages:edit", product.pk)
    else:
        form = StockAdjustmentForm(initial={"stock": product.stock, "expected": product.stock})
    context = {"product": product, "form": form, "conflict": conflict}
    return TemplateResponse(request, "shop/admin/stock_adjust.html", context, status=status)


class StockAdjusted(LogFormatter):
    """The history line of a stock adjustment: from, to, and why."""

    label = gettext_lazy("Adjust stock")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = _("Stock changed from %(from)s to %(to)s") % {
            "from": data.get("from"),
            "to": data.get("to"),
        }
        return f"{message}: {data['note']}" if data.get("note") else message


def stock_buttons(page, user, priority):
    """The « Adjust stock » button of a product page, for staff allowed to adjust it."""
    if issubclass(page.specific_class or object, ProductPage) and user.has_perm(ADJUST_STOCK):
        yield Button(
            _("Adjust stock"),
            url=reverse("shop_stock_adjust", args=[page.pk]),
            icon_name="tag",
            priority=priority,
        )
