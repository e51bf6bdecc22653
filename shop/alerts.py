"""« Prévenez-moi quand une pièce semblable est en vente »: signing up, telling, leaving.

`sign_up` records a shopper's wish on a sold (or reserved) piece. `announce` tells, once,
every subscriber a newly published piece concerns: the alerts of its category, and those
of the piece itself when it comes back on sale. An e-mail goes through the mail queue
(`config.mail`), an SMS through `shop.sms` when only a phone was given; the alert is
marked sent first, in one UPDATE, so that two announcements never send it twice.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import phones, sms
from .addresses import absolute_url
from .models import ProductPage, SimilarPieceAlert

logger = logging.getLogger(__name__)


class AlreadySignedUp(Exception):
    """This contact already waits for a piece like this one."""


def _waiting(email, phone):
    contact = Q(email__iexact=email) if email else Q(phone=phone)
    return SimilarPieceAlert.objects.filter(contact, sent_at__isnull=True)


def sign_up(product, *, email, phone, language):
    """Record the wish to hear of a piece like `product` (its price source); return the alert.

    Raises `AlreadySignedUp` when the same contact already waits for this piece or its
    category: they will get one message, not two.
    """
    source = product.price_source()
    with transaction.atomic():
        same = Q(product__translation_key=source.translation_key)
        if source.category_id:
            same |= Q(category_id=source.category_id)
        if _waiting(email, phone).filter(same).exists():
            raise AlreadySignedUp
        return SimilarPieceAlert.objects.create(
            product=source,
            product_title=product.title,
            category_id=source.category_id,
            email=email,
            phone=phone,
            language=language,
        )


def unsubscribe_url(alert):
    return absolute_url(reverse("shop:alert_unsubscribe", args=[alert.unsubscribe_token()]))


def _piece_in(piece, language):
    """The piece in the subscriber's language when translated, else as published."""
    translated = (
        ProductPage.objects.live()
        .public()
        .filter(translation_key=piece.translation_key, locale__language_code=language)
        .first()
    )
    return translated or piece


def _tell(alert, piece):
    with translation.override(alert.language):
        shown = _piece_in(piece, alert.language)
        context = {
            "alert": alert,
            "piece": shown,
            "piece_url": absolute_url(shown.url),
            "unsubscribe_url": unsubscribe_url(alert),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        if alert.email:
            subject = _("A piece like « %(title)s » is on sale") % {"title": alert.product_title}
            message = EmailMultiAlternatives(
                subject=f"{subject} · {settings.WAGTAIL_SITE_NAME}",
                body=render_to_string("shop/emails/similar_piece.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[alert.email],
            )
            message.attach_alternative(
                render_to_string("shop/emails/similar_piece.html", context), "text/html"
            )
            message.send()
            return
        text = render_to_string("shop/sms/similar_piece.txt", context)
    try:
        number = phones.normalise(alert.phone)
    except ValueError:
        logger.warning("No SMS for alert %s: %r is not a phone number", alert.pk, alert.phone)
        return
    sms.send(number, text)


def announce(piece):
    """Tell, once, the subscribers `piece` (a product page on sale) concerns. Returns how many.

    Concerned: the alerts of its category, and those of the piece itself (back on sale).
    """
    if not piece.live or piece.stock == 0:
        return 0
    concerned = Q(product__translation_key=piece.translation_key)
    if piece.category_id:
        concerned |= Q(category_id=piece.category_id)
    told = 0
    for alert in SimilarPieceAlert.objects.filter(concerned, sent_at__isnull=True).order_by("pk"):
        marked = SimilarPieceAlert.objects.filter(pk=alert.pk, sent_at__isnull=True).update(
            sent_at=timezone.now(), sent_for=piece
        )
        if marked:  # not announced meanwhile by another process
            _tell(alert, piece)
            told += 1
    return told


def announce_on_commit(piece):
    """`announce` once the change that put the piece on sale is committed."""
    transaction.on_commit(lambda: announce(piece))


def on_page_published(sender, instance, **kwargs):
    """A new product published: connected in `ShopConfig.ready`.

    Only its first publication, in the language holding its stock, counts as new: an
    editor correcting a piece already on sale, or translating it, tells nobody. A piece
    back in stock is announced by `shop.stock`.
    """
    if not isinstance(instance, ProductPage) or instance.price_source().pk != instance.pk:
        return
    if instance.first_published_at and instance.first_published_at == instance.last_published_at:
        announce_on_commit(instance)
