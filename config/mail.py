"""Durable e-mail: a request only queues its messages, a worker sends them, and retries.

`QueuedEmailBackend` is Django's EMAIL_BACKEND, so every sender (the shop's e-mails,
Wagtail's workflow and password e-mails, `send_mail`) goes through it unchanged. It
writes each message to the task queue (django-tasks' database backend): inside the
caller's transaction, so a rolled-back order queues nothing and a committed one cannot
lose its mail. The `db_worker` command sends it with `MAIL_DELIVERY_BACKEND`; an SMTP
server that is down or never answers (`EMAIL_TIMEOUT`) only delays it: the delivery is
queued again, later each time, until it goes through.

A worker killed while it sends (SIGKILL, the machine lost) leaves its task "running"
for ever: django-tasks-db 0.13 never hands a running task to another worker.
`requeue_stuck_deliveries` (the `requeue_stuck_mail` command, run by cron) puts such
deliveries back in the queue once they have been running longer than any delivery can
(EMAIL_TIMEOUT bounds each SMTP step). A message keeps the Message-ID it was given when
queued, so the rare message sent twice (the server accepted it just before the worker
died) is the same message twice, which mail clients and servers recognise.
"""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def message_to_json(message):
    """The message as plain JSON for the queue: addresses, texts, headers and attachments."""
    attachments = []
    for attachment in message.attachments:
        if not isinstance(attachment, tuple):
            raise ValueError("Only (filename, content, mimetype) attachments can be queued.")
        filename, content, mimetype = attachment
        as_bytes = content if isinstance(content, bytes) else str(content).encode()
        attachments.append([filename, base64.b64encode(as_bytes).decode(), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        # The Message-ID is fixed now: every try, and a resend after a crash, sends the same.
        "headers": {
            "Message-ID": make_msgid(),
            **{name: str(value) for name, value in message.extra_headers.items()},
        },
        "content_subtype": message.content_subtype,
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def message_from_json(fields):
    """The message `message_to_json` stored, as Django's own object again."""
    message = EmailMultiAlternatives(
        subject=fields["subject"],
        body=fields["body"],
        from_email=fields["from_email"],
        to=fields["to"],
        cc=fields["cc"],
        bcc=fields["bcc"],
        reply_to=fields["reply_to"],
        headers=fields["headers"],
    )
    message.content_subtype = fields["content_subtype"]
    for content, mimetype in fields["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in fields["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def retry_delay(attempt):
    """Seconds before try number `attempt + 1`: doubling from the first delay, capped."""
    first, longest = settings.MAIL_RETRY_SECONDS
    return min(longest, first * 2 ** (attempt - 1))


@task(backend="background")
def deliver_email(fields, attempt=1):
    """Send one queued message; on failure, queue it again with a longer delay."""
    message = message_from_json(fields)
    try:
        get_connection(settings.MAIL_DELIVERY_BACKEND).send_messages([message])
    except OSError as error:  # smtplib's errors, refused connections and timeouts alike
        backend = deliver_email.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            raise
        delay = retry_delay(attempt)
        logger.warning(
            "E-mail %r to %s not sent (try %s: %s); next try in %s s",
            message.subject,
            ", ".join(message.recipients()),
            attempt,
            error,
            delay,
        )
        deliver_email.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            fields, attempt + 1
        )
        return {"sent": False, "next_attempt": attempt + 1}
    return {"sent": True, "attempt": attempt}


# A delivery running longer than this has lost its worker: SMTP's steps each end within
# EMAIL_TIMEOUT (10 s by default), so no live delivery lasts minutes.
STUCK_AFTER = timedelta(minutes=15)


def requeue_stuck_deliveries(older_than=STUCK_AFTER):
    """Put back in the queue the deliveries "running" for longer than `older_than`.

    Their worker died mid-delivery; the next worker sends them (the same message, with
    its Message-ID). Returns how many. Safe to run at any time, from several hosts: a
    delivery is put back once, by a single conditional UPDATE.
    """
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING,
        task_path=deliver_email.module_path,
        started_at__lt=timezone.now() - older_than,
    ).update(status=TaskResultStatus.READY)


class QueuedEmailBackend(BaseEmailBackend):
    """Django's e-mail backend that queues messages instead of sending them."""

    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(message_to_json(message))
        return len(email_messages)
