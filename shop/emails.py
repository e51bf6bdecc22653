"""The shop's e-mails: to the shopper in their language, to shop managers in French.

Every e-mail is plain text with an HTML alternative, and is sent only once the
transaction that changed the order has committed (`send_on_commit`): an order
rolled back never announces itself. A failing mail server is logged, never shown
to the shopper as an error once their order exists.

The shopper's notices go by the channels they chose at checkout (`Order.notify_by`):
e-mail, SMS (queued through `shop.sms`, texts in templates/shop/sms/) or both. A paid
order's confirmation carries its receipt as a PDF.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from staff.groups import SHOP_MANAGERS

from . import phones, receipts, sms
from .addresses import absolute_url
from .extensions import ORDER_FULFILLED_EMAIL_HOOK, extra_from_hooks
from .models import (
    Order,
    OrderStatus,
    PaymentMethod,
    ProductionStatusChange,
    RefundStatus,
    ShopSettings,
)

logger = logging.getLogger(__name__)


def send_on_commit(send, order):
    """Call `send(order)` after the current transaction commits, with the order reloaded."""
    order_pk = order.pk

    def deliver():
        try:
            send(Order.objects.select_related("site").get(pk=order_pk))
        except Exception:
            logger.exception("Could not send the %s e-mail of order %s", send.__name__, order_pk)

    transaction.on_commit(deliver)


def order_page_url(order):
    """The shopper's link to their order: the reference plus a secret key."""
    with translation.override(order.language):
        path = reverse("shop:order_detail", args=[order.reference])
    return absolute_url(f"{path}?key={order.access_key()}")


def order_admin_url(order):
    return absolute_url(reverse("shop_order_modeladmin_inspect", args=[order.pk]))


def shop_managers_emails():
    users = get_user_model().objects.filter(
        groups__name=SHOP_MANAGERS, is_active=True, email__gt=""
    )
    return sorted(set(users.values_list("email", flat=True)))


def _shop_settings(order):
    if order.site_id:
        return ShopSettings.for_site(order.site)
    return ShopSettings.objects.first() or ShopSettings()


def _send(template, subject, recipients, order, language, attachments=(), **extra):
    if not recipients:
        logger.warning("No recipient for the %s e-mail of order %s", template, order.reference)
        return
    with translation.override(language):
        context = {
            "order": order,
            "lines": list(order.lines.select_related("artisan")),
            "shop_settings": _shop_settings(order),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "order_url": order_page_url(order),
            "admin_url": order_admin_url(order),
            **extra,
        }
        text = render_to_string(f"shop/emails/{template}.txt", context)
        html = render_to_string(f"shop/emails/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=f"{subject} · {settings.WAGTAIL_SITE_NAME}",
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=recipients,
        )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def _receipt_attachments(order):
    """The receipt PDF of a paid order, as an e-mail attachment (none before payment)."""
    receipt = receipts.receipt_for(order)
    if receipt is None:
        return ()
    return ((receipts.pdf_filename(receipt), receipts.render_pdf(receipt), "application/pdf"),)


def text_message(template, order, **extra):
    """The SMS `template` for the order, in the shopper's language, on one line."""
    with translation.override(order.language):
        context = {
            "order": order,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "order_url": order_page_url(order),
            **extra,
        }
        return " ".join(render_to_string(f"shop/sms/{template}.txt", context).split())


def _tell_shopper(template, subject, order, with_receipt=True, by_sms=True, **extra):
    """The e-mail and the SMS `template`, by the channels the shopper chose.

    With `with_receipt`, the e-mail of a paid order carries its receipt; without `by_sms`,
    only the e-mail goes; `extra` goes to both templates' context.
    """
    if order.wants_email:
        attachments = _receipt_attachments(order) if with_receipt else ()
        _send(
            template,
            subject,
            [order.email],
            order,
            order.language,
            attachments=attachments,
            **extra,
        )
    if order.wants_sms and by_sms:
        try:
            number = phones.normalise(order.phone)
        except ValueError:
            logger.warning("No SMS for order %s: %r is not a phone number", order.pk, order.phone)
            return
        sms.send(number, text_message(template, order, **extra))


def order_confirmation(order):
    """To the shopper: what they ordered, the breakdown, how it is paid and reaches them."""
    with translation.override(order.language):
        if order.status == OrderStatus.AWAITING_CASH:
            subject = _("Order %(reference)s received") % {"reference": order.reference}
        else:
            subject = _("Order %(reference)s paid") % {"reference": order.reference}
    _tell_shopper("order_confirmation", subject, order)


def payment_received(order):
    """To the shopper: the cash was received; their receipt is attached."""
    with translation.override(order.language):
        subject = _("Payment received for order %(reference)s") % {"reference": order.reference}
    _tell_shopper("payment_received", subject, order)


