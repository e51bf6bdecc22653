"""Placing an order: from a priced cart to an order that holds its pieces, in one transaction."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from . import delivery, emails, payments, pricing, production, relations
from .models import (
    Fulfilment,
    Notification,
    Order,
    OrderLine,
    OrderReferenceCounter,
    OrderStatus,
    OrderStatusChange,
    ProductionStatus,
)
from .models.products import expected_ready_date
from .stock import OutOfStock, reserve_stock

# Renewed in the session each time an order is placed, so the next order gets its own key.
SESSION_SUBMISSION = "checkout_submission"

# An online payment must be made within this time; the provider's page expires then.
# Stripe refuses a session that expires less than 30 minutes after it is created (and
# Wave's last 30 minutes): the extra minute covers the time between placing the order
# and asking the provider.
ONLINE_PAYMENT_TIME = timedelta(minutes=30, seconds=60)
# Until its page exists an online order holds its pieces this long only. A checkout whose
# worker died before the page was made (killed, timed out: gunicorn's timeout is shorter)
# leaves an order nobody can pay, released by `release_expired_reservations`.
PAGE_OPENING_TIME = timedelta(minutes=5)


def payment_page_deadline(order):
    """When the provider's page of `order` expires: ONLINE_PAYMENT_TIME after the order."""
    return order.created_at + ONLINE_PAYMENT_TIME


@dataclass(frozen=True)
class Customer:
    """Who buys, and how the order reaches them."""

    name: str
    email: str
    phone: str
    fulfilment: str
    delivery_address: str = ""
    note: str = ""
    # The city or region the zone is found from (the address's parts when empty).
    delivery_place: str = ""
    pickup_point_id: int | None = None
    notify_by: str = Notification.EMAIL

    @classmethod
    def from_form(cls, data):
        """The buyer from a valid `CheckoutForm`'s cleaned data."""
        return cls(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            fulfilment=data["fulfilment"],
            delivery_address=data["delivery_address"],
            delivery_place=data["delivery_place"],
            pickup_point_id=data["pickup_point"],
            notify_by=data["notify_by"],
            note=data["note"],
        )


class CartNotReady(Exception):
    """The cart cannot become an order as it is; `messages` say why, for the shopper."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__(" ".join(str(message) for message in self.messages))


def artisan_public_name(artisan):
    """The name the public knows the artisan by, as snapshotted on order lines."""
    return artisan.display_name if artisan is not None else ""


def artisan_workshop(artisan):
    """The workshop the artisan works in now, snapshotted on order lines (or None)."""
    return artisan.workshop if artisan is not None else None


PICKUP_CODE_DIGITS = 6


def delivery_terms(customer, payment_method, shop_settings):
    """The order's delivery fields: fee, zone and lead time, or pickup point and code.

    Raises `CartNotReady` when the shop does not deliver to the place, or not with this
    payment method. Read from the zones as they are now; the order keeps a copy.
    """
    if customer.fulfilment != Fulfilment.DELIVERY:
        point = delivery.pickup_point_for(
            delivery.pickup_points_of(shop_settings), customer.pickup_point_id
        )
        return {
            "delivery_fee": 0,
            "pickup_point": point.details() if point else "",
            "pickup_code": f"{secrets.randbelow(10**PICKUP_CODE_DIGITS):0{PICKUP_CODE_DIGITS}d}",
        }
    place = customer.delivery_place or customer.delivery_address
    zone = delivery.zone_for(delivery.zones_of(shop_settings), place)
    problem = delivery.problem(zone, place, payment_method)
    if problem:
        raise CartNotReady([problem])
    return {
        "delivery_address": customer.delivery_address,
        "delivery_place": customer.delivery_place,
        "delivery_fee": zone.fee,
        "delivery_zone": zone.name,
        "delivery_lead_days": zone.lead_time_days,
    }


def order_fields(customer, payment_method, shop_settings, *, language, now):
    """A new order's status, payment, buyer, delivery and currency fields (all but amounts).

    Raises `CartNotReady` when the shop does not deliver there with this payment method.
    """
    provider = payments.PROVIDER_OF_METHOD.get(payment_method)
    online = provider is not None
    return {
        "status": OrderStatus.PENDING_PAYMENT if online else OrderStatus.AWAITING_CASH,
        "payment_method": payment_method,
        "payment_provider": provider.NAME if online else "",
        "payment_expires_at": now + PAGE_OPENING_TIME if online else None,
        "fulfilment": customer.fulfilment,
        "customer_name": customer.name,
        "email": customer.email,
        "phone": customer.phone,
        "notify_by": customer.notify_by,
        "customer_note": customer.note,
        "language": language,
        "currency": shop_settings.currency,
        "markup_rate": shop_settings.markup_rate,
        "created_at": now,
        **delivery_terms(customer, payment_method, shop_settings),
    }


def made_to_order_terms(product, now):
    """A line's lead time, promised day and first production status, if made to order."""
    if not product.made_to_order or not product.lead_time_days:
        return {}
    return {
        "lead_time_days": product.lead_time_days,
        "ready_by": expected_ready_date(product.lead_time_days, now),
        "production_status": ProductionStatus.ACCEPTED,
    }


def next_reference(created_at):
    """`ML-2026-00042`: a per-year number taken under a row lock, so never shared.

    Called last in the checkout transaction (after the product locks) and held
    only until it commits.
    """
    year = timezone.localtime(created_at).year
    counter, _created = OrderReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{settings.SHOP_ORDER_REFERENCE_PREFIX}-{year}-{counter.last_number:05d}"


