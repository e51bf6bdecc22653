"""Only a buyer of a paid order writes a review, once per piece, from the link they were sent."""

import re
import time

import pytest
from django.core import mail, signing
from django.utils.crypto import salted_hmac

from shop import lifecycle
from tests.sales import place
from voices import links
from voices.links import make_token
from voices.models import ReviewStatus

from .conftest import (
    default_shop_settings,
    fulfilled_order,
    new_reviews,
    path_of,
    product_of,
    review_data,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^\s\"<]+/voices/review/[^\s\"<]+/")


def test_the_fulfilment_email_sends_one_review_link_per_piece(
    named_product, shop_manager, django_capture_on_commit_callbacks
):
    other = product_of("Awa Ndiaye")
    order = place(
        default_shop_settings(),
        [(named_product, 1), (other, 1)],
        pickup=True,
        email="deux@example.sn",
    )
    lifecycle.mark_cash_paid(order, by=shop_manager, notify=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.mark_fulfilled(order, by=shop_manager)
    message = next(m for m in mail.outbox if m.to == ["deux@example.sn"])
    text_links = set(LINK.findall(message.body))
    html_links = set(LINK.findall(message.alternatives[0][0]))
    assert len(text_links) == 2
    assert text_links == html_links
    assert named_product.title in message.body


def test_a_buyer_leaves_a_review_that_waits_for_moderation(client, line, link):
    form = client.get(link)
    assert form.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    response = client.post(link, review_data())
    assert response.status_code == 200
    assert "modérat" in response.content.decode()
    review = new_reviews().get()
    assert (review.order_line, review.product_id, review.rating) == (line, line.product_id, 5)
    assert review.status == ReviewStatus.PENDING
    assert (review.display_name, review.language) == ("Aminata", "fr")


def test_the_review_form_is_never_served_from_the_page_cache(client, link, settings):
    settings.PAGE_CACHE_SECONDS = 600
    for _ in range(2):
        response = client.get(link)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "bypass"
        assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_link_used_once_is_refused_the_second_time(client, link):
    client.post(link, review_data())
    again = client.post(link, review_data(text="Une deuxième fois, pour gonfler la note."))
    assert again.status_code == 409
    assert "déjà" in again.content.decode()
    assert new_reviews().count() == 1
    assert client.get(link).status_code == 409


def test_a_forged_link_is_refused_and_nothing_is_stored(client, line, link):
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    response = client.post(forged, review_data())
    assert response.status_code == 400
    assert "pas valide" in response.content.decode()
    assert not new_reviews().exists()
    assert client.post("/fr/voices/review/nimportequoi/", review_data()).status_code == 400


def test_an_expired_link_is_refused_and_nothing_is_stored(client, line, monkeypatch):
    long_ago = int(time.time()) - (links.LINK_VALID_DAYS + 1) * 24 * 60 * 60
    monkeypatch.setattr(
        signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(long_ago)
    )
    token = make_token(line)
    monkeypatch.undo()
    response = client.post(f"/fr/voices/review/{token}/", review_data())
    assert response.status_code == 410
    assert "expiré" in response.content.decode()
    assert not new_reviews().exists()


def test_a_link_for_another_order_is_refused(client, line, named_product, shop_manager):
    other = fulfilled_order([named_product], shop_manager, email="autre@example.sn")
    # Signed with the site's key (as only the site can), but naming a line of another order.
    digest = salted_hmac(links.CONTACT_SALT, f"{other.email}|{other.phone}").hexdigest()[:20]
    value = {"o": other.pk, "l": line.pk, "c": digest}
    token = signing.TimestampSigner(salt=links.SALT).sign_object(value, compress=True)
    response = client.post(f"/fr/voices/review/{token}/", review_data())
    assert response.status_code == 403
    assert not new_reviews().exists()


def test_a_link_stops_working_when_the_orders_contact_changes(client, order, link):
    type(order).objects.filter(pk=order.pk).update(email="quelquun.dautre@example.sn")
    response = client.post(link, review_data())
    assert response.status_code == 403
    assert not new_reviews().exists()


def test_an_unpaid_order_cannot_be_reviewed(client, named_product):
    unpaid = place(default_shop_settings(), [(named_product, 1)], pickup=True)
    token = make_token(unpaid.lines.get())
    response = client.post(f"/fr/voices/review/{token}/", review_data())
    assert response.status_code == 403
    assert "payée" in response.content.decode()
    assert not new_reviews().exists()


def test_an_incomplete_review_is_refused_with_the_reason(client, link):
    response = client.post(link, review_data(rating="9", text=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "review-errors" in html
    assert not new_reviews().exists()


def test_the_review_link_of_an_order_is_in_its_language(line):
    assert path_of(links.review_url(line)).startswith("/fr/voices/review/")
