"""The receipt of a paid order, as a page and as a PDF, for whoever may see the order."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from .. import receipts
from .orders import _order_for


def _receipt(request, reference):
    receipt = receipts.receipt_for(_order_for(request, reference))
    if receipt is None:
        raise Http404
    return receipt


@require_GET
def receipt_detail(request, reference):
    receipt = _receipt(request, reference)
    with translation.override(receipt.order.language):
        context = receipts.receipt_context(receipt)
    return render(request, "shop/receipt.html", context)


@require_GET
def receipt_pdf(request, reference):
    receipt = _receipt(request, reference)
    response = HttpResponse(receipts.render_pdf(receipt), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{receipts.pdf_filename(receipt)}"'
    return response
