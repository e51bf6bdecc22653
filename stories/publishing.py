"""Publishing paths Wagtail runs without an editor's form: workflow approval and schedules.

Both ask `stories.consent.publication_problems` first, for every page type; a refused
page goes back to its editors with the reason, in the page history and the workflow.
"""

from functools import partial

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.signals import workflow_rejected

from .consent import publication_problems
from .notifications import notify_schedule_refused


def publish_approved(workflow_state, user=None):
    """Publish the approved revision of a finished workflow, if consent allows.

    Otherwise the workflow is sent back for changes with the reason as the
    reviewer's comment, exactly as if the last reviewer had asked for changes (and
    `stories.notifications` keeps Wagtail from also announcing it approved).
    """
    revision = workflow_state.content_object.get_latest_revision()
    candidate = revision.as_object()
    problems = publication_problems(candidate)
    if not problems:
        revision.publish(user=user)
        return
    reason = " ".join(problems)
    task_state = workflow_state.current_task_state
    if task_state is not None:
        task_state.status = TaskState.STATUS_REJECTED
        task_state.comment = reason
        task_state.save(update_fields=["status", "comment"])
    workflow_state.status = WorkflowState.STATUS_NEEDS_CHANGES
    workflow_state.save(update_fields=["status"])
    # Whoever asked for the review gets Wagtail's « changes requested » e-mail, with the reason.
    workflow_rejected.send(sender=WorkflowState, instance=workflow_state, user=user)
    log(
        instance=candidate,
        action="stories.publication_refused",
        user=user,
        data={"problems": problems},
        revision=revision,
    )


def refuse_scheduled_without_consent(now=None):
    """Unschedule the pages due now that may not be published.

    Run by our `publish_scheduled` before Wagtail's, so one refused story never
    stops the others from going live. The refusal is logged in the page's history and
    e-mailed to whoever scheduled it (`notify_schedule_refused`). Returns the refused pages.
    """
    now = now or timezone.now()
    day = timezone.localdate(now)
    refused = []
    due = Revision.page_revisions.filter(approved_go_live_at__lt=now)
    for revision in due.order_by("approved_go_live_at"):
        candidate = revision.as_object()
        problems = publication_problems(candidate, on=day)
        if not problems:
            continue
        revision.approved_go_live_at = None
        revision.save(update_fields=["approved_go_live_at"])
        log(
            instance=candidate,
            action="stories.publication_refused",
            data={"problems": problems},
            revision=revision,
        )
        notify_schedule_refused(candidate, revision, partial(publication_problems, on=day))
        refused.append(candidate)
    return refused
