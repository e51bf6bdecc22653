"""The impact page's reading of the figures: periods, the reader's choice, CSV files.

The figures themselves come from `impact.figures` (counted by `shop.sales`);
this module decides which period each block shows, applies the site's small-group
threshold and formats amounts for readers.
"""

import itertools
import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils import formats, timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from shop import pricing
from shop.models import ShopSettings

from . import figures
from .publication import ImpactSettings

# Periods go back to this year at most: nobody sold here before, and a period of a
# thousand years would only draw a thousand empty bars.
EARLIEST_YEAR = 2000
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{1,2})$")

ALL_TIME = "all_time"
THIS_YEAR = "this_year"
LAST_12_MONTHS = "last_12_months"
CUSTOM = "custom"
PERIOD_CHOICES = [
    (ALL_TIME, gettext_lazy("Since the first sale")),
    (THIS_YEAR, gettext_lazy("This year")),
    (LAST_12_MONTHS, gettext_lazy("The last 12 months")),
    (CUSTOM, gettext_lazy("Chosen months")),
]


def number(value):
    """A count with the reader's digit grouping (« 1 234 » in French)."""
    return formats.number_format(value, force_grouping=True)


def month_label(month):
    """« mars 2026 » in French, « March 2026 » in English."""
    return formats.date_format(month, "F Y")


def parse_month(text):
    """The first day of the month written « 2026-03 », or a ValidationError for readers."""
    match = MONTH_PATTERN.match(text.strip())
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if year >= EARLIEST_YEAR and 1 <= month <= 12:
            return date(year, month, 1)
    raise forms.ValidationError(
        _("« %(value)s » is not a month we know: write it as year-month, e.g. 2026-03.")
        % {"value": text[:20]}
    )


class PeriodForm(forms.Form):
    """The months a reader picks on the impact page (GET `start` and `end`, « 2026-03 »)."""

    start = forms.CharField(label=gettext_lazy("From"), required=False, max_length=20)
    end = forms.CharField(label=gettext_lazy("To"), required=False, max_length=20)

    def clean_start(self):
        return self._month("start")

    def clean_end(self):
        return self._month("end")

    def _month(self, name):
        value = self.cleaned_data.get(name, "")
        if not value:
            return None
        month = parse_month(value)
        if month > figures.current_month():
            raise forms.ValidationError(
                _("%(month)s has not begun yet: choose this month or an earlier one.")
                % {"month": month_label(month)}
            )
        return month

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The first month must come before the last one."))
        return cleaned

    def month_range(self):
        """The chosen months, or None when the reader chose nothing (or something invalid)."""
        if not self.is_bound or not self.is_valid():
            return None
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if not (start or end):
            return None
        return figures.MonthRange(start, end or figures.current_month())

    def messages(self):
        return [message for errors in self.errors.values() for message in errors]


@dataclass(frozen=True)
class Period:
    """A month range with the words that name it for readers."""

    months: figures.MonthRange
    label: str


def preset_months(choice, first=None, last=None):
    """The months of a block's preset period (see `PERIOD_CHOICES`)."""
    if choice == THIS_YEAR:
        return figures.this_year()
    if choice == LAST_12_MONTHS:
        return figures.last_months(12)
    if choice == CUSTOM and first and last:
        return figures.MonthRange(first.replace(day=1), last.replace(day=1))
    return figures.MonthRange()


