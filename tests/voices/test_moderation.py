"""Nothing a buyer writes is public before a moderator approves it; then it shows everywhere."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from shop.cache_versions import PUBLIC_PAGES_KEY, current_version
from shop.models import ProductPage
from stories.models import ArtisanPage, ArtisanRecord, StoryPage
from voices import moderation
from voices.models import ReviewStatus

from .conftest import approved_review, fulfilled_order, pending_review, product_of

pytestmark = pytest.mark.django_db

WORDS = "Zanzibar-lumineux"  # a word found nowhere else on the site


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def product_json_ld(client, product):
    html = soup(client.get(product.url))
    return json.loads(html.select_one('script[type="application/ld+json"]').string)


def write(line, text=f"Une pièce {WORDS}, posée dans notre entrée."):
    return pending_review(line, text)


@pytest.fixture
def story_with_voices(named_product):
    """A live story whose body holds a voices block for the product."""
    story = StoryPage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
    body = story.body.raw_data
    body.append(
        {
            "type": "voices",
            "value": {"heading": "", "product": named_product.pk, "artisan": None, "count": 3},
        }
    )
    story.save_revision().publish()
    return StoryPage.objects.get(pk=story.pk)


def surfaces(client, product, story):
    """Every public page where a voice of the product could show, with its text."""
    english = ProductPage.objects.get(
        translation_key=product.translation_key, locale__language_code="en"
    )
    artisan = ArtisanPage.objects.get(pk=product.artisan_id)
    pages = [product, english, artisan, story]
    texts = [soup(client.get(page.url)).get_text(" ") for page in pages]
    results = soup(client.get(f"/fr/search/?q={WORDS}")).select(".search-result")
    texts.append(" ".join(result.get_text(" ") for result in results))
    return texts


def test_a_pending_review_is_never_public(client, line, named_product, story_with_voices):
    write(line)
    assert not any(WORDS in text for text in surfaces(client, named_product, story_with_voices))
    data = product_json_ld(client, named_product)
    assert "review" not in data and "aggregateRating" not in data


def test_a_rejected_review_is_never_public(
    client, line, named_product, story_with_voices, shop_manager
):
    moderation.reject_review(write(line), by=shop_manager, note="Hors sujet")
    assert not any(WORDS in text for text in surfaces(client, named_product, story_with_voices))
    assert "review" not in product_json_ld(client, named_product)


def test_an_approved_review_shows_on_product_translation_artisan_and_story(
    client, line, named_product, story_with_voices, shop_manager
):
    moderation.approve_review(write(line), by=shop_manager)
    product_page, english, artisan, story, search = surfaces(
        client, named_product, story_with_voices
    )
    for text in (product_page, english, artisan, story):
        assert WORDS in text
        assert "Binta" in text
    # Reviews are not indexed: search finds pages, never buyers' words.
    assert search == ""


def test_product_json_ld_carries_only_approved_reviews_and_their_average(
    client, named_product, shop_manager
):
    first, second, third = (
        fulfilled_order([named_product], shop_manager, email=f"a{n}@example.sn").lines.get()
        for n in range(3)
    )
    approved_review(first, shop_manager, "Parfait, merci.", rating=5, display_name="A")
    approved_review(second, shop_manager, "Très bien fini.", rating=4, display_name="B")
    write(third)  # pending: not counted
    data = product_json_ld(client, named_product)
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 4.5,
        "reviewCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert sorted(review["reviewRating"]["ratingValue"] for review in data["review"]) == [4, 5]
    assert {review["author"]["name"] for review in data["review"]} == {"A", "B"}
    assert WORDS not in json.dumps(data)


def test_approving_renews_the_public_pages_generation(line, shop_manager):
    review = write(line)
    before = current_version(PUBLIC_PAGES_KEY)
    moderation.approve_review(review, by=shop_manager)
    assert current_version(PUBLIC_PAGES_KEY) != before


def test_a_text_naming_an_anonymous_maker_is_refused_at_moderation(shop_manager):
    record = (
        ArtisanRecord.objects.filter(artisan__is_anonymous=True, artisan__products__live=True)
        .exclude(legal_name="")
        .first()
    )
    product = product_of(record.artisan.title)
    line = fulfilled_order([product], shop_manager).lines.get()
    review = write(line, text=f"Merci à {record.legal_name} pour ce travail magnifique.")
    with pytest.raises(moderation.ModerationRefused) as refusal:
        moderation.approve_review(review, by=shop_manager)
    assert refusal.value.problems
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING


def test_moderators_see_pending_reviews_and_approve_them_in_the_admin(
    client, line, named_product, shop_manager, communications_staff
):
    review = write(line)
    for moderator in (shop_manager, communications_staff):
        client.force_login(moderator)
        listing = client.get(reverse("voices_moderation"))
        assert listing.status_code == 200
        assert WORDS in listing.content.decode()
    response = client.post(
        reverse("voices_moderate", args=[review.pk]), {"decision": "approve"}, follow=True
    )
    assert response.status_code == 200
    review.refresh_from_db()
    assert (review.status, review.moderated_by) == (ReviewStatus.APPROVED, communications_staff)
    assert review.moderated_at is not None
    client.logout()
    assert WORDS in soup(client.get(named_product.url)).get_text(" ")


def test_staff_without_the_permission_cannot_moderate(client, line, django_user_model):
    review = write(line)
    editor = django_user_model.objects.create_user("stagiaire", "s@example.sn", "motdepasse")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get(reverse("voices_moderation")).status_code in (302, 403)
    response = client.post(reverse("voices_moderate", args=[review.pk]), {"decision": "approve"})
    assert response.status_code in (302, 403)
    review.refresh_from_db()
    assert review.status == ReviewStatus.PENDING
