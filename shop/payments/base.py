"""What every payment provider answers, in the shop's own terms.

A provider module (`shop.payments.stripe`, `shop.payments.wave`, `shop.payments.cash`)
translates its API into these values, so checkout, callbacks, the release command, the
order page and the order admin never read a provider's own JSON.
"""

from dataclasses import dataclass, field

# What became of a hosted payment, whichever provider holds it.
OPEN = "open"  # the page can still be paid
PROCESSING = "processing"  # paid on the page, the money is not confirmed yet
PAID = "paid"
FAILED = "failed"
EXPIRED = "expired"

# A refund, as providers report it (the values of `shop.models.RefundStatus`).
REFUND_PENDING = "pending"
REFUND_SUCCEEDED = "succeeded"
REFUND_FAILED = "failed"

# Amounts read from a provider that are not a whole, non-negative number are this.
UNKNOWN_AMOUNT = -1
# The largest amount a PositiveBigIntegerField holds.
MAX_AMOUNT = 2**63 - 1
# Providers' ids are short ASCII strings; the columns that keep them hold 255 characters.
MAX_ID_LENGTH = 255


class PaymentUnavailable(Exception):
    """The provider could not be reached or refused the request; the shopper may retry."""


class BadCallback(Exception):
    """The request is not a genuine event of the provider: answered 400, nothing changed."""


@dataclass(frozen=True)
class HostedPayment:
    """A payment page opened for an order: the provider's id of it and where to send the shopper."""

    reference: str
    url: str


@dataclass(frozen=True)
class PaymentState:
    """A hosted payment as the provider knows it: which order, how much, paid or not."""

    reference: str
    state: str
    amount: int = UNKNOWN_AMOUNT
    currency: str = ""
    transaction_id: str = ""
    order_id: int | None = None
    order_reference: str = ""


@dataclass(frozen=True)
class RefundNotice:
    """A refund the provider reports (made here or in its dashboard)."""

    refund_id: str
    status: str
    amount: int
    currency: str
    transaction_id: str = ""
    order_id: int | None = None
    # For Stripe's charge.refunded: the whole amount refunded on the payment so far.
    refunded_total: int | None = None


@dataclass(frozen=True)
class Callback:
    """One verified event: about a payment page, about a refund, or about neither."""

    event_id: str
    event_type: str
    payment: PaymentState | None = None
    refund: RefundNotice | None = None
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RefundResult:
    """What the provider answered to a refund request."""

    refund_id: str
    status: str


def text(value):
    """`value` when it is a string the database can store as an id, else ""."""
    if isinstance(value, str) and len(value) <= MAX_ID_LENGTH and "\x00" not in value:
        return value
    return ""


def whole_amount(value):
    """An amount from a provider's JSON: an int, or digits in a string; else UNKNOWN_AMOUNT."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 20:
        value = int(value)
    is_amount = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_AMOUNT
    return value if is_amount else UNKNOWN_AMOUNT


def closed_unless_paid(close, reference):
    """`expire()`'s answer for staff and shoppers cancelling: False when the page was paid.

    `close(reference)` is the provider's own (a `PaymentState`). When the provider cannot
    be reached the answer is True: the order may be cancelled, and a payment that still
    arrives is a late payment (`lifecycle.confirm_payment` reserves the pieces again or
    flags the order for a refund). The release command does not use this: it calls
    `close()` and leaves the order for its next run when the provider cannot say.
    """
    try:
        return close(reference).state not in (PAID, PROCESSING)
    except PaymentUnavailable:
        return True
