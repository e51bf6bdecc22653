"""A mail worker killed in the middle of a delivery: the message is still delivered, once.

The worker (`manage.py db_worker`, as README runs it) takes a queued message and talks to
a mail server that never answers; it is killed (SIGKILL) there, leaving its task
"running". django-tasks-db never gives a running task to another worker, so without
`requeue_stuck_mail` the message is lost. Then the mail server answers again, the cron
command queues the delivery again, a new worker sends it, and it arrives once.
"""

import signal
import time

import pytest

from tests.servers import LoopbackSmtp, connect, database_copy, mail_worker, manage

from .conftest import WAIT, fault_environment, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.servers, pytest.mark.django_db]

SUBJECT = "Commande ML-2026-09999 payée"
SEND = (
    "from django.core.mail import send_mail; "
    f"send_mail({SUBJECT!r}, 'Merci.', None, ['awa@example.sn'])"
)


def delivery_status(db):
    rows = db.execute(
        "SELECT status FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'config.mail.deliver_email'"
    ).fetchall()
    return [status for (status,) in rows]


def test_a_message_whose_worker_was_killed_mid_delivery_is_delivered_once(tmp_path):
    with database_copy() as database_url, connect(database_url) as db:
        with LoopbackSmtp(hung=True) as hung_smtp:
            port = hung_smtp.port
            env = fault_environment(
                tmp_path,
                DATABASE_URL=database_url,
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=port,
                EMAIL_USE_TLS="false",
                ALLOW_PER_PROCESS_CACHE="true",  # one worker process at a time
                EMAIL_TIMEOUT=WAIT * 2,  # the worker waits on the silent server until killed
            )
            manage(env, "shell", "-c", SEND)
            assert delivery_status(db) == ["READY"]
            worker = mail_worker(env, tmp_path).launch()
            try:
                wait_for(lambda: delivery_status(db) == ["RUNNING"], "the worker taking it")
                time.sleep(1)  # connected to the silent server, waiting for its greeting
                worker.signal(signal.SIGKILL)
                worker.process.wait()
            finally:
                worker.stop()
        assert delivery_status(db) == ["RUNNING"]  # what a killed worker leaves

        with LoopbackSmtp(port=port) as smtp:
            assert manage(env, "requeue_stuck_mail", "--minutes", "0").strip() == (
                "1 e-mail(s) queued again."
            )
            with mail_worker(env, tmp_path):
                wait_for(lambda: delivery_status(db) == ["SUCCESSFUL"], "the delivery")
                time.sleep(2)  # anything sent twice would have arrived by now
            print(f"\nMail worker killed mid-delivery: {len(smtp.messages)} message(s) delivered")
            [message] = smtp.messages
            assert message["Subject"].startswith(SUBJECT)
            assert message["To"] == "awa@example.sn"
            assert message["Message-ID"]
        assert manage(env, "requeue_stuck_mail", "--minutes", "0").strip() == (
            "0 e-mail(s) queued again."
        )
