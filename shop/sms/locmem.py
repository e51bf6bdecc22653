"""Tests: each SMS is kept in `outbox`, as Django's locmem e-mail backend keeps e-mails."""

from dataclasses import dataclass

from .base import SmsTransport


@dataclass(frozen=True)
class SentSms:
    to: str
    text: str


# Emptied by the tests' fixture; one list per process, like `django.core.mail.outbox`.
outbox = []


class LocmemTransport(SmsTransport):
    name = "locmem"

    def send(self, to, text):
        outbox.append(SentSms(to=to, text=text))
