"""A commission request becomes a made-to-order order that pays and counts like any other."""

import uuid
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from home.models import HomePage
from shop import earnings, lifecycle, pricing, sales
from shop.models import Order, OrderStatus, PaymentMethod, ProductionStatus
from shop.relations import artisan_model

from .conftest import CHECKOUT_URL

NEW = "shop_commission_order_new"
DEADLINE_DAYS = 30
BUDGET = 110_000


@pytest.fixture
def manager_client(client, shop_manager):
    client.force_login(shop_manager)
    return client


@pytest.fixture
def artisan(db):
    return artisan_model().objects.get(slug="ibrahima-sarr", locale__language_code="fr")


@pytest.fixture
def submission(db):
    """A commission request as the commission form page stores it (clean names as keys)."""
    deadline = timezone.localdate() + timedelta(days=DEADLINE_DAYS)
    return FormSubmission.objects.create(
        page=HomePage.objects.get(locale__language_code="fr"),
        form_data={
            "what": "Table basse en vène",
            "size": "90 × 60 cm",
            "budget": str(BUDGET),
            "deadline": deadline.isoformat(),
            "maker": "Ibrahima  Sarr",
            "name": "Aminata Ba",
            "email": "aminata.ba@example.sn",
            "phone": "+221 77 555 12 34",
        },
    )