def _existing_story_ids(story_ids):
    stories = relations.story_model().objects.filter(pk__in=story_ids)
    return set(stories.values_list("pk", flat=True))


def place_order(
    summary,
    customer,
    payment_method,
    shop_settings,
    *,
    language,
    site=None,
    notify=True,
    submission_key=None,
):
    """Create the order from the priced cart and reserve its stock, all or nothing.

    Raises `CartNotReady` when the cart is empty, has a problem, or a price moved
    since the summary was made, and `OutOfStock` when a piece was taken meanwhile.
    A cash order is waiting for payment at once and its e-mails go out when the
    transaction commits (unless `notify` is False, for the demo); an online order
    (card, mobile money) waits for its provider. `submission_key` is stored on the order,
    unique (see `place_order_once`).
    """
    if not summary.lines:
        raise CartNotReady([_("Your cart is empty.")])
    if summary.has_problems:
        raise CartNotReady([line.problem for line in summary.lines if line.problem])
    now = timezone.now()
    fields = order_fields(customer, payment_method, shop_settings, language=language, now=now)
    online = fields["status"] == OrderStatus.PENDING_PAYMENT
    stories = _existing_story_ids([line.story_id for line in summary.lines if line.story_id])
    with transaction.atomic():
        order = Order.objects.create(
            site=site,
            items_total=summary.total,
            artisan_total=summary.artisan_total,
            markup_total=summary.markup_total,
            total=pricing.order_total([summary.total, fields["delivery_fee"]]),
            submission_key=submission_key,
            **fields,
        )
        OrderLine.objects.bulk_create(
            OrderLine(
                order=order,
                # The page holding price and stock (the same piece in every language), with
                # the title the shopper read and the maker as the shop records them.
                product_id=line.product_id,
                product_title=line.product.title,
                artisan_id=line.source.artisan_id,
                artisan_name=artisan_public_name(line.source.artisan),
                workshop=artisan_workshop(line.source.artisan),
                workshop_name=getattr(artisan_workshop(line.source.artisan), "name", ""),
                story_id=line.story_id if line.story_id in stories else None,
                artisan_price=line.breakdown.artisan_price,
                markup_rate=line.breakdown.markup_rate,
                markup_amount=line.breakdown.markup_amount,
                unit_price=line.breakdown.unit_price,
                quantity=line.quantity,
                line_total=line.line_total,
                **made_to_order_terms(line.source, now),
            )
            for line in summary.lines
        )
        production.start_production(order)
        locked = reserve_stock(order)
        # Prices are read again under the row locks: a shopper pays what they were shown.
        changed = [
            line.product.title
            for line in summary.lines
            if locked[line.product_id].artisan_price != line.breakdown.artisan_price
        ]
        if changed:
            raise CartNotReady(
                [
                    _("The price of « %(title)s » has just changed: please check your cart.")
                    % {"title": title}
                    for title in changed
                ]
            )
        order.reference = next_reference(now)
        order.save(update_fields=["reference"])
        OrderStatusChange.objects.create(order=order, to_status=order.status, changed_at=now)
        if notify and not online:
            emails.send_on_commit(emails.order_placed, order)
    return order


def open_payment_page(order, page):
    """Ask the order's provider for its hosted payment page; keep it on the order and return it.

    `page` is the absolute address of the shopper's order page, where the provider sends
    them back. Raises `payments.PaymentUnavailable` when the provider cannot open it.
    """
    # The provider's page expires then; the order keeps its short deadline until it exists.
    order.payment_expires_at = payment_page_deadline(order)
    hosted = payments.provider_for(order).create_payment(
        order,
        return_url=f"{page}?key={order.access_key()}&payment=returned",
        cancel_url=f"{page}?key={order.access_key()}&payment=cancelled",
    )
    order.payment_reference, order.payment_url = hosted.reference, hosted.url
    Order.objects.filter(pk=order.pk).update(
        payment_reference=hosted.reference,
        payment_url=hosted.url,
        payment_expires_at=order.payment_expires_at,
    )
    return hosted


def submission_key(session, cart_signature):
    """The same key for every submission of this cart from this session until an order is placed.

    Derived, not stored: a request that died after its order committed (worker killed,
    timeout) never saved the session, and its retry must still find that order.
    """
    generation = session.get(SESSION_SUBMISSION, "")
    value = f"{session.session_key}:{generation}:{cart_signature}"
    return salted_hmac("shop.checkout.submission", value, algorithm="sha256").hexdigest()


def place_order_once(session, cart_signature, place):
    """`place(submission_key=...)` unless this submission already placed an order.

    Returns (order, placed). A double click, the browser sending the form again, or a
    retry after a timeout gets the first order rather than a second one holding stock;
    two submissions racing wait on the unique key and the later one finds the first. A
    cancelled first order does not count: the shopper is buying again.
    """
    key = submission_key(session, cart_signature)
    existing = Order.objects.filter(submission_key=key).first()
    if existing is not None and existing.status != OrderStatus.CANCELLED:
        return existing, False
    if existing is not None:
        session[SESSION_SUBMISSION] = secrets.token_hex(8)
        key = submission_key(session, cart_signature)
    try:
        order = place(submission_key=key)
    except IntegrityError:
        existing = Order.objects.filter(submission_key=key).first()
        if existing is None:
            raise
        return existing, False
    session[SESSION_SUBMISSION] = secrets.token_hex(8)
    return order, True


__all__ = ["CartNotReady", "Customer", "OutOfStock", "place_order", "place_order_once"]
