"""What the editor sees before publishing: the preview's date, and the block picker's help."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import formats, translation
from wagtail.users.models import UserProfile

from home.models import StandardPage
from impact.models import ImpactPage
from stories.models import StoryPage

from .conftest import TODAY, artisan_of, make_artisan, make_story, story_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["fr", "en"])
def editor_language(request, django_user_model):
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="admin"))
    profile.preferred_language = request.param
    profile.save()
    return request.param


def preview(client, story, **fields):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])
    data = story_form_data(story, story.artisans.all(), **fields)
    answer = client.post(url, data)
    assert answer.json()["is_valid"], answer.content
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_the_preview_shows_the_day_first_date_the_editor_typed(admin_client, editor_language):
    story = make_story()
    page = preview(admin_client, story, date="02/12/2026")
    shown = page.select_one("time[datetime='2026-12-02']")
    assert shown is not None, page.select("time")
    assert shown.get_text(strip=True) == "2 décembre 2026"


def test_an_english_storys_preview_shows_the_date_in_english(admin_client, editor_language):
    story = StoryPage.objects.filter(locale__language_code="en").first()
    page = preview(admin_client, story, date="02/12/2026")
    shown = page.select_one("time[datetime='2026-12-02']")
    assert shown is not None, page.select("time")
    assert shown.get_text(strip=True) in ("Dec. 2, 2026", "December 2, 2026", "2 December 2026")


def body_blocks():
    """Every block the editor picks from, in the story, standard and impact bodies."""
    found = {}
    for model in (StoryPage, StandardPage, ImpactPage):
        for name, block in model._meta.get_field("body").stream_block.child_blocks.items():
            found[f"{model.__name__}.{name}"] = block
    return found


BODY_BLOCKS = sorted(body_blocks())


@pytest.mark.parametrize("name", BODY_BLOCKS)
def test_every_block_in_the_picker_is_described_in_french_and_previewed(
    admin_client, name, editor_language
):
    block = body_blocks()[name]
    with translation.override("fr"):
        description = str(block.get_description())
    assert description, name
    with translation.override("en"):
        assert str(block.get_description()) != description, "no French description"
    assert block.is_previewable, name
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200, name
    page = BeautifulSoup(response.content, "html.parser")
    assert page.select_one("link[rel=stylesheet][href*='site.css']") is not None
    main = page.select_one("main")
    assert main.get_text(strip=True) or main.select("img"), f"{name}: an empty preview"


def test_the_picker_offers_the_descriptions_in_the_story_editor(admin_client, editor_language):
    story = make_story()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    text = response.content.decode()
    expected = {
        "fr": "en vente, en direct",
        "en": "One piece on sale, live",
    }[editor_language]
    assert expected in text


def test_the_dashboard_avatar_is_a_local_image(admin_client):
    page = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    avatars = [img["src"] for img in page.select("img") if "avatar" in img["src"]]
    assert avatars
    for src in avatars:
        assert "gravatar" not in src
        path = src.split("?")[0].removeprefix(settings.STATIC_URL)
        assert finders.find(path), src


def test_the_artisan_checklist_shows_each_consent(admin_client):
    valid = make_artisan("Khady Sow", "Khady", until=TODAY + timedelta(days=40))
    expired = make_artisan(
        "Binta Fall", "Binta", given=TODAY - timedelta(days=400), until=TODAY - timedelta(days=3)
    )
    story = make_story([valid])
    page = BeautifulSoup(
        admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content,
        "html.parser",
    )
    labels = {
        box["value"]: box.find_parent("label").get_text(" ", strip=True)
        for box in page.select("input[name=artisans]")
    }
    until = formats.date_format(TODAY + timedelta(days=40), "SHORT_DATE_FORMAT")
    assert labels[str(valid.pk)] == f"Khady · consentement valable jusqu’au {until}"
    expired.refresh_from_db()
    assert labels[str(expired.pk)].endswith("consentement expiré · anonyme")
    withdrawn = artisan_of("Aliou Seck")
    assert "consentement retiré" in labels[str(withdrawn.pk)]


def test_the_submit_button_names_the_workflow_in_the_editors_language(
    admin_client, editor_language
):
    story = make_story()
    page = BeautifulSoup(
        admin_client.get(reverse("wagtailadmin_pages:edit", args=[story.pk])).content,
        "html.parser",
    )
    button = page.select_one("button[name=action-submit]")
    assert button is not None
    expected = {
        "fr": "Soumettre à Validation par les modérateurs",
        "en": "Submit to Moderators approval",
    }[editor_language]
    assert button.get_text(" ", strip=True) == expected
