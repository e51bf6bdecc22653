"""The demo shows every identity level and a withdrawal already applied."""

from datetime import date

import pytest
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry

from stories.access import PRIVATE_COLLECTION_NAME
from stories.consent import consent_problems
from stories.models import ArtisanRecord, StoryPage

from .conftest import artisan_of, record_of

pytestmark = pytest.mark.django_db


def test_every_identity_level_is_in_the_demo():
    titles = {record.get_identity_display(): [] for record in ArtisanRecord.objects.all()}
    for record in ArtisanRecord.objects.select_related("artisan"):
        titles[record.get_identity_display()].append(record.artisan.title)
    assert "Diamono" in titles["Pseudonyme"]
    assert "Ousmane" in titles["Prénom seulement"]
    assert "Ibrahima Sarr" in titles["Nom complet"]
    assert "Artisan anonyme, Centre de formation Jàng ak Liggéey" in titles["Anonyme"]


def test_aliou_seck_withdrew_his_story_is_unpublished_and_his_page_anonymous(client):
    page = artisan_of("Aliou Seck")
    assert page.title == "Artisan anonyme, Atelier du Fleuve"
    assert page.live and page.portrait is None
    story = StoryPage.objects.get(slug="a-saint-louis-le-bois-et-le-fleuve")
    assert not story.live
    assert PageLogEntry.objects.filter(page=story, action="stories.unpublish_consent").exists()
    # His portrait was drawn, then taken off the site when he withdrew: kept privately.
    assert not get_image_model().objects.filter(title="Portrait Aliou Seck").exists()
    archived = record_of("Aliou Seck").archived_portrait
    assert archived.collection.name == PRIVATE_COLLECTION_NAME
    # His pieces are still for sale.
    assert page.products.live().exists()


def test_a_story_is_live_exactly_when_its_artisans_consent_allows():
    for story in StoryPage.objects.all():
        assert story.live == (consent_problems(story.artisans.all()) == []), story.slug


def test_one_consent_ends_on_10_december_2026():
    assert record_of("Ousmane Kane").consent_valid_until == date(2026, 12, 10)


def test_every_record_has_its_consent_form_in_the_private_collection():
    for record in ArtisanRecord.objects.select_related("consent_document__collection"):
        assert record.consent_document.collection.name == PRIVATE_COLLECTION_NAME
