"""Forms that validate what shoppers send before anything changes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import MAX_QUANTITY_PER_LINE, ProductPage


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
        return product

    def clean_story(self):
        # Attribution is a nicety: an unknown story is dropped, never an error for the shopper.
        return self.cleaned_data.get("story")

    def clean(self):
        cleaned = super().clean()
        product, quantity = cleaned.get("product"), cleaned.get("quantity")
        if not (product and quantity):
            return cleaned
        already = self.cart.quantities().get(product.pk, 0) if self.adding else 0
        cleaned["new_quantity"] = already + quantity
        if cleaned["new_quantity"] > product.orderable_quantity:
            message = ngettext(
                "Only %(count)d piece of « %(title)s » is available.",
                "Only %(count)d pieces of « %(title)s » are available.",
                product.orderable_quantity,
            ) % {"count": product.orderable_quantity, "title": product.title}
            raise forms.ValidationError(message)
        return cleaned
