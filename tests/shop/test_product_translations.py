"""A translated product is one piece: one price, one stock, sold in every language at once."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale

from shop.cart import Cart
from shop.models import OrderLine, PaymentMethod, ProductPage, ShopSettings
from shop.models.products import ProductPageForm

from .conftest import CUSTOMER, set_stock, stock_of

pytestmark = pytest.mark.django_db


def english_of(product):
    return product.get_translation(Locale.objects.get(language_code="en"))


@pytest.fixture
def piece(db):
    """A French one-of-a-kind piece still for sale, and its English translation."""
    french = (
        ProductPage.objects.live()
        .filter(locale__language_code="fr", one_of_a_kind=True, stock=1)
        .order_by("pk")
        .first()
    )
    return french, english_of(french)


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_translations_share_price_stock_maker_and_category(piece):
    french, english = piece
    assert english.price_source().pk == french.pk == french.price_source().pk
    assert (english.artisan_price, english.stock, english.category_id) == (
        french.artisan_price,
        french.stock,
        french.category_id,
    )
    # The maker is shown in the reader's language: their page's English translation.
    assert english.artisan.translation_key == french.artisan.translation_key
    assert english.artisan.locale.language_code == "en"


def test_a_new_price_on_the_french_page_reaches_the_english_one(piece):
    french, english = piece
    french.artisan_price += 1000
    french.save_revision().publish()
    english.refresh_from_db()
    assert english.artisan_price == french.artisan_price
    # Publishing the English page again (from an older revision) cannot bring the old price back.
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.artisan_price == french.artisan_price


def test_editors_cannot_type_another_price_or_stock_on_a_translation(piece, admin_user):
    french, english = piece
    form_class = type(english).get_edit_handler().get_form_class()
    form = form_class(instance=english, for_user=admin_user)
    assert isinstance(form, ProductPageForm)
    for name in ("artisan_price", "stock", "one_of_a_kind", "artisan", "category"):
        assert form.fields[name].disabled, name
        assert french.title in str(form.fields[name].help_text)
    french_form = form_class(instance=french, for_user=admin_user)
    assert not french_form.fields["artisan_price"].disabled


def test_the_cart_keeps_one_line_per_piece_whatever_the_language(client, piece):
    french, english = piece
    set_stock(french, 3)
    client.post("/en/cart/add/", {"product": english.pk, "quantity": 1})
    client.post("/fr/cart/add/", {"product": french.pk, "quantity": 1})
    for language, shown in (("fr", french), ("en", english)):
        with translation.override(language):
            summary = Cart(client.session).summary(ShopSettings.objects.get())
        assert [(line.product_id, line.quantity) for line in summary.lines] == [(french.pk, 2)]
        assert summary.lines[0].product.pk == shown.pk  # in the shopper's language


def test_the_last_piece_sold_on_the_english_site_is_sold_in_both_languages(client, piece):
    french, english = piece
    assert client.post("/en/cart/add/", {"product": english.pk, "quantity": 1}).status_code == 302
    checkout = "/en/checkout/"
    page = text(client, checkout)
    signature = page.select_one("input[name=cart_signature]")["value"]
    form = {**CUSTOMER, "payment_method": PaymentMethod.CASH, "cart_signature": signature}
    assert client.post(checkout, form).status_code == 302
    line = OrderLine.objects.latest("pk")
    assert line.product_id == french.pk and line.product_title == english.title
    assert line.order.language == "en"
    assert stock_of(french) == stock_of(english) == 0
    # Held by an unpaid cash order: « Réservé » in both languages until it is paid.
    for page, label in ((french, "Réservé"), (english, "Reserved")):
        assert text(client, page.url).select_one(".badge--reserved").get_text(strip=True) == label
    refused = client.post("/fr/cart/add/", {"product": french.pk, "quantity": 1})
    assert refused.status_code == 400


def test_releasing_an_order_puts_the_piece_back_in_both_languages(piece, make_order):
    from shop import lifecycle

    french, english = piece
    order = make_order([(english, 1)])
    assert stock_of(french) == stock_of(english) == 0
    lifecycle.cancel(order, by=None, note="Test")
    assert stock_of(french) == stock_of(english) == 1


def test_translate_in_the_admin_makes_an_english_draft_sharing_price_stock_and_maker(
    admin_client, piece
):
    french, english = piece
    english.delete()
    locale = Locale.objects.get(language_code="en")
    response = admin_client.post(
        f"/admin/translation/submit/page/{french.pk}/", {"locales": [locale.pk]}
    )
    assert response.status_code == 302
    draft = french.get_translation(locale)
    assert not draft.live and draft.title == french.title  # to rewrite, then publish
    assert (draft.artisan_price, draft.stock) == (french.artisan_price, french.stock)
    assert draft.artisan.locale == locale  # the maker's English page
    assert admin_client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200
