"""Cron job: e-mails whose worker died while sending them go back in the queue."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from config.mail import STUCK_AFTER, requeue_stuck_deliveries

DEFAULT_MINUTES = int(STUCK_AFTER.total_seconds() // 60)


class Command(BaseCommand):
    help = (
        "Queue again the e-mail deliveries left 'running' by a worker that was killed "
        "(django-tasks-db never gives a running task to another worker). "
        "Meant for cron, every 5 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes",
            type=int,
            default=DEFAULT_MINUTES,
            help="Requeue deliveries running for longer than this "
            f"(default {DEFAULT_MINUTES}; a live delivery takes seconds).",
        )

    def handle(self, *args, minutes, **options):
        if minutes < 0:
            raise CommandError("--minutes must be 0 or more.")
        count = requeue_stuck_deliveries(timedelta(minutes=minutes))
        self.stdout.write(f"{count} e-mail(s) queued again.")
