"""Impact page blocks: live figures, charts, the method note and partners.

Every figure comes from `impact.figures` through `impact.reading.ImpactReading`, which
the impact page puts in the template context; blocks only choose a period and
turn figures into words, tables and chart geometry.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from shop import pricing
from stories.blocks import EditorialStreamBlock

from . import charts
from .figures import MonthRange, this_year
from .publication import Partner
from .reading import ALL_TIME, CUSTOM, PERIOD_CHOICES, ImpactReading, number

TEMPLATES = "components/impact"


def reading_from(parent_context):
    """The page's `ImpactReading`, or one made for this request (e.g. on a standard page)."""
    parent_context = parent_context or {}
    reading = parent_context.get("impact")
    if reading is None:
        reading = ImpactReading(parent_context.get("request"))
        parent_context["impact"] = reading
    return reading


# A period block's picker preview: every figure since the first sale.
PERIOD_PREVIEW = {"period": ALL_TIME, "first_month": None, "last_month": None}


class PeriodBlock(blocks.StructBlock):
    """A block that shows figures over a period the editor presets and the reader may change."""

    heading = blocks.CharBlock(label=gettext_lazy("Heading"), max_length=120)
    period = blocks.ChoiceBlock(
        choices=PERIOD_CHOICES,
        default=ALL_TIME,
        label=gettext_lazy("Period"),
        help_text=gettext_lazy(
            "What the block shows until a reader picks months at the top of the page."
        ),
    )
    first_month = blocks.DateBlock(
        required=False,
        label=gettext_lazy("First month"),
        help_text=gettext_lazy("For « chosen months »: any day of the first month."),
    )
    last_month = blocks.DateBlock(
        required=False,
        label=gettext_lazy("Last month"),
        help_text=gettext_lazy("For « chosen months »: any day of the last month (included)."),
    )

    def clean(self, value):
        value = super().clean(value)
        first, last = value.get("first_month"), value.get("last_month")
        if value.get("period") == CUSTOM:
            errors = {}
            if not first:
                errors["first_month"] = ValidationError(_("Give the first month."))
            if not last:
                errors["last_month"] = ValidationError(_("Give the last month."))
            if first and last and first.replace(day=1) > last.replace(day=1):
                errors["last_month"] = ValidationError(
                    _("The last month must not come before the first one.")
                )
            if errors:
                raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        reading = reading_from(parent_context)
        period = reading.period(value["period"], value["first_month"], value["last_month"])
        context.update({"impact": reading, "period": period})
        context.update(self.figures_context(value, reading, period))
        return context

    def figures_context(self, value, reading, period):
        return {}


class ImpactFiguresBlock(PeriodBlock):
    """The headline figures: since the first sale, this year and the chosen period.

    A period that covers the same months as an earlier column (the last 12 months in
    December are this year; a reader's pick of all months is since the start) is not
    shown twice: each column is a different span of months.
    """

    def figures_context(self, value, reading, period):
        ledger = reading.ledger
        spans = [
            (_("Since the start"), MonthRange()),
            (_("This year"), this_year()),
            (period.label, period.months),
        ]
        columns, shown = [], set()
        for label, months in spans:
            resolved = ledger.resolve(months)
            if resolved not in shown:
                shown.add(resolved)
                columns.append((label, ledger.figures(months)))
        rows = [
            (_("Paid to artisans"), lambda f: reading.money(f.paid_to_artisans)),
            (_("Pieces sold"), lambda f: number(f.items)),
            (_("Artisans who earned at least once"), lambda f: number(f.artisans)),
            (_("Orders"), lambda f: number(f.orders)),
            (
                _("Markup collected, which covered the shop's costs"),
                lambda f: reading.money(f.markup),
            ),
            (_("Average paid per artisan"), lambda f: reading.money(f.average_per_artisan)),
        ]
        headline = ledger.figures()
        return {
            "columns": [label for label, _figures in columns],
            "rows": [
                (label, [show(figures) for _label, figures in columns]) for label, show in rows
            ],
            "headline": [(label, show(headline)) for label, show in rows[:3]],
            "since": reading.describe(MonthRange()),
        }

    class Meta:
        icon = "table"
        label = gettext_lazy("Impact figures")
        template = f"{TEMPLATES}/figures_block.html"
        description = gettext_lazy(
            "The headline figures, live: paid to artisans, pieces sold, artisans who earned."
        )
        preview_value = {"heading": gettext_lazy("What your purchases have done"), **PERIOD_PREVIEW}


