"""Admin reports about impact: the reconciliation of the figures, the stories that sell.

The reconciliation (permission `shop.view_order`) checks the published figures
month by month against the orders' own totals. The "stories that sell" report (for
communications staff, permission `shop.view_story_report`) gives per story, over a
period: views of its product links (`shop.StoryProductView`), and the pieces and
revenue of the order lines that remember the story, counted as the impact figures
count (`shop.sales`: paid orders, refunds taken back).
"""

from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language

from shop import pricing, sales
from shop.admin.orders import VIEW_ORDERS
from shop.admin.reports import money_formatter, read_period, require, shop_settings_for
from shop.models import ShopSettings, StoryProductView
from stories.models import StoryPage

from . import figures

VIEW_STORY_REPORT = "shop.view_story_report"
COUNTED_STATUS_FILTER = ",".join(str(status) for status in sales.COUNTED_STATUSES)


def story_rows(currency, period):
    """One row per story with views or sales in the period, best sellers first."""
    start, end = period.bounds()
    lines = sales.counted_lines(currency, start, end).exclude(story_id=None)
    by_story = {key[0]: tally for key, tally in sales.sales_by(("story",), lines).items()}
    views = dict(
        StoryProductView.objects.filter(day__gte=period.start, day__lte=period.end)
        .values("story_id")
        .annotate(total=Sum("views"))
        .values_list("story_id", "total")
        .order_by()
    )
    stories = StoryPage.objects.filter(pk__in=set(by_story) | set(views)).only("title", "live")
    rows = []
    for story in stories:
        tally = by_story.get(story.pk, sales.Tally())
        rows.append(
            {
                "story": story,
                "views": views.get(story.pk, 0),
                "items": tally.items,
                "orders": tally.orders,
                "revenue": tally.paid_by_shoppers,
            }
        )
    return sorted(rows, key=lambda row: (-row["revenue"], -row["views"], row["story"].title))


def orders_from_stories(currency, period):
    """How many counted orders a story brought in the period: an order from two stories once."""
    start, end = period.bounds()
    lines = sales.counted_lines(currency, start, end).exclude(story_id=None)
    return lines.values("order_id").distinct().count()


def stories_report(request):
    """The report page: a period form and a table of the stories that brought buyers."""
    if not request.user.has_perm(VIEW_STORY_REPORT):
        raise PermissionDenied
    form, period, status = read_period(request)
    currency = ShopSettings.for_request(request).currency
    language = get_language()
    rows = story_rows(currency, period)
    for row in rows:
        row["revenue_text"] = pricing.format_money(row["revenue"], currency, language)
    context = {
        "form": form,
        "period": period,
        "rows": rows,
        "totals": {
            "views": sum(row["views"] for row in rows),
            "orders": orders_from_stories(currency, period),
            "items": sum(row["items"] for row in rows),
            "revenue": pricing.format_money(
                sum(row["revenue"] for row in rows), currency, language
            ),
        },
    }
    return TemplateResponse(request, "impact/admin/stories_report.html", context, status=status)


# Reconciliation --------------------------------------------------------------


def impact_reconciliation(request):
    """The impact figures month by month, checked against the orders' own totals.

    The figures add up order lines; the check adds up the orders' recorded shares
    (refunds split the same way). Each month links to its orders in the order list,
    whose CSV export gives the same sums.
    """
    require(request.user, VIEW_ORDERS)
    currency = shop_settings_for(request).currency
    money = money_formatter(currency)
    ledger = figures.ledger(currency)
    checks = sales.order_totals_by_month(currency)
    orders_index = reverse("shop_order_modeladmin_index")
    rows = []
    for month in reversed(ledger.monthly(figures.MonthRange())):
        check = checks.get(month.month, sales.Tally())
        start = sales.start_of(month.month)
        end = sales.start_of(sales.add_months(month.month, 1))
        query = urlencode(
            {
                "status__in": COUNTED_STATUS_FILTER,
                "currency": currency,
                "paid_at__gte": start.isoformat(),
                "paid_at__lt": end.isoformat(),
            }
        )
        rows.append(
            {
                "month": month.month,
                "orders": month.orders,
                "items": month.items,
                "artisans": month.artisans,
                "paid": money(month.paid_to_artisans),
                "markup": money(month.markup),
                "matches": (
                    check.orders == month.orders
                    and check.artisan_share == month.paid_to_artisans
                    and check.markup == month.markup
                ),
                "orders_url": f"{orders_index}?{query}",
                "export_url": f"{orders_index}?{query}&export=csv",
            }
        )
    totals = ledger.figures()
    context = {
        "rows": rows,
        "totals": {
            "orders": totals.orders,
            "items": totals.items,
            "artisans": totals.artisans,
            "paid": money(totals.paid_to_artisans),
            "markup": money(totals.markup),
        },
        "all_match": all(row["matches"] for row in rows),
    }
    return TemplateResponse(request, "impact/admin/impact_reconciliation.html", context)