class ImpactReading:
    """What an impact page shows for one request: the ledger, the period, the threshold."""

    def __init__(self, request=None):
        shop_settings = ShopSettings.for_request(request) if request else _default_settings()
        impact_settings = (
            ImpactSettings.for_request(request)
            if request
            else ImpactSettings.for_site(shop_settings.site)
        )
        self.currency = shop_settings.currency
        self.threshold = impact_settings.small_group_threshold
        self.language = get_language()
        self.ledger = figures.ledger(self.currency)
        self.form = PeriodForm(_period_params(request))
        self.chosen = self.form.month_range()
        self._ids = itertools.count(1)

    @property
    def errors(self):
        return self.form.messages()

    def money(self, amount):
        return pricing.format_money(amount, self.currency, self.language)

    def new_id(self, prefix):
        """An id unique in the page, for a chart's title and description."""
        return f"{prefix}-{next(self._ids)}"

    def period(self, choice=ALL_TIME, first=None, last=None):
        """The reader's chosen months if any, otherwise the block's preset."""
        months = self.chosen or preset_months(choice, first, last)
        return Period(months=months, label=self.describe(months))

    def describe(self, months):
        if months.first is None and months.last is None:
            return _("since %(month)s") % {"month": month_label(self.ledger.first_month())}
        months = self.ledger.resolve(months)
        if months.first == months.last:
            return _("in %(month)s") % {"month": month_label(months.first)}
        if months == figures.this_year():
            return _("in %(year)s, to date") % {"year": months.first.year}
        return _("from %(first)s to %(last)s") % {
            "first": month_label(months.first),
            "last": month_label(months.last),
        }

    def partner_figures(self, partner, period):
        """A partner's figures over the period, as readers see them (`Ledger.for_workshops`:
        only published workshop groups made of its workshops); None if it runs none."""
        workshop_ids = [workshop.pk for workshop in partner.workshops.all()]
        if not workshop_ids:
            return None
        found = self.ledger.for_workshops(workshop_ids, period.months, self.threshold)
        return {
            "workshops": ", ".join(found.workshop_names),
            "left_out": ", ".join(found.left_out),
            "items": number(found.figures.items),
            "paid": self.money(found.figures.paid_to_artisans),
            "artisans": number(found.figures.artisans),
            "has_sales": bool(found.figures.items),
        }

    def month_options(self):
        """(value, label) of every month a reader may pick, newest first."""
        month, first = figures.current_month(), self.ledger.first_month()
        options = []
        while month >= first:
            options.append((f"{month:%Y-%m}", month_label(month)))
            month = figures.add_months(month, -1)
        return options

    def csv_query(self):
        """The chosen period as a query string, so the CSV files match the page."""
        if not self.chosen:
            return ""
        months = self.ledger.resolve(self.chosen)
        return f"?start={months.first:%Y-%m}&end={months.last:%Y-%m}"


def _default_settings():
    from wagtail.models import Site

    return ShopSettings.for_site(Site.objects.get(is_default_site=True))


def _period_params(request):
    if request is None or not ({"start", "end"} & set(request.GET)):
        return None
    return request.GET


# CSV files (written by `shop.admin.export.csv_rows`, like the order export) -----


def monthly_rows(reading, months):
    """The monthly figures of a period: one row per month, amounts in minor units."""
    yield [
        _("Month"),
        _("Orders"),
        _("Pieces sold"),
        _("Artisans who earned"),
        _("Paid to artisans (minor units)"),
        _("Markup collected (minor units)"),
        _("Currency"),
    ]
    for month in reading.ledger.monthly(months):
        yield [
            f"{month.month:%Y-%m}",
            month.orders,
            month.items,
            month.artisans,
            month.paid_to_artisans,
            month.markup,
            reading.currency,
        ]


def workshop_rows(reading, months):
    """The per-workshop table of a period, small workshops merged as on the page."""
    yield [
        _("Workshop"),
        _("Workshops included"),
        _("Artisans who earned"),
        _("Pieces sold"),
        _("Paid to artisans (minor units)"),
        _("Markup collected (minor units)"),
        _("Currency"),
    ]
    for group in reading.ledger.workshops(months, reading.threshold):
        yield [
            group.name,
            " ; ".join(group.workshop_names),
            group.artisans,
            group.items,
            group.paid_to_artisans,
            group.markup,
            reading.currency,
        ]


def today_stamp():
    return f"{timezone.localdate():%Y-%m-%d}"
