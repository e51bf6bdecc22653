"""Wagtail's workflow e-mails, kept truthful when consent sends an approved story back.

Wagtail sends « approved » after a workflow's finish action has run, even when that action
(`stories.publishing.publish_approved`) refused to publish and asked for changes instead.
"""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved

# Wagtail connects its approval e-mail under this uid in wagtail.admin's ready(), which runs
# after ours (`stories` comes first in INSTALLED_APPS): the receiver connected first wins.
APPROVAL_EMAIL_UID = "workflow_state_approved_email_notification"


class ApprovalEmailNotifier(WorkflowStateApprovalEmailNotifier):
    """Wagtail's « approved » e-mail, only for a workflow that really ended approved."""

    def can_handle(self, instance, **kwargs):
        approved = getattr(instance, "status", None) == WorkflowState.STATUS_APPROVED
        return super().can_handle(instance, **kwargs) and approved


# A module-level instance: signals keep weak references to their receivers.
approval_email_notifier = ApprovalEmailNotifier()


def connect_signals():
    """Called by `StoriesConfig.ready`, before wagtail.admin connects its own."""
    workflow_approved.connect(
        approval_email_notifier, sender=WorkflowState, dispatch_uid=APPROVAL_EMAIL_UID
    )
