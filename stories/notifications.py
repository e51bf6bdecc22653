"""E-mails to editors about consent: Wagtail's workflow e-mails kept truthful, and notices
of pages the site rewrote or unpublished because a person withdrew.

Wagtail sends « approved » after a workflow's finish action has run, even when that action
(`stories.publishing.publish_approved`) refused to publish and asked for changes instead.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved
from wagtail.users.models import UserProfile

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


def editors_of(page):
    """Who wrote the page: its owner and the authors of its revisions, with an e-mail."""
    users = [page.owner, *(revision.user for revision in page.revisions.select_related("user"))]
    return sorted({user.email for user in users if user is not None and user.email})


def notify_editors(page):
    """Tell a page's editors it changed because someone may no longer be named, once committed.

    The message gives no name: it only says where to look (the page's history says more).
    """
    recipients = editors_of(page)
    if not recipients:
        return
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])
    subject = _("« %(title)s » changed: a person may no longer be named") % {"title": page.title}
    body = _(
        "A person portrayed on the site withdrew their consent or it lapsed. The page "
        "« %(title)s » named them: the site now shows the name their page shows, or took the "
        "page off the site. Please reread it and reword it: %(url)s"
    ) % {"title": page.title, "url": edit_url}
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))


def schedule_author(revision, page):
    """Who scheduled the page: the scheduled revision's author, else the page's owner."""
    for user in (revision.user, page.owner):
        if user is not None and user.email:
            return user
    return None


def notify_schedule_refused(page, revision, reasons):
    """Tell whoever scheduled the page that it did not go live, why, and where to edit it.

    `reasons(page)` gives the reasons; it is asked in the author's own admin language.
    """
    author = schedule_author(revision, page)
    if author is None:
        return
    edit_url = settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk])
    with translation.override(UserProfile.get_for_user(author).get_preferred_language()):
        subject = _("« %(title)s » did not go live as scheduled") % {"title": page.title}
        body = _(
            "The page « %(title)s » was scheduled to go live, but the site refused to publish "
            "it: %(reasons)s\n\nIt is no longer scheduled. Please reread it, then publish or "
            "schedule it again: %(url)s"
        ) % {"title": page.title, "reasons": " ".join(reasons(page)), "url": edit_url}
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [author.email])
    )