class MonthlyChartBlock(PeriodBlock):
    """A chart of the money paid to artisans each month, with its data table."""

    def figures_context(self, value, reading, period):
        months = reading.ledger.monthly(period.months)
        points = []
        for index, month in enumerate(months):
            label = formats.date_format(month.month, "N")
            year = str(month.month.year) if index == 0 or month.month.month == 1 else ""
            title = _("%(month)s: %(amount)s") % {
                "month": formats.date_format(month.month, "F Y"),
                "amount": reading.money(month.paid_to_artisans),
            }
            points.append((label, year, month.paid_to_artisans, title))
        busiest = max(months, key=lambda month: month.paid_to_artisans, default=None)
        total = sum(month.paid_to_artisans for month in months)
        description = _("Bars of the amounts paid to artisans each month, %(period)s.") % {
            "period": period.label
        }
        if busiest and busiest.paid_to_artisans:
            description += " " + _(
                "In all, %(total)s; the most in one month was %(amount)s, in %(month)s."
            ) % {
                "total": reading.money(total),
                "amount": reading.money(busiest.paid_to_artisans),
                "month": formats.date_format(busiest.month, "F Y"),
            }
        return {
            **chart_context(
                reading,
                charts.column_chart(points, reading.money),
                description,
                phone_chart=charts.phone_column_chart(points, reading.money),
            ),
            "months": [
                {
                    "label": formats.date_format(month.month, "F Y"),
                    "paid": reading.money(month.paid_to_artisans),
                    "items": number(month.items),
                    "artisans": number(month.artisans),
                }
                for month in months
            ],
        }

    class Meta:
        icon = "time"
        label = gettext_lazy("Chart: paid to artisans per month")
        template = f"{TEMPLATES}/monthly_chart_block.html"
        description = gettext_lazy("Bars of what artisans were paid each month, with its table.")
        preview_value = {
            "heading": gettext_lazy("Paid to artisans, month by month"),
            **PERIOD_PREVIEW,
        }


def chart_context(reading, chart, description, has_data=True, *, phone_chart):
    """What every chart template needs besides its drawing: ids, description, whether empty.

    `drawings` are the chart drawn for wide screens and for phones (`impact.charts`).
    """
    return {
        "chart": chart,
        "drawings": [("wide", chart), ("phone", phone_chart)],
        "title_id": reading.new_id("chart-title"),
        "desc_id": reading.new_id("chart-desc"),
        "description": description,
        "has_data": has_data,
    }


def group_label(group):
    """A workshop's name, or « Other workshops: A, B » for merged small workshops."""
    if group.merged:
        return _("%(other)s: %(names)s") % {
            "other": group.name,
            "names": ", ".join(group.workshop_names),
        }
    return group.name


class WorkshopChartBlock(PeriodBlock):
    """Pieces sold per workshop, small workshops merged so that nobody can be singled out."""

    def figures_context(self, value, reading, period):
        groups = reading.ledger.workshops(period.months, reading.threshold)
        pieces = _("%(count)s pieces")
        points = [
            (group_label(group), group.items, pieces % {"count": number(group.items)})
            for group in groups
        ]
        chart = charts.bar_rows(points)
        description = _(
            "Bars of the pieces sold by each workshop, %(period)s. Workshops where fewer "
            "than %(threshold)s artisans earned are counted together."
        ) % {"period": period.label, "threshold": reading.threshold}
        return {
            **chart_context(
                reading,
                chart,
                description,
                has_data=bool(groups),
                phone_chart=charts.phone_bar_rows(points),
            ),
            "groups": [
                {
                    "label": group_label(group),
                    "artisans": number(group.artisans),
                    "items": number(group.items),
                    "paid": reading.money(group.paid_to_artisans),
                }
                for group in groups
            ],
        }

    class Meta:
        icon = "group"
        label = gettext_lazy("Chart: pieces sold per workshop")
        template = f"{TEMPLATES}/workshop_chart_block.html"
        description = gettext_lazy(
            "Pieces sold by each workshop; small ones are grouped so no one can be singled out."
        )
        preview_value = {"heading": gettext_lazy("Pieces sold per workshop"), **PERIOD_PREVIEW}


