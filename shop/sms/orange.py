"""Orange's SMS API (developer.orange.com, « SMS » for Senegal), called directly.

Two calls, as documented:

1. An OAuth2 client-credentials token: `POST https://api.orange.com/oauth/v3/token`
   with `Authorization: Basic base64(client_id:client_secret)`, form body
   `grant_type=client_credentials`; the answer is JSON with `access_token`, `token_type`
   ("Bearer") and `expires_in` (seconds). The token is kept in the cache until shortly
   before it expires.
2. The message: `POST https://api.orange.com/smsmessaging/v1/outbound/tel%3A%2B{sender}/requests`
   with `Authorization: Bearer {token}` and the JSON body
   `{"outboundSMSMessageRequest": {"address": "tel:+221…", "senderAddress": "tel:+{sender}",
   "senderName": "…", "outboundSMSTextMessage": {"message": "…"}}}`; Orange answers
   201 Created.

Keys come from the environment (ORANGE_SMS_CLIENT_ID, ORANGE_SMS_CLIENT_SECRET,
ORANGE_SMS_SENDER, optional ORANGE_SMS_SENDER_NAME, the name Orange approved). Requests
go through `http_session()`, a `requests.Session`: tests mount a fake adapter on it.
"""

import base64
import logging
from urllib.parse import quote

import requests
from django.conf import settings
from django.core.cache import cache

from .base import SmsRefused, SmsTransport, SmsUnavailable

logger = logging.getLogger(__name__)

API_BASE = "https://api.orange.com"
TOKEN_PATH = "/oauth/v3/token"  # noqa: S105 (a path, not a secret)
TIMEOUT = 15
TOKEN_CACHE_KEY = "shop.sms.orange.token"  # noqa: S105 (a cache key)
# A token is dropped this many seconds before Orange says it expires.
TOKEN_MARGIN = 60


def is_configured():
    return bool(
        settings.ORANGE_SMS_CLIENT_ID
        and settings.ORANGE_SMS_CLIENT_SECRET
        and settings.ORANGE_SMS_SENDER
    )


def http_session():
    """The HTTP session Orange is called with. Tests swap this function."""
    return requests.Session()


def sender_address():
    """`tel:+221…` from ORANGE_SMS_SENDER, written with or without its « + »."""
    return "tel:+" + settings.ORANGE_SMS_SENDER.strip().lstrip("+")


def send_path():
    return f"/smsmessaging/v1/outbound/{quote(sender_address(), safe='')}/requests"


def _post(path, **kwargs):
    try:
        return http_session().post(f"{API_BASE}{path}", timeout=TIMEOUT, **kwargs)
    except requests.RequestException as error:
        raise SmsUnavailable(f"Orange could not be reached: {error}") from error


def _fetch_token():
    credentials = f"{settings.ORANGE_SMS_CLIENT_ID}:{settings.ORANGE_SMS_CLIENT_SECRET}"
    response = _post(
        TOKEN_PATH,
        data={"grant_type": "client_credentials"},
        headers={
            "Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
            "Accept": "application/json",
        },
    )
    if response.status_code != 200:
        raise SmsUnavailable(f"Orange refused the token request ({response.status_code}).")
    try:
        answer = response.json()
        token = str(answer["access_token"])
        lifetime = int(answer.get("expires_in", 0))
    except (ValueError, KeyError, TypeError) as error:
        raise SmsUnavailable("Orange's token answer could not be read.") from error
    if lifetime > TOKEN_MARGIN:
        cache.set(TOKEN_CACHE_KEY, token, lifetime - TOKEN_MARGIN)
    return token


def access_token():
    return cache.get(TOKEN_CACHE_KEY) or _fetch_token()


def message_payload(to, text):
    request = {
        "address": f"tel:{to}",
        "senderAddress": sender_address(),
        "outboundSMSTextMessage": {"message": text},
    }
    if settings.ORANGE_SMS_SENDER_NAME:
        request["senderName"] = settings.ORANGE_SMS_SENDER_NAME
    return {"outboundSMSMessageRequest": request}


class OrangeTransport(SmsTransport):
    name = "orange"

    def send(self, to, text):
        if not is_configured():
            raise SmsUnavailable("Orange's SMS keys are not set.")
        response = _post(
            send_path(),
            json=message_payload(to, text),
            headers={"Authorization": f"Bearer {access_token()}", "Accept": "application/json"},
        )
        if response.status_code in (200, 201):
            return
        if response.status_code == 401:
            cache.delete(TOKEN_CACHE_KEY)  # expired or revoked: the next try asks for another
            raise SmsUnavailable("Orange refused the token (401).")
        if response.status_code == 429 or response.status_code >= 500:
            raise SmsUnavailable(f"Orange is unavailable ({response.status_code}).")
        logger.error(
            "Orange refused an SMS to %s: %s %s", to, response.status_code, response.text[:500]
        )
        raise SmsRefused(f"Orange refused the message ({response.status_code}).")
