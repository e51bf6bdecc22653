"""The fields editors compose enquiry forms with: Wagtail's, and four of the shop's own.

- `partner_kind`: what kind of organisation writes (the partners' kinds, `impact.publication`);
- `money`: an amount typed in the shop's currency (« 150 000 »), kept in minor units
  (`shop.filters.AmountField`, `shop.pricing`);
- `maker`: a workshop or an artisan to ask, among the public names only: every workshop,
  and the live artisans whose consent lets their name be shown (an anonymous artisan is
  never offered, so never named); kept as « workshop:<id> » or « artisan:<page id> »;
- `pictures`: up to three reference pictures, checked by `enquiries.pictures`.

A honeypot field (`HONEYPOT`) is added to every form: hidden from people and from
screen readers, only robots fill it in.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from impact.publication import Partner
from shop.filters import AmountField
from stories.models import ArtisanPage, Workshop

from .pictures import ACCEPT, MAX_PICTURES, clean_pictures

PARTNER_KIND = "partner_kind"
MONEY = "money"
MAKER = "maker"
PICTURES = "pictures"
ENQUIRY_FIELD_CHOICES = (
    *FORM_FIELD_CHOICES,
    (PARTNER_KIND, _("Kind of organisation")),
    (MONEY, _("Amount in the shop's currency")),
    (MAKER, _("Workshop or artisan to ask")),
    (PICTURES, _("Reference pictures (up to 3)")),
)
HONEYPOT = "website_address"
WORKSHOP_PREFIX = "workshop:"
ARTISAN_PREFIX = "artisan:"


class MultiplePicturesInput(forms.FileInput):
    allow_multiple_selected = True


class PicturesField(forms.FileField):
    """Up to `MAX_PICTURES` pictures in one file input; cleaned to `CleanPicture`s."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget", MultiplePicturesInput(attrs={"accept": ACCEPT, "multiple": True})
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        uploads = [upload for upload in uploads if upload]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        checked = []
        for upload in uploads:
            checked.append(super().clean(upload))
        return clean_pictures(checked)


def maker_choices(locale):
    """(value, label) of the workshops and the publicly named artisans, grouped."""
    workshops = [(f"{WORKSHOP_PREFIX}{w.pk}", w.name) for w in Workshop.objects.order_by("name")]
    artisans = [
        (f"{ARTISAN_PREFIX}{pk}", title)
        for pk, title in ArtisanPage.objects.live()
        .public()
        .filter(locale=locale, is_anonymous=False)
        .order_by("title")
        .values_list("pk", "title")
    ]
    return [
        ("", _("No preference")),
        *([(_("Workshops"), workshops)] if workshops else []),
        *([(_("Artisans"), artisans)] if artisans else []),
    ]


def maker_label(value, locale=None):
    """The maker's public name today (consent may have changed since), or "" if gone."""
    kind, _separator, key = (value or "").partition(":")
    if not key.isdigit():
        return ""
    if f"{kind}:" == WORKSHOP_PREFIX:
        workshop = Workshop.objects.filter(pk=key).first()
        return workshop.name if workshop else ""
    if f"{kind}:" == ARTISAN_PREFIX:
        artisan = ArtisanPage.objects.live().public().filter(pk=key, is_anonymous=False).first()
        return artisan.title if artisan else ""
    return ""


class EnquiryForm(BaseForm):
    """A composed form, with its honeypot."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def visible_fields_without_honeypot(self):
        return [field for field in self if field.name != HONEYPOT]

    @property
    def honeypot(self):
        return self[HONEYPOT]

    @property
    def has_pictures(self):
        return any(isinstance(field, PicturesField) for field in self.fields.values())


class EnquiryFormBuilder(FormBuilder):
    """Wagtail's form builder, with the shop's field types (see the module docstring)."""

    def __init__(self, fields, *, locale=None, currency="XOF"):
        super().__init__(fields)
        self.locale = locale
        self.currency = currency

    def create_partner_kind_field(self, field, options):
        options["choices"] = [("", "---------"), *Partner.Kind.choices]
        return forms.ChoiceField(**options)

    def create_money_field(self, field, options):
        options.pop("initial", None)
        return AmountField(currency=self.currency, **options)

    def create_maker_field(self, field, options):
        options.pop("initial", None)
        options["choices"] = maker_choices(self.locale)
        return forms.ChoiceField(**options)

    def create_pictures_field(self, field, options):
        options.pop("initial", None)
        options["help_text"] = options.get("help_text") or _(
            "Up to %(count)s JPEG, PNG or WebP pictures, 5 MB each."
        ) % {"count": MAX_PICTURES}
        return PicturesField(**options)

    def get_form_class(self):
        return type("EnquiryForm", (EnquiryForm,), self.formfields)
