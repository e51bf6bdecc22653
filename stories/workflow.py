"""The action Wagtail runs when a workflow is approved (`WAGTAIL_FINISH_WORKFLOW_ACTION`).

Wagtail imports this setting while its own models load, so this module imports
nothing at load time and hands over to `stories.publishing` when called.
"""


def publish_workflow_state(workflow_state, user=None):
    """Publish the approved revision unless consent forbids it (see `stories.publishing`)."""
    from .publishing import publish_approved

    return publish_approved(workflow_state, user=user)
