"""The admin home panel that warns of consents about to end, while there is time to renew them."""

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from shop.admin.dashboard import DashboardPanel

from .consent import expiring_soon

# How far ahead the panel looks: a month leaves time to meet the artisan again.
CONSENT_WARNING_DAYS = 30


class ExpiringConsentsPanel(DashboardPanel):
    """Artisans whose consent ends within a month: their stories go offline when it does.

    Shown to every admin user, because editors must know a story is about to be taken
    down; it names artisans only by their public name. The link opens the private
    record for those allowed to see it, otherwise the artisan's page.
    """

    name = "stories_expiring_consents"
    order = 93
    permission = "wagtailadmin.access_admin"
    heading = _("Consents ending within 30 days")

    def get_context_data(self, parent_context=None):
        records = list(expiring_soon(CONSENT_WARNING_DAYS))
        finder = AdminURLFinder(self.request.user)
        items = [
            {
                "title": record.artisan.title,
                "detail": _("consent ends on %(date)s")
                % {"date": date_format(record.consent_valid_until, "DATE_FORMAT")},
                "url": finder.get_edit_url(record) or finder.get_edit_url(record.artisan) or "",
            }
            for record in records
        ]
        return {
            "heading": self.heading,
            "panel_id": self.name,
            "counts": [{"label": _("to renew"), "count": len(records), "url": "", "alert": True}],
            "items": items,
            "items_label": _("Open"),
        }
