"""The impact page. Its partners and settings are in `impact.publication`."""

from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from shop.admin.export import csv_rows
from shop.page_lookups import CachedViewRestrictionsMixin
from shop.publication import PublicationCheckedPageForm, PublicationGuardMixin

from .blocks import ImpactStreamBlock
from .publication import ImpactSettings, Partner
from .reading import (
    ALL_TIME,
    ImpactReading,
    PeriodForm,
    monthly_rows,
    today_stamp,
    workshop_rows,
)


class ImpactPage(CachedViewRestrictionsMixin, PublicationGuardMixin, RoutablePageMixin, Page):
    """What the shop does for the people who make its goods, in live figures and words.

    Figures come from paid orders (`impact.figures`); readers pick a period with a plain
    GET form and download the monthly and per-workshop figures as CSV.
    """

    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(
        ImpactStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_(
            "Add figure and chart blocks: they show live figures from paid orders. "
            "Add a method note so readers know what is counted."
        ),
    )

    base_form_class = PublicationCheckedPageForm
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "pages/impact_page.html"

    class Meta:
        verbose_name = _("impact page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        reading = ImpactReading(request)
        context["impact"] = reading
        context["monthly_csv_url"] = self.url + self.reverse_subpage("monthly_csv")
        context["workshops_csv_url"] = self.url + self.reverse_subpage("workshops_csv")
        return context

    @path("")
    def index(self, request):
        """The page; a period that makes no sense is answered with a 400 and the reason."""
        response = self.render(request)
        if request.GET and PeriodForm(request.GET).errors:
            response.status_code = 400
        return response

    def csv_response(self, request, rows_for, name):
        reading = ImpactReading(request)
        if reading.errors:
            return HttpResponse(
                "\n".join(str(error) for error in reading.errors),
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        months = reading.period(ALL_TIME).months
        response = HttpResponse(
            "".join(csv_rows(rows_for(reading, months))), content_type="text/csv; charset=utf-8"
        )
        filename = f"{name}-{today_stamp()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    @path("csv/monthly/", name="monthly_csv")
    def monthly_csv(self, request):
        """The monthly figures of the chosen period (all months by default), as CSV."""
        return self.csv_response(request, monthly_rows, "impact-monthly")

    @path("csv/workshops/", name="workshops_csv")
    def workshops_csv(self, request):
        """The per-workshop figures, small workshops merged as on the page, as CSV."""
        return self.csv_response(request, workshop_rows, "impact-workshops")


__all__ = ["ImpactPage", "ImpactSettings", "Partner"]
