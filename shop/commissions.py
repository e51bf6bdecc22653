"""Commissions: a buyer's request, accepted by a shop manager, becomes a made-to-order order.

The request comes from the commission form page (a Wagtail `FormSubmission`, read
generically by its fields' clean names: `what`, `size`, `budget`, `deadline`, `maker`,
`name`, `email`, `phone`). The shop manager chooses the artisan, writes what will be made,
sets the artisan's price (the markup is added by `shop.pricing`, as for every piece) and
the lead time; the order then holds one commissioned line, made to order, with nothing to
take from stock, and follows the usual lifecycle (`shop.lifecycle`): cash is marked paid
by staff, an online payment is confirmed by its provider, and the artisan's share is owed
once it is paid (`shop.sales`).
"""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from wagtail.contrib.forms.models import FormSubmission

from . import emails, pricing, production, relations
from .checkout import artisan_public_name, artisan_workshop, next_reference, order_fields
from .models import Order, OrderLine, OrderStatus, OrderStatusChange, ProductionStatus
from .models.products import expected_ready_date


@dataclass(frozen=True)
class Commission:
    """What the shop agreed to have made: by whom, what, for how much, in how long."""

    artisan: object  # an artisan page (`relations.artisan_model()`)
    description: str
    artisan_price: int
    lead_time_days: int
    submission_id: int | None = None


def submission_of(pk):
    """The commission request `pk` (a `FormSubmission`), or None when there is none."""
    try:
        return FormSubmission.objects.select_related("page__locale").get(pk=int(pk))
    except (TypeError, ValueError, OverflowError, FormSubmission.DoesNotExist):
        return None


def _whole_number(value):
    try:
        number = int(str(value).replace(" ", "").replace("\u202f", "").replace("\u00a0", ""))
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def request_initial(submission, artisans, markup_rate):
    """The order form's initial values read from a commission request's answers.

    Answers missing or malformed are left out (the shop manager fills them in): a budget
    becomes the artisan's price that keeps the buyer's price within it, a deadline the
    lead time from today, a maker the artisan asked for (`_chosen_artisan`).
    """
    data = submission.get_data()
    what = str(data.get("what") or "").strip()
    size = str(data.get("size") or "").strip()
    initial = {
        "submission": submission.pk,
        "description": f"{what} ({size})" if what and size else what or size,
        "name": str(data.get("name") or "").strip(),
        "email": str(data.get("email") or "").strip(),
        "phone": str(data.get("phone") or "").strip(),
    }
    if submission.page_id and submission.page.locale_id:
        initial["language"] = submission.page.locale.language_code
    budget = _whole_number(data.get("budget"))
    if budget:
        price = pricing.artisan_price_within(budget, markup_rate)
        if price:
            initial["artisan_price"] = price
    deadline = data.get("deadline")
    deadline = deadline if isinstance(deadline, date) else parse_date(str(deadline or ""))
    if deadline is not None and deadline > timezone.localdate():
        initial["lead_time_days"] = (deadline - timezone.localdate()).days
    artisan = _chosen_artisan(str(data.get("maker") or ""), artisans)
    if artisan is not None:
        initial["artisan"] = artisan.pk
    return initial


def _chosen_artisan(maker, artisans):
    """The artisan a request asks for: `artisan:<page id>` as the commission form stores it
    (any translation of their page), else the one artisan of that name."""
    kind, _sep, page_id = maker.partition(":")
    if kind == "artisan" and page_id.isdigit():
        page = relations.artisan_model().objects.filter(pk=int(page_id)).first()
        key = page.translation_key if page is not None else None
        return next((artisan for artisan in artisans if artisan.translation_key == key), None)
    maker = " ".join(maker.split()).casefold()
    named = [artisan for artisan in artisans if artisan.title.casefold() == maker]
    return named[0] if maker and len(named) == 1 else None


def order_for_submission(submission_id):
    """The order already made for this request and still standing (not cancelled), or None."""
    if submission_id is None:
        return None
    return (
        Order.objects.filter(commission_submission_id=submission_id)
        .exclude(status=OrderStatus.CANCELLED)
        .first()
    )


def place_commission_order(
    commission, customer, payment_method, shop_settings, *, language, by, submission_key
):
    """Create the commission's order, one made-to-order line, priced by `shop.pricing`.

    Cash: the order awaits payment and the buyer and shop managers are e-mailed once
    committed. Card or mobile money: the order waits for its provider (the caller opens
    the payment page, `shop.checkout.open_payment_page`). Raises `CartNotReady` when the
    shop does not deliver there with that payment method. `submission_key` is unique: the
    same form sent twice returns the first order.
    """
    existing = Order.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing
    now = timezone.now()
    fields = order_fields(customer, payment_method, shop_settings, language=language, now=now)
    breakdown = shop_settings.breakdown(commission.artisan_price)
    workshop = artisan_workshop(commission.artisan)
    try:
        with transaction.atomic():
            order = Order.objects.create(
                site=shop_settings.site,
                items_total=breakdown.unit_price,
                artisan_total=breakdown.artisan_price,
                markup_total=breakdown.markup_amount,
                total=pricing.order_total([breakdown.unit_price, fields["delivery_fee"]]),
                submission_key=submission_key,
                commission_submission_id=commission.submission_id,
                # Nothing to take from stock: the order holds all it needs from the start
                # (a late payment then reserves nothing again, `lifecycle.confirm_payment`).
                stock_reserved=True,
                **fields,
            )
            OrderLine.objects.create(
                order=order,
                product=None,
                product_title=commission.description,
                artisan=commission.artisan,
                artisan_name=artisan_public_name(commission.artisan),
                workshop=workshop,
                workshop_name=getattr(workshop, "name", ""),
                artisan_price=breakdown.artisan_price,
                markup_rate=breakdown.markup_rate,
                markup_amount=breakdown.markup_amount,
                unit_price=breakdown.unit_price,
                quantity=1,
                line_total=breakdown.unit_price,
                lead_time_days=commission.lead_time_days,
                ready_by=expected_ready_date(commission.lead_time_days, now),
                production_status=ProductionStatus.ACCEPTED,
                commissioned=True,
            )
            production.start_production(order)
            order.reference = next_reference(now)
            order.save(update_fields=["reference"])
            OrderStatusChange.objects.create(
                order=order,
                to_status=order.status,
                changed_by=by,
                changed_at=now,
                note=_("Commission accepted by the shop."),
            )
            if not order.payment_provider:
                emails.send_on_commit(emails.order_placed, order)
    except IntegrityError:
        existing = Order.objects.filter(submission_key=submission_key).first()
        if existing is None:
            raise
        return existing
    return order
