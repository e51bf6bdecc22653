"""Scheduling a story is judged on its go-live day; a schedule refused later tells its author."""

import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone
from wagtail.models import PageLogEntry, Revision

from .conftest import TODAY, make_artisan, make_story, story_form_data

pytestmark = pytest.mark.django_db


def edit_url(story):
    return reverse("wagtailadmin_pages:edit", args=[story.pk])


def schedule(client, story, artisans, go_live_at):
    data = story_form_data(
        story,
        artisans,
        go_live_at=timezone.localtime(go_live_at).strftime("%Y-%m-%d %H:%M"),
        **{"action-publish": "publish"},
    )
    return client.post(edit_url(story), data)


def test_a_schedule_past_the_end_of_consent_is_refused_on_the_go_live_date(admin_client):
    ends = TODAY + timedelta(days=5)
    artisan = make_artisan(until=ends)
    story = make_story([artisan])

    response = schedule(admin_client, story, [artisan], timezone.now() + timedelta(days=10))

    assert response.status_code == 200
    form = response.context["form"]
    assert "go_live_at" in form.errors
    message = " ".join(form.errors["go_live_at"])
    assert artisan.title in message
    assert formats.date_format(ends, "SHORT_DATE_FORMAT") in message
    assert "consentement" in message
    # Shown to the editor, and nothing was scheduled.
    page = BeautifulSoup(response.content, "html.parser").get_text()
    assert artisan.title in page
    assert not Revision.page_revisions.filter(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    ).exists()


def test_a_schedule_within_consent_is_accepted(admin_client):
    artisan = make_artisan(until=TODAY + timedelta(days=30))
    story = make_story([artisan])

    response = schedule(admin_client, story, [artisan], timezone.now() + timedelta(days=10))

    assert response.status_code == 302
    assert Revision.page_revisions.filter(
        object_id=str(story.pk), approved_go_live_at__isnull=False
    ).exists()


def test_a_schedule_before_consent_starts_is_refused_with_its_start(admin_client):
    starts = TODAY + timedelta(days=20)
    artisan = make_artisan(given=TODAY - timedelta(days=30), until=TODAY + timedelta(days=5))
    story = make_story([artisan])
    # A consent renewed from a later day only.
    record = artisan.get_private_record()
    record.consent_given_on = starts
    record.consent_valid_until = None
    record.save(apply_consent_on_commit=False)

    response = schedule(admin_client, story, [artisan], timezone.now() + timedelta(days=10))

    assert response.status_code == 200
    message = " ".join(response.context["form"].errors["go_live_at"])
    assert artisan.title in message
    assert formats.date_format(starts, "SHORT_DATE_FORMAT") in message


def test_a_scheduled_story_refused_at_go_live_e_mails_its_author(
    admin_client, django_user_model, django_capture_on_commit_callbacks
):
    author = django_user_model.objects.create_user(
        "autrice", "autrice@example.org", "x", first_name="Fatou"
    )
    artisan = make_artisan(until=TODAY + timedelta(days=30))
    story = make_story([artisan], title="Le fil de Mariama")
    revision = story.save_revision(user=author)
    revision.approved_go_live_at = timezone.now() - timedelta(hours=1)
    revision.save(update_fields=["approved_go_live_at"])
    # Consent withdrawn after the story was scheduled, without the site applying it yet.
    record = artisan.get_private_record()
    record.consent_withdrawn_on = TODAY
    record.save(apply_consent_on_commit=False)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())

    story.refresh_from_db()
    assert not story.live
    assert PageLogEntry.objects.filter(page=story, action="stories.publication_refused").exists()
    sent = [message for message in mail.outbox if "autrice@example.org" in message.to]
    assert len(sent) == 1
    assert "Le fil de Mariama" in sent[0].subject
    assert "a retiré son consentement" in sent[0].body
    assert reverse("wagtailadmin_pages:edit", args=[story.pk]) in sent[0].body


def test_a_refused_schedule_without_a_revision_author_e_mails_the_owner(
    django_user_model, django_capture_on_commit_callbacks
):
    owner = django_user_model.objects.create_user("proprio", "proprio@example.org", "x")
    artisan = make_artisan(until=TODAY + timedelta(days=30))
    story = make_story([artisan], title="Une histoire sans auteur", owner=owner)
    Revision.objects.filter(pk=story.latest_revision_id).update(
        approved_go_live_at=timezone.now() - timedelta(hours=1), user=None
    )
    record = artisan.get_private_record()
    record.consent_withdrawn_on = TODAY
    record.save(apply_consent_on_commit=False)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())

    assert [message.to for message in mail.outbox] == [["proprio@example.org"]]