class FrancSplitBlock(PeriodBlock):
    """Where each franc paid for a piece goes: the artisan's share and the shop's markup."""

    def figures_context(self, value, reading, period):
        figures = reading.ledger.figures(period.months)
        symbol = pricing.currency_symbol(reading.currency)
        artisan, markup = figures.artisan_share_per_hundred, figures.markup_per_hundred
        description = _(
            "Of every 100 %(symbol)s paid for the pieces %(period)s, %(artisan)s %(symbol)s "
            "went to the artisans and %(markup)s %(symbol)s covered the shop's costs."
        ) % {"symbol": symbol, "period": period.label, "artisan": artisan, "markup": markup}
        chart = charts.split_bar(artisan, markup)
        return {
            **chart_context(
                reading,
                chart,
                description,
                has_data=bool(figures.paid_by_shoppers),
                phone_chart=charts.phone_split_bar(artisan, markup),
            ),
            "artisan_text": f"{artisan} {symbol}",
            "markup_text": f"{markup} {symbol}",
            "parts": [
                (_("To the artisans"), reading.money(figures.paid_to_artisans), artisan),
                (_("Markup for the shop's costs"), reading.money(figures.markup), markup),
                (_("Paid for the pieces"), reading.money(figures.paid_by_shoppers), 100),
            ],
            "symbol": symbol,
        }

    class Meta:
        icon = "pick"
        label = gettext_lazy("Chart: where each franc goes")
        template = f"{TEMPLATES}/split_chart_block.html"
        description = gettext_lazy(
            "Of every 100 francs paid, what goes to the artisans and what covers the shop's costs."
        )
        preview_value = {"heading": gettext_lazy("Where each franc goes"), **PERIOD_PREVIEW}


class MethodNoteBlock(blocks.StructBlock):
    """How the figures are counted: the rules written from the code, and the editor's words."""

    heading = blocks.CharBlock(
        label=gettext_lazy("Heading"), max_length=120, default=gettext_lazy("How we count")
    )
    text = blocks.RichTextBlock(
        label=gettext_lazy("Your own words (optional)"),
        required=False,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=gettext_lazy(
            "Shown after the rules, which the site writes itself so they are always right."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        reading = reading_from(parent_context)
        context.update(
            {
                "impact": reading,
                "threshold": reading.threshold,
                "time_zone": settings.TIME_ZONE,
            }
        )
        return context

    class Meta:
        icon = "help"
        label = gettext_lazy("Method note")
        template = f"{TEMPLATES}/method_note_block.html"
        description = gettext_lazy(
            "How the figures are counted, written by the site itself, then your own words."
        )
        preview_value = {"heading": gettext_lazy("How we count"), "text": ""}


class PartnersBlock(blocks.StructBlock):
    """The partners who make the shop possible, with their workshops' figures."""

    heading = blocks.CharBlock(label=gettext_lazy("Heading"), max_length=120)
    partners = blocks.ListBlock(
        SnippetChooserBlock("impact.Partner"),
        label=gettext_lazy("Partners"),
        required=False,
        help_text=gettext_lazy("Left empty, every partner is listed."),
    )
    show_figures = blocks.BooleanBlock(
        label=gettext_lazy("Show the figures of the workshops they run"),
        required=False,
        default=True,
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        chosen = [partner for partner in value["partners"] if partner is not None]
        partners = chosen or list(
            Partner.objects.select_related("logo").prefetch_related("workshops")
        )
        reading = reading_from(parent_context) if value["show_figures"] else None
        period = reading.period(ALL_TIME) if reading else None
        context["partners"] = [
            {"partner": partner, "figures": self.partner_figures(partner, reading, period)}
            for partner in partners
        ]
        context["period"] = period
        return context

    def partner_figures(self, partner, reading, period):
        return reading.partner_figures(partner, period) if reading else None

    class Meta:
        icon = "site"
        label = gettext_lazy("Partners")
        template = f"{TEMPLATES}/partners_block.html"
        description = gettext_lazy(
            "The partners who make the shop possible, with the figures of the workshops they run."
        )
        preview_value = {
            "heading": gettext_lazy("Our partners"),
            "partners": [],
            "show_figures": True,
        }


class ImpactStreamBlock(EditorialStreamBlock):
    """The impact page's body: editorial blocks, partners, live figures, charts, method note."""

    # Partners first, as on standard pages: the editor lists the blocks in this order.
    partners = PartnersBlock()
    figures = ImpactFiguresBlock()
    monthly_chart = MonthlyChartBlock()
    workshop_chart = WorkshopChartBlock()
    franc_split = FrancSplitBlock()
    method_note = MethodNoteBlock()
