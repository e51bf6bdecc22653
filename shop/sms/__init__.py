"""Text messages to shoppers, through one provider chosen by SMS_BACKEND.

`send(to, text)` only queues the message (django-tasks' « background » queue, read by
`manage.py db_worker`): no request waits on the provider. `deliver_sms` sends it with
the transport of SMS_BACKEND (`orange`, or `console` in development, `locmem` in tests);
when the provider is unavailable the message is queued again, later each time, up to
SMS_MAX_ATTEMPTS; a message the provider refuses is logged and dropped.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from .base import SmsRefused, SmsUnavailable

logger = logging.getLogger(__name__)

TRANSPORTS = {
    "orange": "shop.sms.orange.OrangeTransport",
    "console": "shop.sms.console.ConsoleTransport",
    "locmem": "shop.sms.locmem.LocmemTransport",
}


def transport():
    return import_string(TRANSPORTS[settings.SMS_BACKEND])()


def retry_delay(attempt):
    """Seconds before try number `attempt + 1`: doubling from the first delay, capped."""
    first, longest = settings.SMS_RETRY_SECONDS
    return min(longest, first * 2 ** (attempt - 1))


@task(backend="background")
def deliver_sms(to, text, attempt=1):
    """Send one queued SMS; when the provider is unavailable, queue it again, later."""
    try:
        transport().send(to, text)
    except SmsRefused as error:
        logger.error("SMS to %s dropped: %s", to, error)
        return {"sent": False, "refused": True}
    except SmsUnavailable as error:
        backend = deliver_sms.get_backend()
        if attempt >= settings.SMS_MAX_ATTEMPTS or not backend.supports_defer:
            logger.error("SMS to %s not sent after %s tries: %s", to, attempt, error)
            raise
        delay = retry_delay(attempt)
        logger.warning(
            "SMS to %s not sent (try %s: %s); next try in %s s", to, attempt, error, delay
        )
        deliver_sms.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            to, text, attempt + 1
        )
        return {"sent": False, "next_attempt": attempt + 1}
    return {"sent": True, "attempt": attempt}


def send(to, text):
    """Queue `text` for `to` (E.164); it leaves once the current transaction commits."""
    deliver_sms.enqueue(to, " ".join(text.split()))


__all__ = ["SmsRefused", "SmsUnavailable", "deliver_sms", "send"]