def text_of(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def order_form(maker, **changes):
    return {
        "artisan": maker.pk,
        "description": "Table basse en vène, 90 × 60 cm",
        "artisan_price": 90_000,
        "lead_time_days": 25,
        "language": "fr",
        "name": "Aminata Ba",
        "email": "aminata.ba@example.sn",
        "phone": "+221 77 555 12 34",
        "fulfilment": "pickup",
        "notify_by": "email",
        "payment_method": "cash",
        "key": str(uuid.uuid4()),
        **changes,
    }


def test_the_form_is_prefilled_from_the_commission_request(
    manager_client, submission, artisan, shop_settings
):
    response = manager_client.get(reverse(NEW), {"submission": submission.pk})
    assert response.status_code == 200
    form = response.context["form"]
    price = form["artisan_price"].value()
    assert form["description"].value() == "Table basse en vène (90 × 60 cm)"
    assert form["artisan"].value() == artisan.pk
    assert form["lead_time_days"].value() == DEADLINE_DAYS
    assert (form["name"].value(), form["email"].value()) == ("Aminata Ba", "aminata.ba@example.sn")
    assert form["phone"].value() == "+221 77 555 12 34"
    # The artisan's price that keeps what the buyer pays within their budget.
    assert pricing.unit_price(price, shop_settings.markup_rate) <= BUDGET
    assert pricing.unit_price(price + 1, shop_settings.markup_rate) > BUDGET
    assert "Table basse en vène" in response.content.decode()


def test_the_artisan_chosen_on_the_commission_form_is_the_one_prefilled(
    manager_client, submission, artisan
):
    # The form stores its choice as `artisan:<page id>`, of the page in the form's language.
    english = artisan.get_translation(Locale.objects.get(language_code="en"))
    submission.form_data = {**submission.form_data, "maker": f"artisan:{english.pk}"}
    submission.save()
    response = manager_client.get(reverse(NEW), {"submission": submission.pk})
    assert response.context["form"]["artisan"].value() == artisan.pk


def test_an_unknown_or_malformed_submission_says_so_and_leaves_the_form_blank(manager_client):
    for value in ("999999", "not-a-number"):
        response = manager_client.get(reverse(NEW), {"submission": value})
        assert response.status_code == 200
        assert "Cette demande de commande sur mesure n'existe pas." in text_of(response)
        assert response.context["form"]["description"].value() is None


@pytest.mark.parametrize("budget", [0, 1, 10, 109, 110, 999_999, 123_457])
def test_the_suggested_price_is_the_largest_within_the_budget(budget):
    price = pricing.artisan_price_within(budget, "10")
    assert pricing.unit_price(price, "10") <= budget
    assert pricing.unit_price(price + 1, "10") > budget


def test_a_commission_in_cash_becomes_an_order_that_pays_and_counts(
    manager_client,
    submission,
    artisan,
    shop_settings,
    shop_manager,
    new_orders,
    django_capture_on_commit_callbacks,
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(reverse(NEW), order_form(artisan, submission=submission.pk))
    order = new_orders.get()
    assert response.status_code == 302
    assert response.url == reverse("shop_order_modeladmin_inspect", args=[order.pk])
    line = order.lines.get()
    unit = pricing.unit_price(90_000, shop_settings.markup_rate)
    assert (order.status, order.total, order.artisan_total) == (
        OrderStatus.AWAITING_CASH,
        unit,
        90_000,
    )
    assert order.markup_total == unit - 90_000
    assert order.commission_submission_id == submission.pk
    assert (line.artisan_id, line.product_id, line.commissioned) == (artisan.pk, None, True)
    assert line.production_status == ProductionStatus.ACCEPTED
    assert line.ready_by == timezone.localdate() + timedelta(days=25)
    confirmation = [message for message in mail.outbox if order.email in message.to]
    assert confirmation and "Table basse en vène, 90 × 60 cm" in confirmation[0].body

    lifecycle.mark_cash_paid(order, by=shop_manager)
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert sales.counted_lines(order.currency).filter(order=order).count() == 1
    period = earnings.DateRange(timezone.localdate(), timezone.localdate())
    report = earnings.statement(artisan, order.currency, period)
    assert sum(sale.owed for sale in report.sales if sale.reference == order.reference) == 90_000
    lifecycle.mark_fulfilled(order, by=shop_manager)  # the usual lifecycle to the end
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED


def test_the_same_form_sent_twice_or_a_second_order_for_a_request_makes_one_order(
    manager_client, submission, artisan, new_orders
):
    data = order_form(artisan, submission=submission.pk)
    manager_client.post(reverse(NEW), data)
    manager_client.post(reverse(NEW), data)
    assert new_orders.count() == 1
    again = manager_client.post(reverse(NEW), {**data, "key": str(uuid.uuid4())})
    assert again.status_code == 400
    assert "a déjà été créée pour cette demande" in text_of(again)
    assert new_orders.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"artisan_price": "0"}, "artisan_price", "supérieure ou égale à 1"),
        ({"lead_time_days": "-3"}, "lead_time_days", "supérieure ou égale à 1"),
        ({"artisan": "999999"}, "artisan", ""),
        ({"payment_method": "bitcoin"}, "payment_method", "n'est pas disponible"),
    ],
)
def test_a_bad_post_gets_a_clear_400_and_makes_no_order(
    manager_client, artisan, new_orders, changes, field, message
):
    response = manager_client.post(reverse(NEW), order_form(artisan, **changes))
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    assert message in text_of(response)
    assert not new_orders.exists()


def test_only_shop_managers_make_commission_orders(client, communications_staff, artisan):
    client.force_login(communications_staff)
    response = client.post(reverse(NEW), order_form(artisan))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not Order.objects.filter(email="aminata.ba@example.sn").exists()


def test_a_commission_paid_by_card_gets_a_payment_link_then_pays_and_counts(
    manager_client, artisan, fake_stripe, new_orders, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            reverse(NEW), order_form(artisan, payment_method=PaymentMethod.CARD)
        )
    assert response.status_code == 302
    order = new_orders.get()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.payment_url.startswith(CHECKOUT_URL)
    (link,) = [message for message in mail.outbox if order.email in message.to]
    assert f"?key={order.access_key()}" in link.body
    lifecycle.confirm_payment(
        order, amount=order.total, currency=order.currency, transaction_id="pi_commission"
    )
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert sales.counted_lines(order.currency).filter(order=order).count() == 1
    # Nothing was taken from stock, so nothing was « reserved again » on payment.
    assert not order.status_changes.filter(note__icontains="réserv").exists()
