"""The catalogue's filters and sort orders, read from plain GET parameters.

Every choice lives in the address (`?category=mobilier&price_max=50000&sort=price_asc`), so a
filtered catalogue works without JavaScript and can be bookmarked, shared and indexed. A value
that makes no sense is reported beside its field and ignored; the other filters still apply.
Prices are typed in the currency's major units, as shoppers think (« 50 000 », « 12,50 »), and
compared with what the shopper pays, computed by `shop.pricing`.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import pricing

SORT_NEWEST = "newest"
SORT_PRICE_ASC = "price_asc"
SORT_PRICE_DESC = "price_desc"
SORT_ORDERS = {
    SORT_NEWEST: ["-first_published_at"],
    SORT_PRICE_ASC: ["{price}", "-first_published_at"],
    SORT_PRICE_DESC: ["-{price}", "-first_published_at"],
}
# Whole major units above 12 digits are a typing slip; refusing them keeps the comparison
# far inside 64-bit integers.
MAX_AMOUNT_DIGITS = 12
AMOUNT_PATTERN = re.compile(r"^(\d+)(?:[.,](\d+))?$")
WHITESPACE = re.compile(r"\s+")  # includes the no-break spaces French readers type


class AmountField(forms.CharField):
    """An amount typed in major units (« 50 000 », « 12,50 »), cleaned to minor units."""

    def __init__(self, *, currency="XOF", **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.set_currency(currency)

    def set_currency(self, currency):
        """Adapt the messages and the keyboard to the site's currency."""
        self.currency = currency
        exponent = pricing.currency_exponent(currency)
        symbol = pricing.currency_symbol(currency)
        example = "50000" if exponent == 0 else "12,50"
        self.widget.attrs.update(
            {"inputmode": "decimal" if exponent else "numeric", "autocomplete": "off"}
        )
        self.error_messages.update(
            {
                "invalid": _(
                    "Enter an amount in %(symbol)s with digits only, for example %(example)s."
                )
                % {"symbol": symbol, "example": example},
                "too_large": _("This amount is too large."),
                "decimals": (
                    _("Prices in %(symbol)s have no decimals: enter a whole number.")
                    if exponent == 0
                    else _("Prices in %(symbol)s have at most %(count)s decimals.")
                )
                % {"symbol": symbol, "count": exponent},
            }
        )

    def to_python(self, value):
        text = WHITESPACE.sub("", super().to_python(value))
        if not text:
            return None
        match = AMOUNT_PATTERN.match(text)
        if match is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        if len(match.group(1).lstrip("0")) > MAX_AMOUNT_DIGITS or len(text) > 40:
            raise ValidationError(self.error_messages["too_large"], code="too_large")
        try:
            return pricing.major_to_minor(Decimal(text.replace(",", ".")), self.currency)
        except ValueError as error:
            raise ValidationError(self.error_messages["decimals"], code="decimals") from error


class ProductFilterForm(forms.Form):
    """Category, workshop, artisan, price range, availability and sort order of the catalogue.

    The choices are objects loaded once by the caller, so validating a value costs no query
    and an unknown id (letters, negative, huge) is simply not among them.
    """

    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        error_messages={"invalid_choice": _("This category does not exist: all are shown.")},
    )
    workshop = forms.ChoiceField(
        label=_("Workshop"),
        required=False,
        error_messages={"invalid_choice": _("This workshop does not exist: all are shown.")},
    )
    artisan = forms.ChoiceField(
        label=_("Artisan"),
        required=False,
        error_messages={"invalid_choice": _("This artisan does not exist: all are shown.")},
    )
    price_min = AmountField(label=_("Minimum price"))
    price_max = AmountField(label=_("Maximum price"))
    available = forms.BooleanField(
        label=_("Available pieces only"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (SORT_NEWEST, _("Newest first")),
            (SORT_PRICE_ASC, _("Price, lowest first")),
            (SORT_PRICE_DESC, _("Price, highest first")),
        ],
        error_messages={"invalid_choice": _("Unknown order: newest pieces are shown first.")},
    )

    def __init__(self, data, *, categories, workshops, artisans, currency):
        super().__init__(data, auto_id="filter-%s", label_suffix="")
        self.currency = currency
        self.options = {
            "category": {category.slug: category for category in categories},
            "workshop": {str(workshop.pk): workshop for workshop in workshops},
            "artisan": {str(artisan.pk): artisan for artisan in artisans},
        }
        empty_labels = {
            "category": _("All categories"),
            "workshop": _("All workshops"),
            "artisan": _("All artisans"),
        }
        for name, options in self.options.items():
            self.fields[name].choices = [
                ("", empty_labels[name]),
                *((key, option_label(option)) for key, option in options.items()),
            ]
        symbol = pricing.currency_symbol(currency)
        for name, label in (
            ("price_min", _("Minimum price (%(symbol)s)")),
            ("price_max", _("Maximum price (%(symbol)s)")),
        ):
            self.fields[name].label = label % {"symbol": symbol}
            self.fields[name].set_currency(currency)

    def _clean_option(self, name):
        return self.options[name].get(self.cleaned_data[name])

    def clean_category(self):
        return self._clean_option("category")

    def clean_workshop(self):
        return self._clean_option("workshop")

    def clean_artisan(self):
        return self._clean_option("artisan")

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "price_max", _("The maximum price is below the minimum price: it is ignored.")
            )
        return cleaned

    def values(self):
        """The valid values by field name; invalid or missing ones are None (or False)."""
        self.is_valid()  # validates once; later calls reuse the result
        return {name: self.cleaned_data.get(name) for name in self.fields}

    def is_filtered(self):
        """Whether any filter (not the sort order) narrows the catalogue."""
        values = self.values()
        return any(values[name] not in (None, False) for name in self.fields if name != "sort")

    def apply(self, products, price_field):
        """Filter and order `products`; `price_field` is the annotated price shoppers pay.

        Sold pieces stay in the catalogue but come after the available ones in every order.
        """
        values = self.values()
        if values["category"]:
            products = products.filter(category_id=values["category"].pk)
        if values["workshop"]:
            products = products.filter(artisan__workshop_id=values["workshop"].pk)
        if values["artisan"]:
            products = products.filter(artisan_id=values["artisan"].pk)
        if values["price_min"] is not None:
            products = products.filter(**{f"{price_field}__gte": values["price_min"]})
        if values["price_max"] is not None:
            products = products.filter(**{f"{price_field}__lte": values["price_max"]})
        if values["available"]:
            products = products.filter(stock__gt=0)
        order = [
            field.format(price=price_field) for field in SORT_ORDERS[values["sort"] or SORT_NEWEST]
        ]
        sold_last = models.Case(
            models.When(stock=0, then=models.Value(1)),
            default=models.Value(0),
            output_field=models.IntegerField(),
        )
        return products.annotate(sold_last=sold_last).order_by("sold_last", *order, "-pk")

    def canonical_query(self):
        """The valid, non-default values in a fixed order: one address per listing."""
        values = self.values()
        query = {}
        if values["category"]:
            query["category"] = values["category"].slug
        for name in ("workshop", "artisan"):
            if values[name]:
                query[name] = values[name].pk
        for name in ("price_min", "price_max"):
            if values[name] is not None:
                query[name] = pricing.minor_to_major_text(values[name], self.currency)
        if values["available"]:
            query["available"] = 1
        if values["sort"] and values["sort"] != SORT_NEWEST:
            query["sort"] = values["sort"]
        return query


def option_label(option):
    """What a select shows for a category, workshop or artisan: its public name."""
    return getattr(option, "display_name", None) or getattr(option, "name", None) or str(option)
