"""Mobile money through Wave's Checkout API (https://docs.wave.com/checkout), called directly.

Wave is how most people in Senegal pay online (Orange Money users can pay on Wave's
page too, from Wave's own app or by the QR code it shows). The shop opens a checkout
session (`POST /v1/checkout/sessions`: amount as a string of francs, currency XOF, the
order's reference as `client_reference`, where to come back), sends the shopper to its
`wave_launch_url`, and learns the outcome from Wave's signed webhook
(`checkout.session.completed`, `checkout.session.payment_failed`), from the order page
on return, or from the release command (`GET /v1/checkout/sessions/:id`).

Requests go through `http_session()`, a `requests.Session`; tests mount a fake adapter
on it that answers Wave's documented shapes, so Wave is never called.
"""

import hashlib
import hmac
import json
import logging
import time

import requests
from django.conf import settings

from .base import (
    EXPIRED,
    FAILED,
    OPEN,
    PAID,
    PROCESSING,
    REFUND_SUCCEEDED,
    BadCallback,
    Callback,
    HostedPayment,
    PaymentState,
    PaymentUnavailable,
    RefundResult,
    closed_unless_paid,
    text,
    whole_amount,
)

logger = logging.getLogger(__name__)

NAME = "wave"
API_BASE = "https://api.wave.com"
# Wave collects CFA francs only (XOF, no minor unit: 1 = 1 franc).
CURRENCY = "XOF"
# Wave's refund endpoint gives the whole checkout back; a part cannot be refunded there.
PARTIAL_REFUNDS = False
# Seconds a signed payload stays valid, as for Stripe.
SIGNATURE_TOLERANCE = 300
# Seconds to wait for Wave before telling the shopper to retry.
TIMEOUT = 15
# Wave's payment_status values in the shop's terms (checkout_status "expired" wins).
PAYMENT_STATES = {"succeeded": PAID, "processing": PROCESSING, "cancelled": FAILED}


def is_configured():
    """Mobile money is possible only when Wave's API key and webhook secret are set."""
    return bool(settings.WAVE_API_KEY and settings.WAVE_WEBHOOK_SECRET)


def supports_currency(currency):
    return currency.upper() == CURRENCY


def http_session():
    """The HTTP session Wave is called with. Tests swap this function."""
    return requests.Session()


def _call(method, path, *, payload=None, idempotency_key=""):
    headers = {"Authorization": f"Bearer {settings.WAVE_API_KEY}"}
    if idempotency_key:
        headers["Idempotency-Key"] = idempotency_key
    try:
        response = http_session().request(
            method, f"{API_BASE}{path}", json=payload, headers=headers, timeout=TIMEOUT
        )
    except requests.RequestException as error:
        logger.exception("Wave could not be reached (%s %s)", method, path)
        raise PaymentUnavailable(str(error)) from error
    if response.status_code >= 400:
        logger.warning("Wave answered %s to %s %s", response.status_code, method, path)
        raise PaymentUnavailable(f"Wave answered {response.status_code}: {response.text[:200]}")
    if not response.content:
        return {}
    try:
        answer = response.json()
    except ValueError as error:
        raise PaymentUnavailable("Wave answered something that is not JSON.") from error
    if not isinstance(answer, dict):
        raise PaymentUnavailable("Wave answered something that is not a session.")
    return answer


def session_state(session):
    """A Wave checkout session (as a dict) in the shop's terms."""
    if session.get("checkout_status") == "expired":
        state = EXPIRED
    elif session.get("checkout_status") == "complete":
        state = PAYMENT_STATES.get(text(session.get("payment_status")), PROCESSING)
    else:
        state = FAILED if session.get("payment_status") == "cancelled" else OPEN
    return PaymentState(
        reference=text(session.get("id")),
        state=state,
        amount=whole_amount(session.get("amount")),
        currency=text(session.get("currency")).upper(),
        transaction_id=text(session.get("transaction_id")),
        order_reference=text(session.get("client_reference")),
    )


