"""Images of a withdrawn person leave public storage, even when a file cannot be read."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.images import get_image_model

from stories.consent import save_record
from stories.models import ArtisanRecord, PendingImageArchive

from .conftest import TODAY, jpeg_with_gps, make_artisan, make_story, record_of
from .test_withdrawal import record_form_data

pytestmark = pytest.mark.django_db

Image = get_image_model()


def new_image(title):
    return Image.objects.create(
        title=title, file=ImageFile(io.BytesIO(jpeg_with_gps()), name=f"{title}.jpg")
    )


def published_story(artisans, hero_image, title):
    story = make_story(artisans, title=title, hero_image=hero_image)
    story.save_revision().publish()
    return story


def withdraw_in_admin(client, record):
    url = reverse("wagtailsnippets_stories_artisanrecord:edit", args=[record.pk])
    return client.post(
        url, record_form_data(record, consent_withdrawn_on=TODAY.isoformat()), follow=True
    )


@pytest.fixture
def lost_portrait(keep_portrait_files):
    """Ibrahima Sarr's portrait, whose original file has gone from storage."""
    record = record_of("Ibrahima Sarr")
    portrait = record.artisan.portrait
    portrait.get_rendition("fill-240x240|format-webp")
    Path(settings.MEDIA_ROOT, portrait.file.name).unlink()
    return record, portrait


def test_a_withdrawal_is_recorded_when_the_portrait_file_is_missing(
    admin_client, lost_portrait, django_capture_on_commit_callbacks
):
    record, _portrait = lost_portrait
    with django_capture_on_commit_callbacks(execute=True):
        response = withdraw_in_admin(admin_client, record)
    assert response.status_code == 200
    record.refresh_from_db()
    assert record.consent_withdrawn_on == TODAY
    assert record.artisan.title == "Artisan anonyme, Atelier du Baobab"
    assert record.artisan.portrait is None
    assert not record.artisan.stories.live().exists()


def test_the_unreadable_portrait_loses_its_renditions_and_waits_for_a_retry(
    admin_client, lost_portrait, django_capture_on_commit_callbacks
):
    record, portrait = lost_portrait
    rendition_files = [
        Path(settings.MEDIA_ROOT, name)
        for name in portrait.renditions.values_list("file", flat=True)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_in_admin(admin_client, record)
    assert not portrait.renditions.exists()
    assert rendition_files and not any(path.exists() for path in rendition_files)
    pending = PendingImageArchive.objects.get(image=portrait)
    assert pending.attempts == 1 and pending.record_id == record.pk


def test_staff_are_told_the_move_failed_and_will_be_retried(admin_client, lost_portrait):
    record, _portrait = lost_portrait
    response = withdraw_in_admin(admin_client, record)
    assert "expire_consents" in response.content.decode()


def test_the_daily_command_moves_the_portrait_once_its_file_is_back(
    admin_client, lost_portrait, django_capture_on_commit_callbacks
):
    record, portrait = lost_portrait
    withdraw_in_admin(admin_client, record)
    Path(settings.MEDIA_ROOT, portrait.file.name).write_bytes(jpeg_with_gps())
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_consents", stdout=output, stderr=io.StringIO())
    assert "1 images moved to private storage" in output.getvalue()
    assert not Image.objects.filter(pk=portrait.pk).exists()
    assert not PendingImageArchive.objects.exists()
    assert ArtisanRecord.objects.get(pk=record.pk).archived_portrait is not None


def test_the_daily_command_reports_a_move_that_still_fails(admin_client, lost_portrait):
    record, portrait = lost_portrait
    withdraw_in_admin(admin_client, record)
    errors = io.StringIO()
    call_command("expire_consents", stdout=io.StringIO(), stderr=errors)
    assert "1 images still cannot be moved" in errors.getvalue()
    assert PendingImageArchive.objects.get(image=portrait).attempts == 2


def test_a_withdrawn_person_s_story_images_leave_public_storage(
    keep_portrait_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        artisan = make_artisan("Mariama Ba", "Mariama")
        hero = new_image("atelier-de-mariama")
        published_story([artisan], hero, "Mariama brode")
    original = Path(settings.MEDIA_ROOT, hero.file.name)
    record = record_of("Mariama Ba")
    record.consent_withdrawn_on = TODAY
    with django_capture_on_commit_callbacks(execute=True):
        changes = save_record(record, user=None)
    assert not Image.objects.filter(pk=hero.pk).exists()
    assert not original.exists()
    kept = changes[0].archived_images
    assert len(kept) == 1
    assert Path(settings.PRIVATE_MEDIA_ROOT) in Path(kept[0].file.path).parents


def test_a_story_image_another_live_story_uses_stays_public(
    keep_portrait_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        mariama = make_artisan("Mariama Ba", "Mariama")
        other = make_artisan("Aissatou Diop", "Aissatou")
        shared = new_image("marche-de-thies")
        published_story([mariama], shared, "Mariama brode")
        published_story([other], shared, "Aissatou tisse")
    record = record_of("Mariama Ba")
    record.consent_withdrawn_on = TODAY
    with django_capture_on_commit_callbacks(execute=True):
        save_record(record, user=None)
    assert Image.objects.filter(pk=shared.pk).exists()
    assert Path(settings.MEDIA_ROOT, shared.file.name).exists()
