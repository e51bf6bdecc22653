"""Checkout, phone first: the e-mail is optional, one contact is needed, a method is chosen."""

import re

from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse

from shop import lifecycle
from shop.cart import SESSION_KEY
from shop.models import Notification, OrderStatus

from .conftest import CUSTOMER, stock_of

PHONE_ONLY = {**CUSTOMER, "email": "", "payment_method": "cash", "notify_by": "email"}


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def add(client, product):
    assert (
        client.post(reverse("shop:cart_add"), {"product": product.pk, "quantity": 1}).status_code
        == 302
    )


def submit(client, **changes):
    signature = client.get(reverse("shop:checkout")).context["form"]["cart_signature"].value()
    return client.post(
        reverse("shop:checkout"), {**PHONE_ONLY, "cart_signature": signature, **changes}
    )


def link_in(text):
    return re.search(r"https?://\S+/orders/\S+\?key=\w+", text).group(0)


def test_the_form_preselects_the_first_method_and_delivery_and_asks_no_e_mail(client, product):
    add(client, product)
    html = soup(client.get(reverse("shop:checkout")))
    methods = html.select("input[name=payment_method]")
    assert methods[0].has_attr("checked")
    assert [radio["value"] for radio in methods if radio.has_attr("checked")] == [
        methods[0]["value"]
    ]
    assert html.select_one("input[name=fulfilment][value=delivery]").has_attr("checked")
    email = html.select_one("input[name=email]")
    assert not email.has_attr("required")
    assert "facultative" in html.select_one(f"label[for={email['id']}]").get_text()
    # One block per choice, so that only the chosen one shows.
    assert html.select_one(".fulfilment-block--delivery [name=delivery_address]")
    assert html.select_one(".fulfilment-block--pickup [name=pickup_point]")


def test_the_first_online_method_is_preselected_when_offered(client, product, fake_stripe):
    add(client, product)
    html = soup(client.get(reverse("shop:checkout")))
    checked = html.select("input[name=payment_method][checked]")
    assert [radio["value"] for radio in checked] == [
        html.select("input[name=payment_method]")[0]["value"]
    ]
    assert len(html.select("input[name=payment_method]")) > 1


def test_without_phone_nor_e_mail_the_phone_field_says_what_is_missing(client, product, new_orders):
    add(client, product)
    before = stock_of(product)
    response = submit(client, phone="", email="")
    assert response.status_code == 400
    (error,) = response.context["form"].errors["phone"]
    assert "numéro de téléphone" in error
    assert soup(response).select_one("[name=phone][aria-invalid=true]")
    assert not new_orders.exists() and stock_of(product) == before
    assert client.session[SESSION_KEY]


def test_a_phone_only_order_is_placed_and_told_by_sms_with_its_page_link(
    client, product, new_orders, sms_outbox, django_capture_on_commit_callbacks, shop_manager
):
    add(client, product)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client)
    assert response.status_code == 302
    order = new_orders.get()
    assert order.email == "" and order.status == OrderStatus.AWAITING_CASH
    assert order.notify_by == Notification.SMS  # the shopper gave no e-mail to write to
    (text,) = sms_outbox
    assert text.to == "+221771234567" and order.reference in text.text
    # Only the shop managers get an e-mail; nothing is sent to an empty address.
    assert all(message.to and "" not in message.to for message in mail.outbox)
    (notice,) = mail.outbox
    assert shop_manager.email in notice.to and order.reference in notice.subject
    # The SMS link opens the order page in another browser (no session), and shows no e-mail row.
    page = Client().get(link_in(text.text))
    assert page.status_code == 200
    assert "Adresse e-mail" not in soup(page).select_one("main").get_text()


def test_a_phone_only_shopper_gets_the_payment_by_sms_and_opens_the_receipt(
    client, product, new_orders, sms_outbox, django_capture_on_commit_callbacks, shop_manager
):
    add(client, product)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    order = new_orders.get()
    sms_outbox.clear()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.mark_cash_paid(order, by=shop_manager)
    (text,) = sms_outbox
    assert order.reference in text.text
    assert not mail.outbox
    key = link_in(text.text).rsplit("key=", 1)[1]
    receipt = Client().get(reverse("shop:receipt_detail", args=[order.reference]), {"key": key})
    assert receipt.status_code == 200


def test_an_e_mail_given_keeps_the_shoppers_choice_of_channel(
    client, product, new_orders, django_capture_on_commit_callbacks
):
    add(client, product)
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, email="awa@example.sn", notify_by="email")
    order = new_orders.get()
    assert order.notify_by == Notification.EMAIL
    assert [message for message in mail.outbox if message.to == ["awa@example.sn"]]


def test_pickup_chosen_leaves_the_hidden_delivery_fields_unrequired(client, product, new_orders):
    add(client, product)
    response = submit(client, fulfilment="pickup", delivery_address="", delivery_place="")
    assert response.status_code == 302
    assert new_orders.get().delivery_address == ""
