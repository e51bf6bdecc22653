"""Admin forms of stories and artisans.

The publication policy's reasons reach the editor through `shop.publication`'s
`PublicationCheckMixin`: saving a draft is never blocked, the checks run only when the
editor publishes, schedules or approves in a workflow.
"""

from django.apps import apps
from django.db.models import Q
from django.utils.translation import gettext as _

from shop.publication import PublicationCheckedPageForm

from .slugs import unique_slug


def consent_label(artisan, record):
    """An artisan in the story's checklist: their public name and their consent today.

    « Mariama · consent valid until 09/12/2026 », « … · consent withdrawn », « … · anonymous ».
    Only what the public identity panel shows editors: never a legal name.
    """
    if record is None:
        status = _("no consent record")
    else:
        status = _("consent %(status)s") % {"status": record.consent_status()}
    parts = [artisan.title, status]
    if artisan.is_anonymous:
        parts.append(_("anonymous"))
    return " · ".join(str(part) for part in parts)


class StoryPageForm(PublicationCheckedPageForm):
    """The story editor: the featured artisans' consent is checked on publication, and each
    artisan of the checklist shows their consent today (`consent_label`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "artisans" in self.fields:
            field = self.fields["artisans"]
            field.queryset = self.artisans_to_offer()
            records = {
                record.artisan.translation_key: record
                # By its label: `stories.models` imports this module.
                for record in apps.get_model("stories", "ArtisanRecord")
                .objects.filter(
                    artisan__translation_key__in=field.queryset.values("translation_key")
                )
                .select_related("artisan")
            }
            field.label_from_instance = lambda artisan: consent_label(
                artisan, records.get(artisan.translation_key)
            )

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
