"""Forms that validate what shoppers send before anything changes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import delivery, phones
from .models import (
    MAX_QUANTITY_PER_LINE,
    Fulfilment,
    Notification,
    PaymentMethod,
    ProductPage,
)


class CartLineForm(forms.Form):
    """A product and a quantity, checked against what is published and in stock."""

    product = forms.IntegerField(
        min_value=1,
        max_value=2**62,
        error_messages={
            "required": _("No product was given."),
            "invalid": _("This product does not exist."),
            "min_value": _("This product does not exist."),
            "max_value": _("This product does not exist."),
        },
    )
    quantity = forms.IntegerField(
        label=_("Quantity"),
        min_value=1,
        max_value=MAX_QUANTITY_PER_LINE,
        error_messages={
            "required": _("Please give a quantity."),
            "invalid": _("The quantity must be a whole number."),
            "min_value": _("The quantity must be at least 1."),
            "max_value": _("You can order at most %(limit_value)s of a piece at once."),
        },
    )
    story = forms.IntegerField(required=False, min_value=1, max_value=2**62)

    def __init__(self, *args, cart, adding, **kwargs):
        """`adding` adds the quantity to what the cart holds; otherwise it replaces it."""
        super().__init__(*args, **kwargs)
        self.cart = cart
        self.adding = adding

    def clean_product(self):
        product = (
            ProductPage.objects.live().public().filter(pk=self.cleaned_data["product"]).first()
        )
        if product is None:
            raise forms.ValidationError(_("This product does not exist or is no longer for sale."))
        if product.stock == 0:
            raise forms.ValidationError(
                _("Sorry, « %(title)s » has been sold.") % {"title": product.title}
            )
        # The cart keeps the piece under the translation holding its price and stock.
        self.cart_product_id = product.price_source().pk
        return product

    def clean_story(self):
        # Attribution is a nicety: an unknown story is dropped, never an error for the shopper.
        return self.cleaned_data.get("story")

    def clean(self):
        cleaned = super().clean()
        product, quantity = cleaned.get("product"), cleaned.get("quantity")
        if not (product and quantity):
            return cleaned
        if self.adding:
            self.cart.normalise()
        already = self.cart.quantities().get(self.cart_product_id, 0) if self.adding else 0
        cleaned["new_quantity"] = already + quantity
        if cleaned["new_quantity"] > product.orderable_quantity:
            message = ngettext(
                "Only %(count)d piece of « %(title)s » is available.",
                "Only %(count)d pieces of « %(title)s » are available.",
                product.orderable_quantity,
            ) % {"count": product.orderable_quantity, "title": product.title}
            raise forms.ValidationError(message)
        return cleaned


# Digits, spaces and the usual separators; at least 6 digits (local or international numbers).
PHONE_PATTERN = r"^\+?[0-9][0-9 ().\-]{4,28}[0-9]$"


class CheckoutForm(forms.Form):
    """Who buys, how the order reaches them, how they pay. Checked on the server."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Please give your name.")},
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("For the confirmation and receipt by e-mail. Without one, we write by SMS."),
        error_messages={
            "invalid": _("This e-mail address does not look right, e.g. nom@exemple.sn."),
        },
    )
    phone = forms.RegexField(
        label=_("Phone number"),
        regex=PHONE_PATTERN,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        help_text=_("To arrange delivery or pickup, and for the SMS about your order."),
        error_messages={
            "required": _(
                "Please give a phone number: we call or text you to arrange delivery or pickup."
            ),
            "invalid": _("This phone number does not look right, e.g. +221 77 123 45 67."),
        },
    )
    fulfilment = forms.ChoiceField(
        label=_("Delivery or pickup"),
        choices=Fulfilment.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose delivery or pickup."),
            "invalid_choice": _("Please choose delivery or pickup."),
        },
    )
    delivery_place = forms.CharField(
        label=_("City or region"),
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
        help_text=_("The delivery fee and time depend on it, e.g. Dakar, Thiès, Saint-Louis."),
    )
    delivery_address = forms.CharField(
        label=_("Delivery address"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        help_text=_("Street, district, city, and anything that helps the courier."),
    )
    pickup_point = forms.TypedChoiceField(
        label=_("Pickup point"),
        required=False,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Please choose one of our pickup points.")},
    )
    notify_by = forms.ChoiceField(
        label=_("Order updates"),
        required=False,
        choices=Notification.choices,
        initial=Notification.EMAIL,
        widget=forms.RadioSelect,
        help_text=_("SMS go to the phone number above."),
        error_messages={"invalid_choice": _("Please choose e-mail, SMS or both.")},
    )
    note = forms.CharField(
        label=_("Note for the shop (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    payment_method = forms.ChoiceField(
        label=_("Payment"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose how you will pay."),
            "invalid_choice": _("This payment method is not available."),
        },
    )
    cart_signature = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, methods, zones=(), pickup_points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["payment_method"].choices = [(method.value, method.label) for method in methods]
        if methods:  # the first method offered is preselected (mobile money where it is paid)
            self.fields["payment_method"].initial = methods[0]
        # One fulfilment block shows at a time (the chosen one): delivery until changed.
        self.fields["fulfilment"].initial = Fulfilment.DELIVERY
        self.zones = list(zones)
        self.pickup_points = list(pickup_points)
        self.fields["pickup_point"].choices = [
            (point.pk, " — ".join(point.details().splitlines())) for point in self.pickup_points
        ]
        if self.pickup_points:
            self.fields["pickup_point"].initial = self.pickup_points[0].pk

    def clean_phone(self):
        try:
            return phones.normalise(self.cleaned_data["phone"])
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from error

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_delivery_address(self):
        return self.cleaned_data["delivery_address"].strip()

    def clean_delivery_place(self):
        return " ".join(self.cleaned_data["delivery_place"].split())

    def clean_notify_by(self):
        return self.cleaned_data["notify_by"] or Notification.EMAIL

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and "email" not in self.errors:
            # Phone only: every word about the order goes by SMS.
            cleaned["notify_by"] = Notification.SMS
        if cleaned.get("fulfilment") != Fulfilment.DELIVERY:
            return cleaned
        if not cleaned.get("delivery_address"):
            self.add_error(
                "delivery_address", _("Please give the delivery address, or choose pickup.")
            )
            return cleaned
        if "delivery_place" not in cleaned:
            return cleaned
        place = cleaned["delivery_place"] or cleaned["delivery_address"]
        zone = delivery.zone_for(self.zones, place)
        cleaned["zone"] = zone
        if zone is None:
            self.add_error("delivery_place", delivery.no_zone_message(place))
        elif cleaned.get("payment_method") == PaymentMethod.CASH and not zone.cash_allowed:
            self.add_error("payment_method", delivery.cash_refused_message(zone))
        return cleaned


class SimilarPieceAlertForm(forms.Form):
    """« Prévenez-moi »: a sold piece, an e-mail or a phone, and the shopper's consent."""

    product = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=2**62,
        error_messages={
            "required": _("No piece was given."),
            "invalid": _("This piece does not exist."),
            "min_value": _("This piece does not exist."),
            "max_value": _("This piece does not exist."),
        },
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "invalid": _("This e-mail address does not look right, e.g. nom@exemple.sn."),
        },
    )
    phone = forms.RegexField(
        label=_("or phone number (SMS)"),
        regex=PHONE_PATTERN,
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        error_messages={
            "invalid": _("This phone number does not look right, e.g. +221 77 123 45 67."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to be told once, by this e-mail or phone, when a similar piece is on sale."
        ),
        error_messages={"required": _("Please tick the box: we write only if you agree.")},
    )

    def clean_product(self):
        product = (
            ProductPage.objects.live().public().filter(pk=self.cleaned_data["product"]).first()
        )
        if product is None:
            raise forms.ValidationError(_("This piece does not exist or is no longer shown."))
        if product.stock > 0:
            raise forms.ValidationError(
                _("« %(title)s » is on sale: you can buy it now.") % {"title": product.title}
            )
        return product

    def clean_phone(self):
        if not self.cleaned_data["phone"]:
            return ""
        try:
            return phones.normalise(self.cleaned_data["phone"])
        except ValueError as error:
            raise forms.ValidationError(str(error), code="invalid") from error

    def clean(self):
        cleaned = super().clean()
        if "email" in cleaned and "phone" in cleaned and not (cleaned["email"] or cleaned["phone"]):
            self.add_error("email", _("Please give an e-mail address or a phone number."))
        return cleaned
