"""Admin forms of stories and artisans.

The publication policy's reasons reach the editor through `shop.publication`'s
`PublicationCheckMixin`: saving a draft is never blocked, the checks run only when the
editor publishes, schedules or approves in a workflow.
"""

from django.db.models import Q

from shop.publication import PublicationCheckedPageForm

from .slugs import unique_slug


class StoryPageForm(PublicationCheckedPageForm):
    """The story editor: the featured artisans' consent is checked on publication."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "artisans" in self.fields:
            self.fields["artisans"].queryset = self.artisans_to_offer()

    def artisans_to_offer(self):
        """Artisans in the story's language, and those it already names.

        Every artisan exists once per language: listing them all would show each name twice.
        A translated story may still name its original's artisans; they stay offered so that
        saving keeps them.
        """
        queryset = self.fields["artisans"].queryset
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id is None:
            return queryset
        chosen = self.instance.artisans.all() if self.instance.pk else []
        return queryset.filter(Q(locale_id=locale_id) | Q(pk__in=[a.pk for a in chosen]))


class ArtisanPageForm(PublicationCheckedPageForm):
    """The artisan editor: no name or slug to type, both follow the private record."""

    def _post_clean(self):
        super()._post_clean()
        if self.instance.pk is None and self.parent_page is not None:
            # A new page has no place in the tree yet: give it a free slug under its parent.
            name = self.instance.derive_public_identity().name
            self.instance.slug = unique_slug(self.parent_page, name)
