"""Cron job: put back on sale the pieces of orders nobody is going to pay for."""

from django.core.management.base import BaseCommand, CommandError

from shop.reservations import DEFAULT_GRACE_MINUTES, release_expired_reservations


class Command(BaseCommand):
    help = (
        "Release the pieces held by online orders (card, mobile money) whose payment page "
        "expired without a callback (the provider is asked what happened: a lost payment is "
        "recorded, not lost), and orders whose page was never made (the checkout died first). "
        "Meant for cron, every 5 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=DEFAULT_GRACE_MINUTES,
            help="Minutes after the payment deadline left for the provider's own callback "
            f"(default {DEFAULT_GRACE_MINUTES}).",
        )
        parser.add_argument(
            "--cash-days",
            type=int,
            default=None,
            help="Also cancel orders awaiting cash for more than this many days "
            "(default: never; a delivery may be under way).",
        )

    def handle(self, *args, grace_minutes, cash_days, **options):
        if grace_minutes < 0 or (cash_days is not None and cash_days < 1):
            raise CommandError("--grace-minutes must be 0 or more and --cash-days 1 or more.")
        outcome = release_expired_reservations(grace_minutes=grace_minutes, cash_days=cash_days)
        for label, references in (
            ("Released", outcome.released),
            ("Paid after all", outcome.paid),
            ("Payment still in progress", outcome.waiting),
            ("Provider unreachable, retried next run", outcome.unreachable),
            ("Cash orders cancelled", outcome.cash_cancelled),
        ):
            if references:
                self.stdout.write(f"{label}: {', '.join(references)}")
        total = sum(
            len(references)
            for references in (outcome.released, outcome.paid, outcome.cash_cancelled)
        )
        self.stdout.write(f"{total} order(s) settled.")
