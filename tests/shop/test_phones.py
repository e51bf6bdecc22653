"""Phone numbers: Senegalese ones however written become +221..., foreign ones are kept."""

import pytest

from shop import phones
from shop.forms import CheckoutForm
from shop.models import PaymentMethod

from .conftest import CUSTOMER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    ["77 123 45 67", "771234567", "+221 77 123 45 67", "00221 77 123 45 67", "+221-77.123.45.67"],
)
def test_a_senegalese_mobile_however_written_becomes_international(typed):
    assert phones.normalise(typed) == "+221771234567"


def test_a_senegalese_fixed_line_is_accepted():
    assert phones.normalise("33 821 00 00") == "+221338210000"


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("+33 6 12 34 56 78", "+33612345678"), ("0044 20 7946 0958", "+442079460958")],
)
def test_foreign_numbers_with_their_country_code_are_kept(typed, kept):
    assert phones.normalise(typed) == kept


@pytest.mark.parametrize(
    "typed",
    ["+221 77 123 45", "+221 87 123 45 67", "06 12 34 56 78", "+0 123 456 789", "+1 2", "abc"],
)
def test_numbers_that_cannot_be_dialled_are_refused(typed):
    with pytest.raises(ValueError):
        phones.normalise(typed)


def test_the_checkout_form_stores_the_normalised_number():
    # Pickup: this form is given no delivery zones, so it would refuse any delivery.
    data = {**CUSTOMER, "phone": "77 123 45 67", "payment_method": "cash", "fulfilment": "pickup"}
    form = CheckoutForm(data, methods=[PaymentMethod.CASH])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "+221771234567"


def test_the_checkout_form_explains_a_short_senegalese_number():
    data = {**CUSTOMER, "phone": "+221 77 12", "payment_method": "cash"}
    form = CheckoutForm(data, methods=[PaymentMethod.CASH])
    assert not form.is_valid()
    assert "9" in form.errors["phone"][0]
