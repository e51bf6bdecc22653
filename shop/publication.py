"""Where every publication asks the site's publication policy, whichever app owns the content.

The policy itself (no legal name a person did not agree to show, no offence, a story only
within its artisans' consent) is `stories.consent`'s, and nowhere else. But products and
categories live in `shop`, which imports none of our apps (DESIGN: `stories` uses `shop`,
never the reverse). So the policy reaches them through Wagtail's hook registry: `stories`
registers it under `PUBLICATION_HOOK` (`stories/wagtail_hooks.py`) and everything here only
asks the hooks. `home` and `stories` use the same pieces, so every page type and publicly
shown snippet is checked alike:

- `PublicationGuardMixin` on each page model: `publish()` refuses (`PublicationRefused`)
  whatever calls it: the editor's buttons, `revision.publish()`, workflow approval,
  scheduled publishing, bulk actions, code;
- `PublicationCheckMixin` on the admin forms: the editor reads the reason beside the field
  before anything is published (saving a page's draft is never blocked; saving a snippet
  is its publication, so it is always checked).
"""

from django.utils import timezone
from wagtail import hooks
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

# Each function registered under this name takes (obj, on) and returns a list of
# (field name or None, message in the editor's language).
PUBLICATION_HOOK = "publication_problems"


class PublicationRefused(PublishPermissionError):
    """A page or snippet may not be published; `problems` says why, in the editor's language."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


def field_problems(obj, on=None):
    """[(field name or None, message)]: why this object may not be published on that day."""
    on = on or timezone.localdate()
    return [problem for check in hooks.get_hooks(PUBLICATION_HOOK) for problem in check(obj, on)]


def publication_problems(obj, on=None):
    """The messages of `field_problems()`: empty when the object may be published."""
    return [message for _field, message in field_problems(obj, on)]


def check_publication(obj, on=None):
    """Raise `PublicationRefused` when the policy finds anything."""
    problems = publication_problems(obj, on)
    if problems:
        raise PublicationRefused(problems)


def publication_day(page):
    """The day a page goes live: its scheduled day, else today (consent is judged on it)."""
    if page.go_live_at and page.go_live_at > timezone.now():
        return timezone.localdate(page.go_live_at)
    return timezone.localdate()


class PublicationGuardMixin:
    """For page models: no publication (or schedule) the policy refuses, whoever asks."""

    def publish(self, revision, *args, **kwargs):
        candidate = revision.as_object()
        check_publication(candidate, on=publication_day(candidate))
        return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        # A page created already live in code skips `publish()`: check it here.
        if self.pk is None and self.live:
            check_publication(self)
        return super().save(*args, **kwargs)


def is_publishing(data):
    """Whether the editor pressed « Publish » (or scheduled) or approved in a workflow."""
    if data.get("action-publish"):
        return True
    approving = data.get("workflow-action-name") == "approve"
    return bool(data.get("action-workflow-action")) and approving


class PublicationCheckMixin:
    """Puts the policy's reasons on the edited object's form, beside the field they concern."""

    def checks_publication(self):
        """Pages are checked when published; a snippet's every save publishes it."""
        return is_publishing(self.data) if isinstance(self, WagtailAdminPageForm) else True

    def check_before_publishing(self):
        on = publication_day(self.instance) if hasattr(self.instance, "go_live_at") else None
        for field, message in field_problems(self.instance, on):
            self.add_error(field if field in self.fields else None, message)

    def _post_clean(self):
        super()._post_clean()
        # The instance now holds the submitted values, stream blocks included.
        if self.checks_publication() and not self.errors:
            self.check_before_publishing()


class PublicationCheckedPageForm(PublicationCheckMixin, WagtailAdminPageForm):
    """The editor of page types that need nothing else in their form."""


class PublicationCheckedSnippetForm(PublicationCheckMixin, WagtailAdminModelForm):
    """The editor of snippets shown on the public site (partners, workshops, categories)."""