def create_payment(order, *, return_url, cancel_url):
    """Open a Wave checkout session for the order's total, in francs."""
    if not supports_currency(order.currency):
        raise PaymentUnavailable(f"Wave cannot collect {order.currency}.")
    payload = {
        "amount": str(order.total),
        "currency": CURRENCY,
        "client_reference": order.reference,
        "success_url": return_url,
        "error_url": cancel_url,
    }
    session = _call(
        "POST",
        "/v1/checkout/sessions",
        payload=payload,
        idempotency_key=f"checkout-{order.reference}-{order.pk}",
    )
    reference, url = text(session.get("id")), session.get("wave_launch_url")
    if not reference or not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise PaymentUnavailable("Wave returned no payment page.")
    return HostedPayment(reference=reference, url=url)


def retrieve(reference):
    return session_state(_call("GET", f"/v1/checkout/sessions/{reference}"))


def close(reference):
    """Close the session so it can no longer be paid; the session as Wave says it is then.

    Wave refuses to expire a session that is not open (409): it was paid or expired
    meanwhile, so it is read again and that state is the answer. PaymentUnavailable when
    Wave cannot be reached or cannot say.
    """
    try:
        answer = _call("POST", f"/v1/checkout/sessions/{reference}/expire")
    except PaymentUnavailable:
        return retrieve(reference)
    # Wave answers the expired session, or nothing: an empty answer means it is closed.
    return session_state(answer) if answer else PaymentState(reference=reference, state=EXPIRED)


def expire(reference):
    """Close the session; False when Wave says it was paid (see `base.closed_unless_paid`)."""
    return closed_unless_paid(close, reference)


def refund(order, amount, *, idempotency_key):
    """Give the whole payment back (Wave refunds a checkout in full, nothing less)."""
    if amount != order.total or not order.payment_reference:
        raise PaymentUnavailable("Wave refunds a payment in whole only.")
    _call(
        "POST",
        f"/v1/checkout/sessions/{order.payment_reference}/refund",
        idempotency_key=idempotency_key,
    )
    return RefundResult(refund_id=f"{order.payment_reference}:refund", status=REFUND_SUCCEEDED)


def signature_header(payload, secret, timestamp=None):
    """The `Wave-Signature` header Wave sends: t=<timestamp>,v1=<HMAC-SHA256 of t + body>."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    body = payload if isinstance(payload, bytes) else payload.encode("utf-8")
    digest = hmac.new(secret.encode("utf-8"), str(timestamp).encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def _signature_parts(header):
    timestamp, signatures = None, []
    for part in (header or "").split(","):
        key, _sep, value = part.strip().partition("=")
        if key == "t" and value.isascii() and value.isdigit():
            timestamp = int(value)
        elif key == "v1":
            signatures.append(value)
    return timestamp, signatures


def verify(payload, headers):
    """The event as a dict, once `Wave-Signature` matches the raw body and is recent."""
    secret = settings.WAVE_WEBHOOK_SECRET
    if not secret:
        raise BadCallback("WAVE_WEBHOOK_SECRET is not configured.")
    timestamp, signatures = _signature_parts(headers.get("Wave-Signature"))
    if timestamp is None or not signatures:
        raise BadCallback("No Wave signature.")
    if abs(time.time() - timestamp) > SIGNATURE_TOLERANCE:
        raise BadCallback("The Wave signature is too old.")
    expected = signature_header(payload, secret, timestamp).split("v1=", 1)[1]
    if not any(hmac.compare_digest(expected, signature) for signature in signatures):
        raise BadCallback("The Wave signature does not match.")
    try:
        return json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BadCallback(str(error)) from error


SESSION_EVENTS = {"checkout.session.completed", "checkout.session.payment_failed"}


def parse(event):
    """A verified event as a `Callback`; BadCallback when it is not shaped like one."""
    if not isinstance(event, dict):
        raise BadCallback("Not a Wave event.")
    event_id, event_type, data = text(event.get("id")), text(event.get("type")), event.get("data")
    if not (event_id and event_type and isinstance(data, dict)):
        raise BadCallback("Not a Wave event.")
    event_type = event_type[:100]
    if event_type in SESSION_EVENTS:
        payment = session_state(data)
        if event_type == "checkout.session.payment_failed" and payment.state != PAID:
            payment = PaymentState(**{**payment.__dict__, "state": FAILED})
        return Callback(event_id, event_type, payment=payment)
    return Callback(event_id, event_type)
