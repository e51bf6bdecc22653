"""Receipts of paid orders: numbered per site without gaps, shown as HTML and as a PDF.

A receipt is issued once an order is paid (`issue_receipt`, called when `order_changed`
reports the payment, and again, harmlessly, by whatever first needs it: the payment
e-mail, the order page). Its number is taken from the site's counter under a row lock,
in the transaction that creates the receipt: two payments at once wait for each other,
a rolled-back receipt gives its number back. The issuer's legal details and the VAT
rate are copied from the site's Shop settings when it is issued.

The PDF is drawn by fpdf2 with its built-in Helvetica (no font file, no system
library). Those fonts know Windows-1252, which covers French; the narrow no-break
space of French amounts (« 3 500 FCFA ») becomes a no-break space, and a character
beyond Windows-1252 (a name in another script) a question mark rather than an error.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from wagtail.models import Site

from . import pricing
from .models import OrderStatus, Receipt, ReceiptCounter, ShopSettings

# Orders that were paid at some point: each has (or gets) its receipt.
RECEIPTED_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.REFUNDED)
PDF_ENCODING = "windows-1252"


def _site_of(order):
    return order.site if order.site_id else Site.objects.get(is_default_site=True)


def issue_receipt(order):
    """The order's receipt, numbered now if it has none. The order must have been paid."""
    if order.status not in RECEIPTED_STATUSES:
        raise ValueError(f"Order {order.reference} is not paid: it has no receipt.")
    existing = Receipt.objects.filter(order=order).first()
    if existing is not None:
        return existing
    site = _site_of(order)
    shop_settings = ShopSettings.for_site(site)
    with transaction.atomic():
        counter, _created = ReceiptCounter.objects.select_for_update().get_or_create(site=site)
        # A concurrent issue for the same order waited on the lock above: it finds this one.
        existing = Receipt.objects.filter(order=order).first()
        if existing is not None:
            return existing
        counter.last_number += 1
        counter.save(update_fields=["last_number"])
        return Receipt.objects.create(
            order=order,
            site=site,
            number=counter.last_number,
            issued_at=timezone.now(),
            issuer_name=shop_settings.legal_name,
            issuer_address=shop_settings.legal_address,
            registration_number=shop_settings.registration_number,
            vat_rate=shop_settings.vat_rate,
        )


def receipt_for(order):
    """The receipt of a paid order (issued if missing), or None for an order never paid."""
    if order.status not in RECEIPTED_STATUSES:
        return None
    return issue_receipt(order)


@dataclass(frozen=True)
class Row:
    label: str
    quantity: int | None
    unit: str
    total: str


def receipt_context(receipt):
    """What a receipt shows, amounts formatted in the order's currency and language.

    Call it with the order's language active (the views and e-mails do).
    """
    order = receipt.order
    rows = [
        Row(
            line.product_title,
            line.quantity,
            order.format(line.unit_price),
            order.format(line.line_total),
        )
        for line in order.lines.all()
    ]
    if order.is_pickup:
        rows.append(Row(_("Pickup"), None, "", order.format(order.delivery_fee)))
    else:
        label = _("Delivery")
        if order.delivery_zone:
            label = _("Delivery (%(zone)s)") % {"zone": order.delivery_zone}
        rows.append(Row(label, None, "", order.format(order.delivery_fee)))
    tax = pricing.included_tax(order.total, receipt.vat_rate)
    return {
        "receipt": receipt,
        "order": order,
        "rows": rows,
        "total": order.format(order.total),
        "tax": order.format(tax) if receipt.vat_rate else "",
        "vat_rate": pricing.format_decimal(receipt.vat_rate, order.language),
        "refunded": order.format(order.refunded_amount) if order.refunded_amount else "",
        "paid_at": order.paid_at or receipt.issued_at,
    }


def _pdf_text(text):
    """`text` as the PDF's built-in fonts can draw it (see the module's docstring)."""
    text = str(text).replace(pricing.NARROW_NBSP, pricing.NBSP)
    return text.encode(PDF_ENCODING, errors="replace").decode(PDF_ENCODING)


def _date(value):
    return formats.date_format(timezone.localtime(value), "SHORT_DATE_FORMAT")


def pdf_filename(receipt):
    return f"{receipt.order.reference}-{receipt.reference}.pdf"


def render_pdf(receipt):
    """The receipt as PDF bytes, in the order's language."""
    order = receipt.order
    with translation.override(order.language):
        context = receipt_context(receipt)
        title = _("Receipt %(number)s") % {"number": receipt.reference}
        pdf = FPDF(format="A4")
        pdf.core_fonts_encoding = PDF_ENCODING
        # ASCII only in the document's properties: readers and tests find the numbers there.
        pdf.set_title(f"{receipt.reference} {order.reference}")
        pdf.set_author(_pdf_text(receipt.issuer_name))
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.add_page()
        width = pdf.epw

        def line(text, size=10, style="", height=5, align="L"):
            pdf.set_font("helvetica", style=style, size=size)
            pdf.multi_cell(
                width, height, _pdf_text(text), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )

        for text in (receipt.issuer_name, *receipt.issuer_address.splitlines()):
            if text.strip():
                line(text, style="B" if text == receipt.issuer_name else "")
        if receipt.registration_number:
            line(receipt.registration_number, size=9)
        pdf.ln(6)
        line(title, size=16, style="B", height=8)
        line(
            _("Order %(reference)s, paid on %(date)s (%(method)s)")
            % {
                "reference": order.reference,
                "date": _date(context["paid_at"]),
                "method": order.get_payment_method_display(),
            }
        )
        line(
            _("Issued on %(date)s to %(name)s")
            % {
                "date": _date(receipt.issued_at),
                "name": order.customer_name,
            }
        )
        pdf.ln(4)
        pdf.set_font("helvetica", size=10)
        with pdf.table(
            col_widths=(90, 20, 40, 40),
            text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT"),
            first_row_as_headings=True,
        ) as table:
            table.row(
                [
                    _pdf_text(_("Item")),
                    _pdf_text(_("Qty")),
                    _pdf_text(_("Unit price")),
                    _pdf_text(_("Total")),
                ]
            )
            for row in context["rows"]:
                table.row(
                    [
                        _pdf_text(row.label),
                        "" if row.quantity is None else str(row.quantity),
                        _pdf_text(row.unit),
                        _pdf_text(row.total),
                    ]
                )
        pdf.ln(3)
        line(
            _("Total paid: %(total)s") % {"total": context["total"]}, size=12, style="B", align="R"
        )
        if context["tax"]:
            line(
                _("Including VAT at %(rate)s %%: %(tax)s")
                % {"rate": context["vat_rate"], "tax": context["tax"]},
                align="R",
            )
        if context["refunded"]:
            line(_("Refunded since: %(amount)s") % {"amount": context["refunded"]}, align="R")
        return bytes(pdf.output())
