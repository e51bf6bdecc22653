"""Consent holds for buyers' voices too: a withdrawal hides those naming or showing the maker,
and an anonymous maker is never named beside a voice."""

import pytest
from bs4 import BeautifulSoup

from stories.consent import save_record
from stories.models import ArtisanPage, ArtisanRecord, StoryPage
from tests.stories.conftest import TODAY, keep_portrait_files, record_of  # noqa: F401
from voices import moderation
from voices.models import ReviewStatus

from .conftest import approved_review, fulfilled_order, jpeg_bytes, pending_review, product_of

pytestmark = pytest.mark.django_db


def text_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def story_with_block(**value):
    story = StoryPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    story.body.raw_data.append(
        {
            "type": "voices",
            "value": {"heading": "", "product": None, "artisan": None, "count": 6, **value},
        }
    )
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


@pytest.fixture
def three_voices(named_product, shop_manager):
    """Approved voices of Ibrahima Sarr's piece: one names him, one shows him, one neither."""
    lines = [
        fulfilled_order([named_product], shop_manager, email=f"v{n}@example.sn").lines.get()
        for n in range(3)
    ]
    naming = approved_review(lines[0], shop_manager, text="Merci à Ibrahima Sarr, quel travail.")
    photo = (jpeg_bytes((800, 600)), "L'artisan nous remet le tabouret")
    showing = pending_review(lines[1], "Remis en main propre, avec le sourire.", photos=[photo])
    moderation.approve_review(
        showing, by=shop_manager, photos_showing_maker=[showing.photos.get().pk]
    )
    plain = approved_review(
        lines[2],
        shop_manager,
        text="Solide et léger à la fois.",
        photos=[(jpeg_bytes((640, 480)), "Le tabouret sous la fenêtre")],
    )
    return naming, showing, plain


def test_a_withdrawal_hides_the_voices_naming_or_showing_the_maker(
    client,
    named_product,
    three_voices,
    keep_portrait_files,  # noqa: F811
):
    naming, showing, plain = three_voices
    before = text_of(client, named_product)
    assert "Merci à Ibrahima Sarr" in before and "Remis en main propre" in before
    record = record_of("Ibrahima Sarr")
    record.consent_withdrawn_on = TODAY
    save_record(record, user=None)
    for review in (naming, showing, plain):
        review.refresh_from_db()
    assert (naming.status, showing.status) == (ReviewStatus.HIDDEN, ReviewStatus.HIDDEN)
    assert plain.status == ReviewStatus.APPROVED
    product_text = text_of(client, named_product)
    artisan_text = text_of(client, ArtisanPage.objects.get(pk=record.artisan_id))
    for text in (product_text, artisan_text):
        assert "Ibrahima" not in text and "Sarr" not in text
        assert "Remis en main propre" not in text
        assert "Solide et léger" in text


def test_a_face_lost_hides_photos_showing_the_maker_even_before_a_status_change(
    client, named_product, three_voices
):
    """Shown only while the maker shows their face: read at every rendering, too."""
    _naming, showing, _plain = three_voices
    ArtisanPage.objects.filter(pk=named_product.artisan_id).update(shows_face=False)
    html = client.get(named_product.url).content.decode()
    assert "L&#x27;artisan nous remet le tabouret" not in html
    assert "L'artisan nous remet le tabouret" not in html
    assert "Remis en main propre" in html  # its words stay until consent hides the voice
    assert "Le tabouret sous la fenêtre" in html


def test_an_anonymous_makers_voices_never_name_them(client, shop_manager):
    record = (
        ArtisanRecord.objects.filter(artisan__is_anonymous=True, artisan__products__live=True)
        .exclude(legal_name="")
        .first()
    )
    artisan = ArtisanPage.objects.get(pk=record.artisan_id)
    product = product_of(artisan.title)
    line = fulfilled_order([product], shop_manager).lines.get()
    approved_review(line, shop_manager, text="Une toile qui change toute la pièce.")
    by_product = story_with_block(product=product.pk)
    pages = [product, artisan, by_product, story_with_block(artisan=artisan.pk)]
    for page in pages:
        text = text_of(client, page)
        assert "Une toile qui change toute la pièce." in text
        for name in {record.legal_name, record.public_name} - {""}:
            assert name not in text
        assert "réalisée par" not in text


def test_a_named_makers_voice_in_a_story_says_who_made_the_piece(
    client, named_product, shop_manager
):
    line = fulfilled_order([named_product], shop_manager).lines.get()
    approved_review(line, shop_manager, text="Un tabouret qui a du caractère.")
    text = text_of(client, story_with_block(product=named_product.pk))
    assert "Un tabouret qui a du caractère." in text
    assert "réalisée par Ibrahima Sarr" in text
