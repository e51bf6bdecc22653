"""The impact page and the partners' pages. Partners and settings are in `impact.publication`."""

from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from shop.addresses import absolute_url
from shop.admin.export import csv_rows
from shop.page_lookups import CachedViewRestrictionsMixin
from shop.publication import PublicationCheckedPageForm, PublicationGuardMixin
from stories.models import StoryPage

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


STORIES_ON_PARTNER_PAGE = 6


class PartnerIndexPage(
    CachedViewRestrictionsMixin, PublicationGuardMixin, RoutablePageMixin, Page
):
    """The partners, and one page per partner at `<index>/<partner slug>/`.

    A partner's page says who they are, the workshops they run or fund with their figures
    (`ImpactReading.partner_figures`: only published workshop groups, never a small one),
    the stories of those workshops (live stories only: a withdrawn consent unpublishes
    the stories that named the person) and the way to the partnership enquiry form.
    Partners are snippets (`impact.publication.Partner`), written in both languages.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    enquiry_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("partnership enquiry form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every partner's page: « Become a partner »."),
    )

    base_form_class = PublicationCheckedPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("enquiry_page", page_type="enquiries.PartnershipEnquiryPage"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/partner_index_page.html"

    class Meta:
        verbose_name = _("partners index")

    def partner_url(self, partner):
        return self.url + self.reverse_subpage("partner", kwargs={"slug": partner.slug})

    def enquiry_url(self):
        """The enquiry form in the reader's language, if it is published."""
        if self.enquiry_page is None:
            return ""
        form_page = self.enquiry_page.localized
        return form_page.url if form_page.live else ""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["enquiry_url"] = self.enquiry_url()
        return context

    @path("")
    def index(self, request):
        partners = Partner.objects.select_related("logo")
        context = {
            "partners": [
                {"partner": partner, "url": self.partner_url(partner)} for partner in partners
            ]
        }
        return self.render(request, context_overrides=context)

    @path("<slug:slug>/", name="partner")
    def partner(self, request, slug):
        """One partner's page; an unknown slug is a 404."""
        partner = (
            Partner.objects.select_related("logo").prefetch_related("workshops").filter(slug=slug)
        ).first()
        if partner is None:
            raise Http404
        reading = ImpactReading(request)
        period = reading.period(ALL_TIME)
        workshops = list(partner.workshops.all())
        stories = (
            StoryPage.objects.live()
            .public()
            .filter(locale=self.locale, artisans__workshop__in=workshops)
            .select_related("hero_image")
            .prefetch_related("artisans")
            .distinct()
            .order_by("-date")[:STORIES_ON_PARTNER_PAGE]
            if workshops
            else []
        )
        context = {
            "partner": partner,
            "workshops": workshops,
            "figures": reading.partner_figures(partner, period),
            "period": period,
            "stories": list(stories),
            "canonical_url": absolute_url(self.partner_url(partner), request),
        }
        return self.render(
            request, template="pages/partner_page.html", context_overrides=context
        )


__all__ = ["ImpactPage", "ImpactSettings", "Partner", "PartnerIndexPage"]
