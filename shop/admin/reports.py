"""Shop managers' reports in the admin: artisans' earnings, statements, payouts.

Each view checks its permission: earnings, statements and payouts need
`shop.view_artisanpayout` (shop managers have it, communications staff do not).
The reconciliation of the impact figures is `impact.reports`.
"""

from datetime import date
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .. import earnings, pricing, relations
from ..models import ArtisanPayout, ShopSettings
from ..parsing import id_from

VIEW_EARNINGS = "shop.view_artisanpayout"
ADD_PAYOUT = "shop.add_artisanpayout"
PAYOUT_URLS = "wagtailsnippets_shop_artisanpayout"


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users holding `permission`."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def require(user, permission):
    if not user.has_perm(permission):
        raise PermissionDenied


class DateRangeForm(forms.Form):
    """A period of days for a report; this year to date unless the reader picks one."""

    start = forms.DateField(label=gettext_lazy("From"), widget=AdminDateInput, required=False)
    end = forms.DateField(
        label=gettext_lazy("To (included)"), widget=AdminDateInput, required=False
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period must come before its end."))
        return cleaned

    def period(self):
        today = timezone.localdate()
        default = earnings.DateRange(date(today.year, 1, 1), today)
        if not self.is_bound or not self.is_valid():
            return default
        return earnings.DateRange(
            self.cleaned_data.get("start") or default.start,
            self.cleaned_data.get("end") or default.end,
        )


def read_period(request):
    """The form, the period asked for (this year when none or invalid), and the status.

    A period that makes no sense is answered with the default period, the form's
    messages and a 400.
    """
    if not {"start", "end"} & set(request.GET):
        period = DateRangeForm().period()
        return DateRangeForm(initial={"start": period.start, "end": period.end}), period, 200
    form = DateRangeForm(request.GET)
    return form, form.period(), 200 if form.is_valid() else 400


def shop_settings_for(request):
    return ShopSettings.for_request(request)


def money_formatter(currency):
    language = get_language()
    return lambda amount: pricing.format_money(amount, currency, language)


def earnings_index(request):
    """Every artisan's account for a period: pieces sold, owed, paid out, balance."""
    require(request.user, VIEW_EARNINGS)
    form, period, status = read_period(request)
    currency = shop_settings_for(request).currency
    money = money_formatter(currency)
    accounts = earnings.earnings(currency, period)
    query = urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()})
    rows = [
        {
            "name": account.name,
            "url": reverse("shop_earnings_statement", args=[account.artisan_id]) + f"?{query}",
            "items": account.items,
            "brought_forward": money(account.brought_forward),
            "owed": money(account.owed),
            "paid_out": money(account.paid_out),
            "balance": money(account.balance),
            "owes": account.balance > 0,
        }
        for account in accounts
    ]
    totals = {
        "items": sum(account.items for account in accounts),
        "owed": money(sum(account.owed for account in accounts)),
        "paid_out": money(sum(account.paid_out for account in accounts)),
        "balance": money(sum(account.balance for account in accounts)),
    }
    context = {
        "form": form,
        "period": period,
        "rows": rows,
        "totals": totals,
        "can_add_payout": request.user.has_perm(ADD_PAYOUT),
        "add_payout_url": reverse(f"{PAYOUT_URLS}:add"),
        "payouts_url": reverse(f"{PAYOUT_URLS}:list"),
    }
    return TemplateResponse(request, "shop/admin/earnings_index.html", context, status=status)


def _statement_context(request, artisan_id):
    require(request.user, VIEW_EARNINGS)
    # Any translation's address shows the one account, under the first language's page.
    artisan = earnings.account_holder(get_object_or_404(relations.artisan_model(), pk=artisan_id))
    form, period, status = read_period(request)
    currency = shop_settings_for(request).currency
    return (
        {
            "form": form,
            "artisan": artisan,
            "statement": earnings.statement(artisan, currency, period),
            "money": money_formatter(currency),
            "query": urlencode({"start": period.start.isoformat(), "end": period.end.isoformat()}),
        },
        status,
    )


def _statement_rows(statement, money):
    """The statement's amounts written for readers (templates do not format money)."""
    return {
        "brought_forward": money(statement.brought_forward),
        "owed": money(statement.owed),
        "paid_out": money(statement.paid_out),
        "balance": money(statement.balance),
        "sales": [
            {
                "date": timezone.localtime(sale.paid_at).date(),
                "reference": sale.reference,
                "product": sale.product,
                "quantity": sale.quantity,
                "artisan_price": money(sale.artisan_price),
                "refunded": money(sale.refunded) if sale.refunded else "",
                "owed": money(sale.owed),
            }
            for sale in statement.sales
        ],
        "payouts": [
            {
                "date": payout.paid_on,
                "method": payout.get_method_display(),
                "note": payout.note,
                "amount": money(payout.amount),
                "recorded_by": payout.recorded_by.get_full_name() if payout.recorded_by else "",
            }
            for payout in statement.payouts
        ],
    }


def earnings_statement(request, artisan_id):
    """One artisan's statement in the admin, with links to print it and record a payout."""
    context, status = _statement_context(request, artisan_id)
    context["rows"] = _statement_rows(context["statement"], context["money"])
    context["can_add_payout"] = request.user.has_perm(ADD_PAYOUT)
    context["add_payout_url"] = reverse(f"{PAYOUT_URLS}:add") + f"?artisan={context['artisan'].pk}"
    return TemplateResponse(request, "shop/admin/earnings_statement.html", context, status=status)


def earnings_statement_print(request, artisan_id):
    """The statement as a page of its own that prints cleanly, in the site's language (French).

    The artisan is named by the public display name: the statement goes to them, and no
    private details are stored here.
    """
    with translation.override(settings.LANGUAGE_CODE):
        context, status = _statement_context(request, artisan_id)
        context["rows"] = _statement_rows(
            context["statement"], money_formatter(context["statement"].currency)
        )
        site = Site.find_for_request(request)
        context["shop_name"] = site.site_name if site else settings.WAGTAIL_SITE_NAME
        context["printed_at"] = timezone.localtime()
        response = TemplateResponse(
            request, "shop/admin/earnings_statement_print.html", context, status=status
        )
        return response.render()


# Payouts -----------------------------------------------------------------------


class NoDeletePermissionPolicy(ModelPermissionPolicy):
    """Payouts are money records: nobody deletes one, not even a superuser."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(
            user, [action for action in actions if action != "delete"]
        )


register_permission_policy(ArtisanPayout, NoDeletePermissionPolicy(ArtisanPayout), exact_class=True)


class PayoutCreateView(CreateView):
    """Records who entered a payout, and the shop's currency at that moment."""

    def get_initial(self):
        initial = super().get_initial()
        artisan = id_from(self.request.GET.get("artisan"))
        if artisan is not None:
            initial["artisan"] = artisan
        return initial

    def save_instance(self):
        self.form.instance.currency = shop_settings_for(self.request).currency
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()


def str_amount(payout):
    return pricing.format_money(payout.amount, payout.currency, get_language())


class PayoutViewSet(SnippetViewSet):
    model = ArtisanPayout
    icon = "success"
    add_to_admin_menu = False
    add_view_class = PayoutCreateView
    list_display = [
        "artisan",
        "paid_on",
        Column("amount", label=gettext_lazy("Amount"), accessor=str_amount),
        "method",
        "recorded_by",
    ]
    list_filter = ["method", "paid_on"]
    search_fields = ["note"]
    ordering = ["-paid_on", "-pk"]
    inspect_view_enabled = True
