"""The enquiry form pages: a partnership enquiry and a commission request.

Editors compose each form from fields (`enquiries.fields`); a submission is stored
(Wagtail's `FormSubmission`, listed and exported as CSV in the admin's « Forms »),
e-mailed to the members of the staff group chosen on the page (and to the page's
optional addresses), acknowledged to the sender in the page's language, and answered
with the page's thank-you text. A commission request's reference pictures are stored
privately (`ReferencePicture`).

Spam: a post with the honeypot filled in is refused (400) before anything is stored,
and posts per client address are limited (`post_rate_limit`, counted by the site's
`before_serve_page` hook in `config.wagtail_hooks`, like the shop's posts).
The page cache never stores these pages: their app is not among the cached ones
(`config.pagecache.page_models`).
"""

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.search import index

from impact.publication import Partner
from shop import pricing
from shop.models import ShopSettings
from shop.page_lookups import CachedViewRestrictionsMixin
from shop.publication import PublicationCheckMixin, PublicationGuardMixin
from stories.storage import private_storage

from . import emails
from .fields import (
    ENQUIRY_FIELD_CHOICES,
    HONEYPOT,
    MAKER,
    MONEY,
    PARTNER_KIND,
    PICTURES,
    EnquiryFormBuilder,
    maker_label,
)

RATE_LIMIT_SCOPE = "enquiries"


class EnquiryPageForm(PublicationCheckMixin, WagtailAdminFormPageForm):
    """The editor of enquiry pages: Wagtail's form-page checks and the publication policy."""


class EnquiryFormField(AbstractFormField):
    """One field of an enquiry form, as the editor composed it (abstract: one per page type)."""

    clean_name = models.CharField(
        _("name in submissions"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "The name answers are kept and exported under, e.g. « budget ». Left empty, it "
            "is made from the label. Do not change it once submissions exist."
        ),
    )
    field_type = models.CharField(
        verbose_name=_("field type"), max_length=16, choices=ENQUIRY_FIELD_CHOICES
    )
    field_type.required_on_save = True

    panels = [
        FieldPanel("label"),
        FieldPanel("clean_name"),
        *AbstractFormField.panels[1:],
    ]

    class Meta(AbstractFormField.Meta):
        abstract = True


