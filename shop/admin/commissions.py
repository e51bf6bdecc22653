"""A commission request becomes an order: the shop manager's form, prefilled from the request.

`/admin/shop/made-to-order/new/?submission=<pk>` reads the commission form page's
submission (`shop.commissions.request_initial`); the manager completes it (artisan,
what will be made, the artisan's price, the lead time, the buyer, how they pay) and
`shop.commissions.place_commission_order` creates the order.
"""

import uuid

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import commissions, delivery, emails, payments, relations
from ..addresses import absolute_url
from ..checkout import CartNotReady, Customer, open_payment_page
from ..forms import CheckoutForm
from ..models import ShopSettings
from ..models.products import LARGEST_INTEGER, LONGEST_LEAD_TIME_DAYS
from ..views.orders import order_url
from .orders import CHANGE_ORDERS


class CommissionOrderForm(CheckoutForm):
    """The buyer's part is the checkout's own form; the commission's part comes first."""

    submission = forms.IntegerField(widget=forms.HiddenInput, required=False)
    artisan = forms.ModelChoiceField(
        label=gettext_lazy("Artisan"),
        queryset=None,
        help_text=gettext_lazy("Who makes the piece and receives the artisan's price."),
    )
    description = forms.CharField(
        label=gettext_lazy("What will be made"),
        max_length=255,
        help_text=gettext_lazy(
            "As the buyer reads it on their order, e.g. « Table basse, 80 cm »."
        ),
    )
    artisan_price = forms.IntegerField(
        label=gettext_lazy("Artisan's price"),
        validators=[MinValueValidator(1), MaxValueValidator(LARGEST_INTEGER)],
        help_text=gettext_lazy(
            "What the artisan receives, in the currency's smallest unit; the shop's markup is "
            "added on top."
        ),
    )
    lead_time_days = forms.IntegerField(
        label=gettext_lazy("Lead time (days)"),
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_LEAD_TIME_DAYS)],
    )
    language = forms.ChoiceField(label=gettext_lazy("Buyer's language"), choices=settings.LANGUAGES)
    key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = ["submission", "artisan", "description", "artisan_price", "lead_time_days"]

    def __init__(self, *args, artisans, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["cart_signature"]
        self.fields["artisan"].queryset = artisans
        self.fields["note"].label = _("The buyer's request (kept on the order)")


def artisans_to_choose():
    """Artisan pages in the first language: the holders of every artisan's account."""
    return (
        relations.artisan_model()
        .objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("title")
    )


def commission_order_new(request):
    """Create a made-to-order order for a commission, prefilled from `?submission=<pk>`."""
    if not request.user.has_perm(CHANGE_ORDERS):
        raise PermissionDenied
    shop_settings = ShopSettings.for_request(request)
    artisans = artisans_to_choose()
    make_form = _form_maker(shop_settings, artisans)
    submission = None
    if request.method == "POST":
        form = make_form(request.POST)
        if form.is_valid():
            response = _place(request, form, shop_settings)
            if response is not None:
                return response
        return _render(request, form, commissions.submission_of(form.data.get("submission")), 400)
    asked = "submission" in request.GET
    if asked:
        submission = commissions.submission_of(request.GET["submission"])
    initial = {"key": uuid.uuid4(), "language": settings.LANGUAGE_CODE}
    if submission is not None:
        initial.update(
            commissions.request_initial(submission, list(artisans), shop_settings.markup_rate)
        )
    form = make_form(initial=initial)
    return _render(request, form, submission, unknown_submission=asked and submission is None)


def _form_maker(shop_settings, artisans):
    def make(*args, **kwargs):
        return CommissionOrderForm(
            *args,
            methods=payments.offered_methods(shop_settings),
            zones=delivery.zones_of(shop_settings),
            pickup_points=delivery.pickup_points_of(shop_settings),
            artisans=artisans,
            **kwargs,
        )

    return make


def _render(request, form, submission, status=200, unknown_submission=False):
    submission_id = submission.pk if submission is not None else None
    context = {
        "form": form,
        "unknown_submission": unknown_submission,
        "submission": submission,
        "answers": submission.get_data() if submission is not None else {},
        "existing": commissions.order_for_submission(submission_id),
    }
    return TemplateResponse(request, "shop/admin/commission_order_new.html", context, status=status)


def _place(request, form, shop_settings):
    """The order from a valid form, then its page; None (errors on the form) when refused."""
    data = form.cleaned_data
    submission_id = data["submission"]
    if commissions.submission_of(submission_id) is None:
        submission_id = None
    existing = commissions.order_for_submission(submission_id)
    if existing is not None:
        form.add_error(
            None,
            _("Order %(reference)s was already made for this request.")
            % {"reference": existing.reference},
        )
        return None
    commission = commissions.Commission(
        artisan=data["artisan"],
        description=" ".join(data["description"].split()),
        artisan_price=data["artisan_price"],
        lead_time_days=data["lead_time_days"],
        submission_id=submission_id,
    )
    customer = Customer.from_form(data)
    try:
        order = commissions.place_commission_order(
            commission,
            customer,
            data["payment_method"],
            shop_settings,
            language=data["language"],
            by=request.user,
            submission_key=f"commission-{data['key']}",
        )
    except CartNotReady as refusal:
        for message in refusal.messages:
            form.add_error(None, message)
        return None
    if order.payment_provider and not order.payment_url:
        try:
            open_payment_page(order, absolute_url(order_url(order)))
        except payments.PaymentUnavailable:
            messages.warning(
                request,
                _(
                    "Order %(reference)s is made, but the payment page could not be opened: "
                    "cancel it and make it again, or choose cash."
                )
                % {"reference": order.reference},
            )
            return redirect("shop_order_modeladmin_inspect", order.pk)
        emails.send_on_commit(emails.commission_payment_link, order)
    messages.success(
        request,
        _("Order %(reference)s is made; the buyer has been told.") % {"reference": order.reference},
    )
    return redirect("shop_order_modeladmin_inspect", order.pk)
