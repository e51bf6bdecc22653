"""« Prévenez-moi »: signing up on a sold piece, one message when a similar one is on sale."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.urls import reverse

from shop import stock
from shop.models import ProductPage, SimilarPieceAlert

from .conftest import set_stock


def sign_up_url():
    return reverse("shop:alert_sign_up")


@pytest.fixture
def sold_piece(db):
    """A French piece with a category, now sold."""
    piece = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", stock__gte=1, category__isnull=False)
        .order_by("pk")
        .first()
    )
    return set_stock(piece, 0)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def sign_up(client, piece, address="127.0.0.1", **changes):
    data = {"product": piece.pk, "email": "awa@example.sn", "phone": "", "consent": "on"}
    return client.post(sign_up_url(), {**data, **changes}, REMOTE_ADDR=address)


def publish_new_piece(like, slug="nouvelle-piece-test"):
    page = ProductPage(
        title="Nouvelle pièce",
        slug=slug,
        artisan=like.artisan,
        category=like.category,
        description="<p>Une nouvelle pièce.</p>",
        artisan_price=5000,
        stock=1,
        live=False,
    )
    like.get_parent().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_sold_piece_offers_the_sign_up_form_and_similar_pieces(client, sold_piece):
    html = soup(client.get(sold_piece.url))
    form = html.select_one("form.similar-alert")
    assert form["action"] == sign_up_url()
    for name in ("email", "phone", "consent"):
        field = form.select_one(f"[name={name}]")
        assert form.select_one(f"label[for={field['id']}]"), name
    titles = [title.get_text(strip=True) for title in html.select(".similar-pieces .card__title")]
    assert titles and sold_piece.title not in titles
    first = ProductPage.objects.get(title=titles[0], locale__language_code="fr")
    assert first.stock > 0 and first.category_id == sold_piece.category_id


def test_signing_up_stores_the_alert_and_says_so_on_the_piece(client, sold_piece):
    response = sign_up(client, sold_piece)
    assert response.status_code == 302 and response.url == sold_piece.url
    alert = SimilarPieceAlert.objects.get()
    assert (alert.email, alert.phone, alert.category_id, alert.sent_at) == (
        "awa@example.sn",
        "",
        sold_piece.category_id,
        None,
    )
    assert alert.product_id == sold_piece.pk and alert.language == "fr"
    assert "nous vous préviendrons une fois" in soup(client.get(sold_piece.url)).get_text()


def test_a_phone_alone_is_enough_and_kept_in_international_form(client, sold_piece):
    assert sign_up(client, sold_piece, email="", phone="77 123 45 67").status_code == 302
    assert SimilarPieceAlert.objects.get().phone == "+221771234567"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"consent": ""}, "Cochez la case"),
        ({"email": "", "phone": ""}, "Indiquez une adresse e-mail ou un numéro de téléphone"),
        ({"email": "pas-une-adresse"}, "ne semble pas correcte"),
        ({"product": "999999999"}, "Cette pièce n'existe pas"),
        ({"product": "abc"}, "Cette pièce n'existe pas"),
    ],
)
def test_a_bad_or_forged_sign_up_is_refused_with_a_message_and_stores_nothing(
    client, sold_piece, changes, message
):
    response = sign_up(client, sold_piece, **changes)
    assert response.status_code == 400
    assert message in soup(response).get_text()
    assert not SimilarPieceAlert.objects.exists()


def test_a_piece_on_sale_takes_no_sign_up(client, sold_piece):
    set_stock(sold_piece, 1)
    response = sign_up(client, sold_piece)
    assert response.status_code == 400
    assert "est en vente" in soup(response).get_text()
    assert not SimilarPieceAlert.objects.exists()


def test_signing_up_twice_is_refused_with_a_message(client, sold_piece):
    sign_up(client, sold_piece)
    response = sign_up(client, sold_piece, email="AWA@example.sn")
    assert response.status_code == 409
    assert "déjà inscrit" in soup(response).get_text()
    assert SimilarPieceAlert.objects.count() == 1


def test_sign_ups_are_rate_limited_like_the_other_shop_posts(client, settings, sold_piece):
    settings.RATE_LIMITS = {"shop": (2, 60)}
    for number in range(2):
        sign_up(client, sold_piece, email=f"visiteur{number}@example.sn", address="203.0.113.9")
    response = client.post(
        sign_up_url(),
        {"product": sold_piece.pk, "email": "encore@example.sn", "consent": "on"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 429
    assert SimilarPieceAlert.objects.count() == 2


def test_a_new_piece_of_the_category_sends_one_e_mail_and_marks_the_alert_sent(
    client, sold_piece, django_capture_on_commit_callbacks
):
    sign_up(client, sold_piece)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = publish_new_piece(sold_piece)
    (message,) = [m for m in mail.outbox if m.to == ["awa@example.sn"]]
    assert "Nouvelle pièce" in message.body and new.url in message.body
    alert = SimilarPieceAlert.objects.get()
    assert alert.sent_at is not None and alert.sent_for_id == new.pk
    # Published again (an editor's correction), or another piece: no second message.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new.save_revision().publish()
        publish_new_piece(sold_piece, slug="encore-une-piece-test")
    assert not [m for m in mail.outbox if m.to == ["awa@example.sn"]]


def test_a_phone_only_subscriber_gets_one_sms_with_the_link(
    client, sold_piece, sms_outbox, django_capture_on_commit_callbacks
):
    sign_up(client, sold_piece, email="", phone="77 123 45 67")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = publish_new_piece(sold_piece)
    (text,) = sms_outbox
    assert text.to == "+221771234567"
    assert "Nouvelle pièce" in text.text and new.url in text.text
    assert not [m for m in mail.outbox if "Nouvelle pièce" in m.subject]


def test_the_same_piece_back_in_stock_tells_its_subscribers(
    client, sold_piece, django_capture_on_commit_callbacks
):
    sign_up(client, sold_piece)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        stock.adjust_stock(sold_piece, 1, expected=0)
    (message,) = [m for m in mail.outbox if m.to == ["awa@example.sn"]]
    assert sold_piece.title in message.body
    assert SimilarPieceAlert.objects.get().sent_at is not None


def test_the_signed_link_asks_then_forgets_the_sign_up(
    client, sold_piece, django_capture_on_commit_callbacks
):
    sign_up(client, sold_piece)
    with django_capture_on_commit_callbacks(execute=True):
        publish_new_piece(sold_piece)
    (message,) = [m for m in mail.outbox if m.to == ["awa@example.sn"]]
    link = re.search(r"https?://\S+/alerts/leave/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    asked = client.get(f"/{path}")
    assert asked.status_code == 200
    assert SimilarPieceAlert.objects.exists()  # opening the link (a mail scanner) deletes nothing
    done = client.post(f"/{path}")
    assert done.status_code == 200
    assert "votre inscription est effacée" in soup(done).get_text()
    assert not SimilarPieceAlert.objects.exists()


def test_a_forged_or_altered_link_is_refused_with_a_message(client, sold_piece):
    sign_up(client, sold_piece)
    token = SimilarPieceAlert.objects.get().unsubscribe_token()
    for forged in ("1", f"{token}x", token.replace(token[0], "Z" if token[0] != "Z" else "Y", 1)):
        response = client.post(reverse("shop:alert_unsubscribe", args=[forged]))
        assert response.status_code == 400
        assert "n'est pas valable" in soup(response).get_text()
    assert SimilarPieceAlert.objects.count() == 1


def test_shop_managers_list_the_alerts_in_the_admin(client, sold_piece, shop_manager):
    sign_up(client, sold_piece)
    client.force_login(shop_manager)
    response = client.get(reverse("similar_piece_alerts:index"))
    assert response.status_code == 200
    assert "awa@example.sn" in response.content.decode()
    assert sold_piece.title in response.content.decode()
