"""The providers' callback endpoints: raw body, signature checked, exempt from CSRF only."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from ..payments import BadCallback
from ..webhooks import ERROR, receive

logger = logging.getLogger(__name__)


def _callback_view(provider_name):
    @csrf_exempt  # Providers cannot send a CSRF token; the signature proves the sender instead.
    @require_POST
    def view(request):
        try:
            outcome = receive(provider_name, request.body, request.headers)
        except BadCallback as error:
            logger.warning("Refused a %s callback: %s", provider_name, error)
            return HttpResponseBadRequest("Invalid callback.", content_type="text/plain")
        # An error is kept with the event; a 500 makes the provider send it again later.
        return HttpResponse(
            outcome, content_type="text/plain", status=500 if outcome == ERROR else 200
        )

    view.__name__ = f"{provider_name}_webhook"
    view.__doc__ = f"Signed callbacks from {provider_name}, applied by `shop.webhooks.receive`."
    return view


stripe_webhook = _callback_view("stripe")
wave_webhook = _callback_view("wave")
