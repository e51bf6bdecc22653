"""How shop reaches the models of the app above it (stories) without importing it.

shop imports none of the site's other apps (docs/conventions.md). Its foreign keys name
stories' models by these labels (`models.ForeignKey(relations.ARTISAN, ...)`), and code
that needs one of those models at run time calls the function beside its label, which
asks Django's app registry for the same model: one label per model, one way to reach it.
"""

from django.apps import apps

ARTISAN = "stories.ArtisanPage"
STORY = "stories.StoryPage"
WORKSHOP = "stories.Workshop"


def artisan_model():
    """The artisan page model (`stories.ArtisanPage`)."""
    return apps.get_model(ARTISAN)


def story_model():
    """The story page model (`stories.StoryPage`)."""
    return apps.get_model(STORY)


def workshop_model():
    """The workshop snippet model (`stories.Workshop`)."""
    return apps.get_model(WORKSHOP)
