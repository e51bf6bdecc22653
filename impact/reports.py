"""The "stories that sell" report: which stories bring readers to products, and buyers.

For communications staff (permission `shop.view_story_report`). Per story, over a
period: views of its product links (`shop.StoryProductView`), and the pieces and
revenue of the order lines that remember the story, counted as the impact figures
count (`shop.figures`: paid orders, refunds taken back).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from shop import figures, pricing
from shop.models import ShopSettings, StoryProductView
from shop.reports import read_period
from stories.models import StoryPage

VIEW_STORY_REPORT = "shop.view_story_report"


def story_rows(currency, period):
    """One row per story with views or sales in the period, best sellers first."""
    start, end = period.bounds()
    lines = figures.counted_lines(currency, start, end).exclude(story_id=None)
    sales = {key[0]: tally for key, tally in figures.sales_by(("story",), lines).items()}
    views = dict(
        StoryProductView.objects.filter(day__gte=period.start, day__lte=period.end)
        .values("story_id")
        .annotate(total=Sum("views"))
        .values_list("story_id", "total")
        .order_by()
    )
    stories = StoryPage.objects.filter(pk__in=set(sales) | set(views)).only("title", "live")
    rows = []
    for story in stories:
        tally = sales.get(story.pk, figures.Tally())
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
            "items": sum(row["items"] for row in rows),
            "revenue": pricing.format_money(
                sum(row["revenue"] for row in rows), currency, language
            ),
        },
    }
    return TemplateResponse(request, "home/admin/stories_report.html", context, status=status)
