"""Wagtail's `publish_scheduled`, refusing first what consent no longer allows.

This app comes before `wagtail` in INSTALLED_APPS, so this command replaces
Wagtail's of the same name: cron keeps calling `publish_scheduled`.
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from stories.publishing import refuse_scheduled_without_consent


class Command(WagtailPublishScheduled):
    help = (
        "Publish and unpublish what is scheduled, after unscheduling stories whose artisans' "
        "consent no longer allows them (the reason is logged in the page history)."
    )

    def handle(self, *args, **options):
        if not options["dryrun"]:
            for page in refuse_scheduled_without_consent():
                self.stdout.write(f"Refused (consent): page {page.pk} « {page.title} ».")
        super().handle(*args, **options)
