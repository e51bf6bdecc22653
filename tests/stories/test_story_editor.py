"""The story editor offers each artisan once: the one in the story's language."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from stories.models import ArtisanPage, StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db


def offered_artisans(admin_client, url):
    page = BeautifulSoup(admin_client.get(url).content, "html.parser")
    return {int(box["value"]) for box in page.select("input[name=artisans]")}


def test_a_new_french_story_offers_the_french_artisans_only(admin_client):
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))
    french = set(
        ArtisanPage.objects.filter(locale__language_code="fr").values_list("pk", flat=True)
    )
    assert offered_artisans(admin_client, url) == french


def test_a_translated_story_keeps_offering_the_artisans_it_names(admin_client):
    # A translation copied from its original may still name the original's artisans.
    story = StoryPage.objects.filter(locale__language_code="en").first()
    french_artisan = ArtisanPage.objects.filter(locale__language_code="fr").first()
    story.artisans.set([french_artisan])
    story.save_revision()
    offered = offered_artisans(admin_client, reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    english = set(
        ArtisanPage.objects.filter(locale__language_code="en").values_list("pk", flat=True)
    )
    assert offered == english | {french_artisan.pk}


def test_the_product_chooser_speaks_each_editors_language(admin_client):
    # The chooser's label is built once per server process; an English editor served first
    # must not leave it in English for the French editors after them.
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    url = reverse("wagtailadmin_pages:add", args=("stories", "storypage", index.pk))
    profile = UserProfile.get_for_user(admin_client.get(url).wsgi_request.user)
    profile.preferred_language = "en"
    profile.save()
    assert "Choose a page (Product)" in admin_client.get(url).content.decode()
    profile.preferred_language = "fr"
    profile.save()
    assert "Choisissez une page (Produit)" in admin_client.get(url).content.decode()
