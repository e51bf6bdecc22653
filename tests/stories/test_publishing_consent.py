"""A story cannot be published without its artisans' consent, whichever way it is published."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    PageLogEntry,
    Revision,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import rich_text

from stories.consent import PublicationRefused, publication_problems
from stories.models import StoryIndexPage, StoryPage
from stories.wagtail_hooks import ConsentAwarePublishBulkAction

from .conftest import TODAY, artisan_of, make_artisan, make_story, story_form_data, text_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def withdrawn():
    """Aliou Seck withdrew his consent in the demo."""
    return artisan_of("Aliou Seck")


@pytest.fixture
def consenting():
    """Awa Ndiaye's consent has no end date: these tests do not age."""
    return artisan_of("Awa Ndiaye")


edit_data = story_form_data


def edit_url(story):
    return reverse("wagtailadmin_pages:edit", args=[story.pk])


def test_the_editors_publish_button_refuses_and_says_why_in_french(admin_client, withdrawn):
    story = make_story([withdrawn])
    response = admin_client.post(
        edit_url(story), edit_data(story, [withdrawn], **{"action-publish": "publish"})
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "a retiré son consentement le" in text
    assert withdrawn.title in text
    story.refresh_from_db()
    assert not story.live


def test_the_editor_can_still_save_a_draft(admin_client, withdrawn):
    story = make_story([withdrawn])
    revisions = story.revisions.count()
    data = edit_data(story, [withdrawn], standfirst="Un début réécrit.")
    response = admin_client.post(edit_url(story), data)
    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert story.revisions.count() == revisions + 1
    assert story.get_latest_revision_as_object().standfirst == "Un début réécrit."


def test_the_editor_publishes_when_every_artisan_consents(admin_client, consenting):
    story = make_story([consenting])
    response = admin_client.post(
        edit_url(story), edit_data(story, [consenting], **{"action-publish": "publish"})
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.live


def test_a_consent_that_does_not_cover_the_story_is_refused(admin_client):
    artisan = make_artisan(story=False)
    story = make_story([artisan])
    response = admin_client.post(
        edit_url(story), edit_data(story, [artisan], **{"action-publish": "publish"})
    )
    assert "ne couvre pas le récit de son histoire" in response.content.decode()
    story.refresh_from_db()
    assert not story.live


def test_revision_publish_in_code_is_refused(withdrawn):
    story = make_story([withdrawn])
    with pytest.raises(PublicationRefused) as refused:
        story.get_latest_revision().publish()
    assert refused.value.problems
    story.refresh_from_db()
    assert not story.live


def test_creating_a_live_story_in_code_is_refused(withdrawn):
    story = StoryPage(title="Directe", standfirst="Début.", body=text_body())
    story.artisans = [withdrawn]
    with pytest.raises(PublicationRefused):
        StoryIndexPage.objects.get(locale__language_code="fr").add_child(instance=story)
    assert not StoryPage.objects.filter(title="Directe").exists()


def test_scheduling_past_the_end_of_consent_is_refused():
    artisan = make_artisan(until=TODAY + timedelta(days=5))
    story = make_story([artisan])
    story.go_live_at = timezone.now() + timedelta(days=10)
    with pytest.raises(PublicationRefused):
        story.save_revision().publish()
    story.go_live_at = timezone.now() + timedelta(days=2)
    story.save_revision().publish()
    assert Revision.objects.filter(object_id=str(story.pk), approved_go_live_at__isnull=False)


def test_scheduled_publishing_refuses_one_story_and_publishes_the_others(withdrawn, consenting):
    refused = make_story([withdrawn], title="Refusée")
    accepted = make_story([consenting], title="Acceptée")
    an_hour_ago = timezone.now() - timedelta(hours=1)
    for story in (refused, accepted):
        Revision.objects.filter(pk=story.latest_revision_id).update(approved_go_live_at=an_hour_ago)

    output = io.StringIO()
    call_command("publish_scheduled", stdout=output)

    refused.refresh_from_db()
    accepted.refresh_from_db()
    assert accepted.live
    assert not refused.live
    assert not Revision.objects.filter(pk=refused.latest_revision_id).exclude(
        approved_go_live_at=None
    )
    entry = PageLogEntry.objects.get(page=refused, action="stories.publication_refused")
    assert "a retiré son consentement" in " ".join(entry.data["problems"])
    assert "Refused (consent)" in output.getvalue()


@pytest.fixture
def moderation():
    """A one-step moderation workflow on the story index, approved by Moderators."""
    workflow = Workflow.objects.create(name="Relecture des histoires")
    task = GroupApprovalTask.objects.create(name="Relecture")
    task.groups.set(Group.objects.filter(name="Moderators"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(
        workflow=workflow, page=StoryIndexPage.objects.get(locale__language_code="fr")
    )
    return workflow


def approve(client, story):
    state = TaskState.objects.get(workflow_state__object_id=str(story.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[story.pk, "approve", state.pk])
    return client.post(url, {"comment": ""})


def test_workflow_approval_sends_the_story_back_with_the_reason(
    admin_client, django_user_model, moderation, withdrawn
):
    story = make_story([withdrawn])
    moderation.start(story, django_user_model.objects.get(username="admin"))

    response = approve(admin_client, story)

    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "a retiré son consentement" in state.current_task_state.comment
    assert PageLogEntry.objects.filter(page=story, action="stories.publication_refused").exists()


def test_workflow_approval_publishes_a_story_with_consent(
    admin_client, django_user_model, moderation, consenting
):
    story = make_story([consenting])
    moderation.start(story, django_user_model.objects.get(username="admin"))
    approve(admin_client, story)
    story.refresh_from_db()
    assert story.live


@pytest.fixture
def requester(editor):
    """The editor who submitted the story for review, and who hears how it ended."""
    editor.email = "redaction@example.org"
    editor.save()
    return editor


def test_a_story_sent_back_for_consent_is_never_announced_as_approved(
    admin_client, mailoutbox, moderation, requester, withdrawn
):
    story = make_story([withdrawn])
    moderation.start(story, requester)
    mailoutbox.clear()

    approve(admin_client, story)

    to_requester = [message for message in mailoutbox if requester.email in message.to]
    assert len(to_requester) == 1
    body = to_requester[0].body
    assert "a retiré son consentement" in body
    assert "approuvée" not in body and "approved" not in body


def test_a_story_with_consent_is_announced_as_approved(
    admin_client, mailoutbox, moderation, requester, consenting
):
    story = make_story([consenting])
    moderation.start(story, requester)
    mailoutbox.clear()

    approve(admin_client, story)

    to_requester = [message for message in mailoutbox if requester.email in message.to]
    assert len(to_requester) == 1
    assert "a retiré son consentement" not in to_requester[0].body


def test_approving_from_the_editor_is_refused_with_the_reason(
    admin_client, django_user_model, moderation, withdrawn
):
    story = make_story([withdrawn])
    moderation.start(story, django_user_model.objects.get(username="admin"))
    data = edit_data(
        story,
        [withdrawn],
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = admin_client.post(edit_url(story), data)
    assert response.status_code == 200
    assert "a retiré son consentement" in response.content.decode()
    story.refresh_from_db()
    assert not story.live


def test_bulk_publish_skips_a_story_without_consent(admin_user, withdrawn, consenting):
    refused, accepted = make_story([withdrawn], title="Non"), make_story([consenting], title="Oui")
    ConsentAwarePublishBulkAction.execute_action([refused, accepted], user=admin_user)
    refused.refresh_from_db()
    accepted.refresh_from_db()
    assert (refused.live, accepted.live) == (False, True)


def test_a_legal_name_in_the_text_blocks_publication(consenting):
    body = text_body("<p>Pape Modou Ndoye peint à côté d'Awa Ndiaye.</p>")
    story = make_story([consenting], body=body)
    problems = publication_problems(story.get_latest_revision_as_object())
    assert any("Pape Modou Ndoye" in problem for problem in problems)
    assert not any("Awa Ndiaye" in problem for problem in problems)
    # The surname alone gives the person away too.
    story = make_story([consenting], title="Deux", body=text_body("<p>Un certain Ndoye.</p>"))
    assert publication_problems(story.get_latest_revision_as_object())


def test_a_name_shown_with_consent_is_not_mistaken_for_a_private_one():
    # « Ndiaye » is Awa Ndiaye's public surname; an anonymous person may share it.
    make_artisan(legal_name="Moussa Ndiaye", public_name="", identity="anonymous", name=False)
    story = make_story([artisan_of("Awa Ndiaye")], body=text_body("<p>Awa Ndiaye coud.</p>"))
    assert publication_problems(story.get_latest_revision_as_object()) == []


def test_an_offence_in_the_text_blocks_publication(admin_client, consenting):
    story = make_story([consenting])
    data = edit_data(story, [consenting], **{"action-publish": "publish"})
    data["body-0-value"] = rich_text("<p>Elle a été condamnée pour escroquerie.</p>")
    response = admin_client.post(edit_url(story), data)
    assert "affaire judiciaire" in response.content.decode()
    story.refresh_from_db()
    assert not story.live