def new_order_notice(order):
    """To shop managers: an order to prepare (paid by card, or to be paid in cash)."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("New order %(reference)s") % {"reference": order.reference}
    _send("new_order_notice", subject, shop_managers_emails(), order, settings.LANGUAGE_CODE)


def order_placed(order):
    """A cash order was placed, or a card order was paid: tell the shopper and the shop."""
    order_confirmation(order)
    new_order_notice(order)


def order_fulfilled(order):
    """To the shopper: their order is on its way, or ready to collect.

    Apps above the shop add to it through `ORDER_FULFILLED_EMAIL_HOOK` (the buyers' review
    links, `voices`).
    """
    with translation.override(order.language):
        subject = _("Order %(reference)s is on its way") % {"reference": order.reference}
        if order.is_pickup:
            subject = _("Order %(reference)s is ready") % {"reference": order.reference}
        # Paid in cash at the handover: the pieces are in the shopper's hands already, and
        # the payment's SMS was their news; the e-mail brings the links to review them.
        handed_over = order.payment_method == PaymentMethod.CASH
        if handed_over:
            subject = _("Order %(reference)s handed over") % {"reference": order.reference}
        extra = extra_from_hooks(ORDER_FULFILLED_EMAIL_HOOK, order)
    _tell_shopper(
        "order_fulfilled", subject, order, with_receipt=False, by_sms=not handed_over, **extra
    )


def handed_over_and_paid(order):
    """To the shopper: their cash order was handed over and paid; their receipt is attached."""
    with translation.override(order.language):
        subject = _("Order %(reference)s handed over and paid") % {"reference": order.reference}
        extra = extra_from_hooks(ORDER_FULFILLED_EMAIL_HOOK, order)
    _tell_shopper("handed_over_and_paid", subject, order, **extra)


def production_changed(order):
    """To the shopper: a piece made to order moved on (the order's latest production change)."""
    change = (
        ProductionStatusChange.objects.filter(line__order=order)
        .exclude(from_status="")
        .select_related("line")
        .order_by("-changed_at", "-pk")
        .first()
    )
    if change is None:
        return
    with translation.override(order.language):
        subject = _("Order %(reference)s: %(product)s is « %(status)s »") % {
            "reference": order.reference,
            "product": change.line.product_title,
            "status": change.get_to_status_display(),
        }
    _tell_shopper("production_changed", subject, order, with_receipt=False, change=change)


def commission_payment_link(order):
    """To the buyer of a commission paid online: their order, and where to pay it."""
    with translation.override(order.language):
        subject = _("Your commission %(reference)s: pay online") % {"reference": order.reference}
    _tell_shopper("commission_payment_link", subject, order, with_receipt=False)


def order_returned(order):
    """To the shopper: the pieces taken back by the order's latest return, and its refund."""
    refund = (
        order.refunds.exclude(status=RefundStatus.FAILED)
        .filter(returned_lines__isnull=False)
        .distinct()
        .order_by("-pk")
        .first()
    )
    if refund is None:
        return
    with translation.override(order.language):
        subject = _("Order %(reference)s: your return") % {"reference": order.reference}
    returned = list(refund.returned_lines.select_related("line"))
    _send(
        "order_returned",
        subject,
        [order.email] if order.email else [],
        order,
        order.language,
        refund=refund,
        returned=returned,
        in_cash=order.payment_method == PaymentMethod.CASH,
        refunded=refund.status == RefundStatus.SUCCEEDED,
    )


def needs_refund_alert(order):
    """To shop managers: a payment arrived for an order that can no longer be filled."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Refund needed for order %(reference)s") % {"reference": order.reference}
    # The reason is the last line of the order's history, written when it was flagged.
    reason = order.status_changes.order_by("-pk").values_list("note", flat=True).first()
    _send(
        "needs_refund_alert",
        subject,
        shop_managers_emails(),
        order,
        settings.LANGUAGE_CODE,
        reason=reason or "",
    )


def on_order_changed(sender, order, from_status, to_status, **kwargs):
    """An order was paid: issue its receipt.

    Connected to `shop.signals.order_changed` (sent after commit). The e-mails that carry
    it are sent by the services of `shop.lifecycle` (`confirm_payment`, `mark_cash_paid`,
    `hand_over_paid_in_cash`), after this; a failed refund that makes an order paid again
    changes nothing here.
    """
    if to_status != OrderStatus.PAID or from_status == OrderStatus.REFUNDED:
        return
    try:
        receipts.issue_receipt(order)
    except Exception:
        logger.exception("Could not issue the receipt of order %s", order.pk)
