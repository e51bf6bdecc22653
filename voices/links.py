"""The signed link a buyer receives, per piece, to review what they bought.

A link names one order line of one order and is bound to the order's e-mail address and
phone (a digest of them, so neither is readable in the link): changing either on the
order, forging the signature, or waiting past `LINK_VALID_DAYS` makes it worthless. Only
paid or fulfilled orders may be reviewed, once per line.
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from shop.addresses import absolute_url
from shop.models import OrderLine, OrderStatus

SALT = "voices.review-link"
CONTACT_SALT = "voices.review-link.contact"
LINK_VALID_DAYS = 90
REVIEWABLE_STATUSES = (OrderStatus.PAID, OrderStatus.FULFILLED)


class ReviewLinkRefused(Exception):
    """A review link that cannot be used: `message` for the buyer, `status` for the answer."""

    def __init__(self, message, status):
        super().__init__(message)
        self.message = message
        self.status = status


def _contact_digest(order):
    return salted_hmac(CONTACT_SALT, f"{order.email.lower()}|{order.phone}").hexdigest()[:20]


def make_token(line):
    """The signed token of one order line (its order's id, its id, the order's contact)."""
    value = {"o": line.order_id, "l": line.pk, "c": _contact_digest(line.order)}
    return signing.TimestampSigner(salt=SALT).sign_object(value, compress=True)


def review_url(line):
    """The absolute address of the review form of one line, in the order's language."""
    with translation.override(line.order.language):
        path = reverse("voices:review", args=[make_token(line)])
    return absolute_url(path)


def line_for_token(token):
    """The order line a token grants a review of, or `ReviewLinkRefused` saying why not."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign_object(token, max_age=timedelta(days=LINK_VALID_DAYS))
    except signing.SignatureExpired:
        raise ReviewLinkRefused(
            _("This review link has expired: links are valid for %(days)s days.")
            % {"days": LINK_VALID_DAYS},
            410,
        ) from None
    except (signing.BadSignature, ValueError, TypeError):
        raise ReviewLinkRefused(_("This review link is not valid."), 400) from None
    if not isinstance(value, dict) or not all(isinstance(value.get(k), int) for k in "ol"):
        raise ReviewLinkRefused(_("This review link is not valid."), 400)
    line = (
        OrderLine.objects.select_related("order", "product", "artisan")
        .filter(pk=value["l"], order_id=value["o"])
        .first()
    )
    if line is None or not constant_time_compare(
        str(value.get("c", "")), _contact_digest(line.order)
    ):
        raise ReviewLinkRefused(_("This review link does not belong to this order."), 403)
    if line.order.status not in REVIEWABLE_STATUSES:
        raise ReviewLinkRefused(_("Only the buyers of a paid order can review its pieces."), 403)
    if hasattr(line, "review"):
        raise ReviewLinkRefused(_("You have already reviewed this piece: thank you."), 409)
    return line


def links_for_order(order):
    """[(order line, review address)] for every reviewable piece of a paid order."""
    if order.status not in REVIEWABLE_STATUSES:
        return []
    lines = order.lines.select_related("order").filter(review__isnull=True)
    return [(line, review_url(line)) for line in lines if line.product_id is not None]
