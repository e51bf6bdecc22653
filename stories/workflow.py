"""The action Wagtail runs when a workflow is approved (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Wagtail imports this setting while its own models load, so this module imports
nothing at load time but Django's translation, and hands over to `stories.publishing`
when called.

It also names Wagtail's default workflow and task in each editor's language: their names
live in the database (French since `stories` migration 0005), and Wagtail's menu joins
them to its own words (« Soumettre à … » / « Submit to … »).
"""

from django.utils.translation import gettext_lazy as _

# Names of the default workflow and task, as stored, and how each editor reads them.
DEFAULT_NAMES = ("Moderators approval", "Validation par les modérateurs")
DEFAULT_NAME = _("Moderators approval")


def in_editors_language(name):
    """A workflow or task name in the editor's language when it is the default one."""
    return str(DEFAULT_NAME) if name in DEFAULT_NAMES else name


def publish_workflow_state(workflow_state, user=None):
    """Publish the approved revision unless consent forbids it (see `stories.publishing`)."""
    from .publishing import publish_approved

    return publish_approved(workflow_state, user=user)
