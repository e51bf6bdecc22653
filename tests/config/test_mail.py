"""E-mail leaves the request through the task queue, and is retried until it is sent."""

import time
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from config.mail import retry_delay
from tests.servers import LoopbackSmtp

pytestmark = pytest.mark.django_db

QUEUED = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def send_one():
    mail.send_mail(
        "Commande ML-2026-00001",
        "Texte",
        None,
        ["client@example.org"],
        html_message="<p>Texte</p>",
    )


def run_worker(*options):
    """The worker command until the queue is empty (or as `options` say).

    Between tasks the worker closes connections not in autocommit mode: on PostgreSQL
    that would close the test's own transaction, so it keeps its connection here.
    """
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _worker(*options)


def _worker(*options):
    call_command(
        "db_worker",
        "--backend=background",
        "--batch",
        "--no-startup-delay",
        "--interval=0",
        "--verbosity=0",
        *options,
    )


def test_a_queued_message_arrives_whole():
    send_one()
    (message,) = mail.outbox
    assert message.subject == "Commande ML-2026-00001"
    assert message.to == ["client@example.org"]
    assert message.alternatives[0][0] == "<p>Texte</p>"


@override_settings(TASKS=QUEUED)
def test_sending_only_queues_the_message_until_a_worker_runs():
    send_one()
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(task_path="config.mail.deliver_email").count() == 1
    run_worker()
    assert [message.subject for message in mail.outbox] == ["Commande ML-2026-00001"]


@override_settings(
    TASKS=QUEUED,
    MAIL_RETRY_SECONDS=(0, 0),
    EMAIL_PORT=1,
    EMAIL_HOST="127.0.0.1",
    EMAIL_USE_TLS=False,
)
def test_a_message_is_kept_while_smtp_is_down_and_sent_when_it_is_back(settings):
    settings.MAIL_DELIVERY_BACKEND = SMTP
    send_one()
    run_worker("--max-tasks=1")
    retry = DBTaskResult.objects.ready().get()
    assert retry.args_kwargs["args"][1] == 2  # its second try
    with LoopbackSmtp() as server:
        settings.EMAIL_PORT = server.port
        run_worker()
    assert [message["Subject"] for message in server.messages] == ["Commande ML-2026-00001"]


@override_settings(TASKS=QUEUED, EMAIL_HOST="127.0.0.1", EMAIL_TIMEOUT=1, EMAIL_USE_TLS=False)
def test_a_mail_server_that_never_answers_delays_the_message_without_losing_it(settings):
    settings.MAIL_DELIVERY_BACKEND = SMTP
    send_one()
    with LoopbackSmtp(hung=True) as server:
        settings.EMAIL_PORT = server.port
        started = time.monotonic()
        run_worker("--max-tasks=1")
        assert time.monotonic() - started < 5
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.args_kwargs["args"][0]["subject"] == "Commande ML-2026-00001"
    assert retry.run_after is not None


def test_retries_wait_longer_each_time_up_to_an_hour():
    assert [retry_delay(attempt) for attempt in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(20) == 3600
