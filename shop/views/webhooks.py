"""The Stripe webhook endpoint: raw body, signature checked, exempt from CSRF only."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..webhooks import BadWebhook, handle_event, verify_and_parse

logger = logging.getLogger(__name__)


@csrf_exempt  # Stripe cannot send a CSRF token; the signature proves the sender instead.
@require_POST
def stripe_webhook(request):
    try:
        event = verify_and_parse(request.body, request.headers.get("Stripe-Signature"))
    except BadWebhook as error:
        logger.warning("Refused a Stripe webhook: %s", error)
        return HttpResponseBadRequest("Invalid Stripe webhook.", content_type="text/plain")
    outcome = handle_event(event)
    return HttpResponse(outcome, content_type="text/plain")
