"""Daily cron job: apply consents that lapsed, and list those to renew soon."""

from django.core.management.base import BaseCommand
from django.utils import formats

from stories.consent import expire_consents, expiring_soon


class Command(BaseCommand):
    help = (
        "Apply every consent that expired or was withdrawn (pages made anonymous, portraits and "
        "stories taken off the site), then list consents ending soon. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--warn-days",
            type=int,
            default=30,
            help="List the consents ending within this many days (default 30).",
        )

    def handle(self, *args, **options):
        changes = expire_consents()
        for change in changes:
            page = change.artisan_pages[0]
            page.refresh_from_db(fields=["title"])
            self.stdout.write(
                f"Consent applied to page {page.pk} « {page.title} »: "
                f"{len(change.unpublished_stories)} stories unpublished, "
                f"{len(change.archived_portraits)} portraits archived."
            )
        if not changes:
            self.stdout.write("No consent changed since the last run.")
        for record in expiring_soon(options["warn_days"]):
            ends = formats.date_format(record.consent_valid_until, "SHORT_DATE_FORMAT")
            self.stdout.write(f"To renew: « {record.artisan.title} », consent valid until {ends}.")
