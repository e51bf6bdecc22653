"""The admin reads back the dates its own widgets display, whatever the editor's language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.users.models import UserProfile

from stories.models import StoryPage

from .conftest import make_story, story_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["en", "fr"])
def editor_language(request, admin_client, django_user_model):
    """The admin in English, then in French, as each editor's own preference sets it."""
    profile = UserProfile.get_for_user(django_user_model.objects.get(username="admin"))
    profile.preferred_language = request.param
    profile.save()
    return request.param


def edit_url(story):
    return reverse("wagtailadmin_pages:edit", args=[story.pk])


def save_draft(client, story, **fields):
    data = story_form_data(story, story.artisans.all(), **fields)
    return client.post(edit_url(story), data)


def saved_story(story):
    return StoryPage.objects.get(pk=story.pk).get_latest_revision_as_object()


def test_the_story_editor_accepts_the_date_it_displays(admin_client, editor_language):
    story = make_story(date=datetime.date(2025, 10, 22))
    form = BeautifulSoup(admin_client.get(edit_url(story)).content, "html.parser")
    shown = form.select_one("input[name=date]")["value"]
    assert shown == "22/10/2025"
    response = save_draft(admin_client, story, date=shown)
    assert response.status_code == 302, "the editor refused the date it displayed"
    assert saved_story(story).date == datetime.date(2025, 10, 22)


def test_a_day_first_date_is_never_read_month_first(admin_client, editor_language):
    story = make_story()
    save_draft(admin_client, story, date="10/11/2025")
    assert saved_story(story).date == datetime.date(2025, 11, 10)


def test_the_schedule_accepts_the_date_and_time_its_widget_writes(admin_client, editor_language):
    story = make_story()
    response = save_draft(admin_client, story, go_live_at="22/10/2030 09:30")
    assert response.status_code == 302
    go_live_at = saved_story(story).go_live_at
    assert go_live_at.date() == datetime.date(2030, 10, 22)
    assert go_live_at.utcoffset() is not None


def test_an_iso_date_is_still_accepted(admin_client, editor_language):
    story = make_story()
    save_draft(admin_client, story, date="2025-10-22")
    assert saved_story(story).date == datetime.date(2025, 10, 22)