class EnquiryFormPage(CachedViewRestrictionsMixin, PublicationGuardMixin, AbstractEmailForm):
    """What both enquiry pages share: texts, recipients, spam guards, e-mails (abstract)."""

    intro = models.TextField(
        _("introduction"),
        max_length=800,
        blank=True,
        help_text=_("A few sentences above the form: who answers, and how soon."),
    )
    thank_you_text = models.TextField(
        _("thank-you text"),
        max_length=800,
        help_text=_("Shown once the form is sent, and repeated in the sender's acknowledgement."),
    )
    recipients_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("staff group to tell"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Every active member of this group with an e-mail address gets each message."),
    )

    base_form_class = EnquiryPageForm
    post_rate_limit = RATE_LIMIT_SCOPE
    landing_page_template = "pages/enquiry_form_page_landing.html"
    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("recipients_group"),
                FieldPanel("to_address"),
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("subject")]),
            ],
            heading=_("Who is told"),
        ),
    ]
    search_fields = [*AbstractEmailForm.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        abstract = True

    # The form ------------------------------------------------------------------------

    @cached_property
    def currency(self):
        site = self.get_site()
        return (ShopSettings.for_site(site) if site else ShopSettings()).currency

    def get_form_class(self):
        builder = EnquiryFormBuilder(
            self.get_form_fields(), locale=self.locale, currency=self.currency
        )
        return builder.get_form_class()

    @cached_property
    def composed_fields(self):
        """The form's fields, read once per page object (a listing asks for every cell)."""
        return list(self.get_form_fields())

    def fields_by_type(self, field_type):
        return [field for field in self.composed_fields if field.field_type == field_type]

    def display_value(self, name, value):
        """A stored answer as staff read it (listing, CSV, e-mail)."""
        field = next((f for f in self.composed_fields if f.clean_name == name), None)
        if value in (None, "", []):
            return ""
        if field is None:
            return ", ".join(value) if isinstance(value, list) else value
        if field.field_type == MONEY:
            return pricing.format_money(int(value), self.currency)
        if field.field_type == MAKER:
            return maker_label(value) or _("(no longer shown)")
        if field.field_type == PARTNER_KIND:
            return dict(self.partner_kinds()).get(value, value)
        if field.field_type == PICTURES:
            return " ".join(emails.absolute(path) for path in value)
        if isinstance(value, list):
            return ", ".join(value)
        return value

    @staticmethod
    def partner_kinds():
        return Partner.Kind.choices

    # Serving --------------------------------------------------------------------------

    def serve(self, request, *args, **kwargs):
        """The form; a post is refused with a 400 when its honeypot is filled in."""
        if request.method == "POST":
            if request.POST.get(HONEYPOT):
                form = self.get_form(page=self, user=request.user)
                return self.render_form(request, form, refused=True, status=400)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            return self.render_form(request, form, status=400)
        return self.render_form(request, self.get_form(page=self, user=request.user))

    def render_form(self, request, form, refused=False, status=200):
        context = self.get_context(request)
        context.update({"form": form, "refused": refused})
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def process_form_submission(self, form):
        """Store the answers (pictures apart, privately), then tell staff and the sender."""
        answers = {
            name: value
            for name, value in form.cleaned_data.items()
            if name != HONEYPOT and name not in self.picture_field_names()
        }
        with transaction.atomic():
            submission = FormSubmission.objects.create(form_data=answers, page=self)
            for name in self.picture_field_names():
                pictures = form.cleaned_data.get(name) or []
                submission.form_data[name] = [
                    ReferencePicture.store(submission, picture).admin_url() for picture in pictures
                ]
            if self.picture_field_names():
                submission.save(update_fields=["form_data"])
            emails.tell_staff(self, submission)
            emails.acknowledge(self, submission)
        return submission

    def picture_field_names(self):
        return [field.clean_name for field in self.fields_by_type(PICTURES)]

    def staff_addresses(self):
        """The group's active members with an address, and the page's own addresses."""
        addresses = set()
        if self.recipients_group_id:
            addresses.update(
                self.recipients_group.user_set.filter(is_active=True, email__gt="").values_list(
                    "email", flat=True
                )
            )
        addresses.update(a.strip() for a in self.to_address.split(",") if a.strip())
        return sorted(addresses)

    def get_submissions_list_view_class(self):
        # Wagtail's admin views load only once every model is: imported when first listed.
        from .submissions import EnquirySubmissionsListView  # noqa: PLC0415

        return EnquirySubmissionsListView

    def made_to_order_url(self, submission):
        """Where staff turn this submission into an order; None: not a commission."""
        return None


class PartnershipEnquiryPage(EnquiryFormPage):
    """A form for organisations that want to work with the shop: a prison administration,
    an NGO, a funder or a company. Linked from the partner pages and the About page."""

    # Both enquiry pages look alike; Wagtail needs the template named on each page type.
    template = "pages/enquiry_form_page.html"

    class Meta:
        verbose_name = _("partnership enquiry page")


class PartnershipEnquiryField(EnquiryFormField):
    page = ParentalKey(
        PartnershipEnquiryPage, on_delete=models.CASCADE, related_name="form_fields"
    )


class CommissionRequestPage(EnquiryFormPage):
    """A form to ask a workshop or an artisan for a piece made to measure.

    Shop managers turn an accepted request into a made-to-order order: each submission in
    the admin's listing links to `made_to_order_url` (the shop's « Créer une commande sur
    mesure » view). The answers keep these names for that view: `what`, `size`, `budget`
    (minor units), `deadline`, `maker` (« workshop:<id> » or « artisan:<page id> »),
    `name`, `email`, `phone`, and `pictures` (the staff-only addresses of the pictures).
    """

    template = "pages/enquiry_form_page.html"

    class Meta:
        verbose_name = _("commission request page")

    def made_to_order_url(self, submission):
        return made_to_order_url(submission)


class CommissionRequestField(EnquiryFormField):
    page = ParentalKey(CommissionRequestPage, on_delete=models.CASCADE, related_name="form_fields")


def made_to_order_url(submission):
    """The shop admin's « Nouvelle commande sur mesure », prefilled from this request."""
    return f"{reverse('shop_commission_order_new')}?submission={submission.pk}"


class ReferencePicture(models.Model):
    """A picture sent with a commission request, without its EXIF, in the private storage."""

    submission = models.ForeignKey(
        FormSubmission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="reference_pictures",
    )
    file = models.FileField(_("file"), upload_to="enquiries", storage=private_storage)
    content_type = models.CharField(_("type"), max_length=20)
    original_name = models.CharField(_("name as sent"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reference picture")
        verbose_name_plural = _("reference pictures")

    def __str__(self):
        return self.original_name or self.file.name

    @classmethod
    def store(cls, submission, picture):
        """Save a checked `enquiries.pictures.CleanPicture` for this submission."""
        return cls.objects.create(
            submission=submission,
            file=ContentFile(picture.data, name=picture.storage_name()),
            content_type=picture.content_type,
            original_name=picture.original_name,
        )

    def admin_url(self):
        return reverse("enquiries_reference_picture", args=[self.pk])
