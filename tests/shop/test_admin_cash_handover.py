"""A cash order handed over and paid in one step: the two steps' history, stock and earnings,
one e-mail that says delivered and paid."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from shop import earnings, lifecycle
from shop.models import OrderStatus

from .conftest import stock_of

pytestmark = pytest.mark.django_db


def act(client, order, action, note=""):
    return client.post(
        reverse("shop_order_action", args=[order.pk]), {"action": action, "note": note}
    )


def inspect(client, order):
    page = client.get(reverse("shop_order_modeladmin_inspect", args=[order.pk]))
    return BeautifulSoup(page.content, "html.parser")


def accounts(order):
    today = timezone.localdate()
    period = earnings.DateRange(date(today.year, 1, 1), today)
    return {
        account.artisan_id: (account.items, account.owed)
        for account in earnings.earnings(order.currency, period)
    }


def test_a_cash_order_awaiting_payment_offers_handed_over_and_paid(
    admin_client, make_order, product
):
    order = make_order([(product, 2)])
    buttons = inspect(admin_client, order).select("button[name=action]")
    labels = {button["value"]: button.get_text(" ", strip=True) for button in buttons}
    assert "Remise et payée" in labels["hand-over-paid"]


def test_one_step_gives_the_history_stock_earnings_and_mail_of_the_two(
    admin_client, make_order, product, django_capture_on_commit_callbacks
):
    two_steps = make_order([(product, 2)])
    one_step = make_order([(product, 2)])
    assert stock_of(product) == 1
    before = accounts(two_steps)
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, two_steps, "mark-paid", "Espèces reçues")
        act(admin_client, two_steps, "fulfil")
    owed_after_two_steps = accounts(two_steps)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = act(admin_client, one_step, "hand-over-paid", "Espèces reçues")

    assert response.status_code == 302
    one_step.refresh_from_db()
    two_steps.refresh_from_db()
    assert one_step.status == OrderStatus.FULFILLED
    assert one_step.paid_at is not None and one_step.fulfilled_at is not None
    history = [
        (change.from_status, change.to_status, change.changed_by.username)
        for change in one_step.status_changes.exclude(from_status="")
    ]
    assert history == [
        (OrderStatus.AWAITING_CASH, OrderStatus.PAID, "admin"),
        (OrderStatus.PAID, OrderStatus.FULFILLED, "admin"),
    ]
    assert [(change.from_status, change.to_status) for change in one_step.status_changes.all()] == [
        (change.from_status, change.to_status) for change in two_steps.status_changes.all()
    ]
    # The pieces stay sold, as after the two steps; the maker is owed the second sale too.
    assert stock_of(product) == 1
    after = accounts(one_step)
    maker = one_step.lines.get().artisan_id
    assert after[maker][0] - owed_after_two_steps[maker][0] == 2
    for artisan_id in set(after) | set(before):
        gained_by_one_step = [
            a - b for a, b in zip(after[artisan_id], owed_after_two_steps[artisan_id], strict=True)
        ]
        gained_by_two_steps = [
            a - b
            for a, b in zip(
                owed_after_two_steps[artisan_id], before.get(artisan_id, (0, 0)), strict=True
            )
        ]
        assert gained_by_one_step == gained_by_two_steps, artisan_id
    # One e-mail, with the receipt: handed over and paid; no « on its way » after it.
    [message] = mail.outbox
    assert message.to == ["awa@example.sn"]
    assert "remise et payée" in message.subject
    assert "vous a été remise" in message.body and "espèces" in message.body
    assert "en route" not in message.body
    assert [name for name, _content, _type in message.attachments][0].endswith(".pdf")


def test_marking_a_paid_cash_order_fulfilled_says_handed_over_not_on_its_way(
    admin_client, make_order, product, django_capture_on_commit_callbacks
):
    order = make_order([(product, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, order, "mark-paid")
    [receipt_mail] = mail.outbox
    assert "Paiement reçu" in receipt_mail.subject
    with django_capture_on_commit_callbacks(execute=True):
        act(admin_client, order, "fulfil")
    order.refresh_from_db()
    assert order.status == OrderStatus.FULFILLED
    [_receipt_mail, handed_over] = mail.outbox
    assert "remise" in handed_over.subject
    assert "vous a été remise" in handed_over.body and "en route" not in handed_over.body


def test_handed_over_and_paid_is_refused_once_the_order_is_paid(admin_client, make_order, product):
    order = lifecycle.mark_cash_paid(make_order([(product, 1)]), by=None, notify=False)
    response = act(admin_client, order, "hand-over-paid")
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID
    assert not order.status_changes.filter(to_status=OrderStatus.FULFILLED).exists()
    [message] = list(response.wsgi_request._messages)
    assert "ne peut pas passer à" in str(message) and "Payée" in str(message)


def test_the_lifecycle_never_jumps_from_awaiting_cash_to_fulfilled(make_order, product):
    order = make_order([(product, 1)])
    with pytest.raises(lifecycle.TransitionNotAllowed):
        lifecycle._change_status(lifecycle.lock(order), OrderStatus.FULFILLED)
