"""Development: each SMS is written to the log (and so the console) instead of being sent."""

import logging

from .base import SmsTransport

logger = logging.getLogger(__name__)


class ConsoleTransport(SmsTransport):
    name = "console"

    def send(self, to, text):
        logger.warning("SMS to %s: %s", to, text)
