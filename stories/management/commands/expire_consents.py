"""Daily cron job: apply consents that lapsed, and list those to renew soon."""

from django.core.management.base import BaseCommand
from django.utils import formats

from stories.archive import retry_pending_archives
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
        self.retry_image_moves()
        changes = expire_consents()
        for change in changes:
            page = change.artisan_pages[0]
            page.refresh_from_db(fields=["title"])
            self.stdout.write(
                f"Consent applied to page {page.pk} « {page.title} »: "
                f"{len(change.unpublished_stories)} stories unpublished, "
                f"{len(change.archived_portraits)} portraits and "
                f"{len(change.archived_images)} story images archived, "
                f"{len(change.pending_images)} images waiting for a retry."
            )
        if not changes:
            self.stdout.write("No consent changed since the last run.")
        for record in expiring_soon(options["warn_days"]):
            ends = formats.date_format(record.consent_valid_until, "SHORT_DATE_FORMAT")
            self.stdout.write(f"To renew: « {record.artisan.title} », consent valid until {ends}.")

    def retry_image_moves(self):
        """Images already off the site whose move to private storage failed: try again."""
        archived, waiting = retry_pending_archives()
        if archived:
            self.stdout.write(f"{archived} images moved to private storage on retry.")
        if waiting:
            # On stderr, so that cron mails it: someone must look at the storage.
            self.stderr.write(
                f"{waiting} images still cannot be moved to private storage: see the log."
            )
