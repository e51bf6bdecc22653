"""Admin for private records, the publication policy's hooks, and the history's wording."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shop.publication import PUBLICATION_HOOK

from .consent import PublicationRefused, field_publication_problems, publication_problems
from .dashboard import ExpiringConsentsPanel
from .forms import ArtisanRecordForm
from .models import ArtisanRecord


class ArtisanRecordViewSet(SnippetViewSet):
    """Private records: only superusers and the « Référents consentement » group see this menu."""

    model = ArtisanRecord
    icon = "lock"
    menu_label = _("Private records")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["__str__", "legal_name", "identity", "consent_status"]
    list_per_page = 50
    edit_handler = ObjectList(
        [
            PageChooserPanel("artisan", "stories.ArtisanPage"),
            MultiFieldPanel(
                [FieldPanel("identity"), FieldPanel("public_name")],
                heading=_("Public identity"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("consent_name"),
                    FieldPanel("consent_face"),
                    FieldPanel("consent_story"),
                    FieldPanel("consent_given_on"),
                    FieldPanel("consent_valid_until"),
                    FieldPanel("consent_withdrawn_on"),
                    FieldPanel("consent_document"),
                ],
                heading=_("Consent"),
            ),
            MultiFieldPanel(
                [FieldPanel("legal_name"), FieldPanel("private_notes")],
                heading=_("Private details (staff only)"),
            ),
        ],
        base_form_class=ArtisanRecordForm,
    )


register_snippet(ArtisanRecordViewSet)

# The one publication policy, for every page type and public snippet (see `shop.publication`).
hooks.register(PUBLICATION_HOOK, field_publication_problems)


@hooks.register("before_publish_page")
def refuse_publication(request, page):
    """The editor's « Publish »: the last word, on the revision just saved as a draft.

    The form already put most reasons beside their fields; this also sees what the form
    cannot (inline panels such as a gallery's alternative texts, images' titles). The
    draft stays saved, the editor reads why it was not published.
    """
    problems = publication_problems(page.get_latest_revision_as_object())
    if not problems:
        return None
    messages.error(request, _("Not published: %(problems)s") % {"problems": " ".join(problems)})
    return redirect("wagtailadmin_pages:edit", page.pk)


def _report_consent_changes(request, instance):
    """Tell the consent staff what their change did to the public site."""
    if not isinstance(instance, ArtisanRecord):
        return
    for change in getattr(instance, "last_changes", []):
        if not change.changed:
            continue
        page = change.artisan_pages[0]
        page.refresh_from_db(fields=["title"])
        text = _("The site now shows this artisan as « %(name)s ».") % {"name": page.title}
        if change.archived_portraits:
            text += " " + str(_("Their portrait was taken off the site and kept privately."))
        # Counted pieces of news, each in the singular or plural (`count` is their number).
        counted = [
            (
                change.rewritten,
                ngettext_lazy(
                    "%(count)s other page or item naming them now shows this name instead.",
                    "%(count)s other pages or items naming them now show this name instead.",
                    "count",
                ),
            ),
            (
                change.unpublished_pages,
                ngettext_lazy(
                    "%(count)s page still naming them was unpublished.",
                    "%(count)s pages still naming them were unpublished.",
                    "count",
                ),
            ),
            (
                change.unpublished_stories,
                ngettext_lazy(
                    "%(count)s story featuring them was unpublished.",
                    "%(count)s stories featuring them were unpublished.",
                    "count",
                ),
            ),
        ]
        for items, message in counted:
            if items:
                text += " " + message % {"count": len(items)}
        messages.success(request, text)


hooks.register("after_create_snippet", _report_consent_changes)
hooks.register("after_edit_snippet", _report_consent_changes)


class ConsentAwarePublishBulkAction(PublishBulkAction):
    """Wagtail's bulk « Publish », skipping pages that consent or their text forbid publishing."""

    def check_perm(self, page):
        if not super().check_perm(page):
            return False
        latest = page.get_latest_revision_as_object()
        return not publication_problems(latest)

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, **kwargs):
        published, published_descendants = 0, 0
        for page in objects:
            revision = page.get_latest_revision() or page.specific.save_revision(user=user)
            try:
                revision.publish(user=user)
            except PublicationRefused:
                continue
            published += 1
            if include_descendants:
                for draft in page.get_descendants().not_live().specific().iterator():
                    if user is not None and not draft.permissions_for_user(user).can_publish():
                        continue
                    draft_revision = draft.get_latest_revision() or draft.save_revision(user=user)
                    try:
                        draft_revision.publish(user=user)
                    except PublicationRefused:
                        continue
                    published_descendants += 1
        return published, published_descendants


# Registered last, so it replaces Wagtail's own « publish » bulk action for pages.
hooks.register("register_bulk_action", ConsentAwarePublishBulkAction, order=100)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    @actions.register_action("stories.unpublish_consent")
    class UnpublishedForConsent(LogFormatter):
        label = _("Unpublish: consent")
        message = _(
            "Unpublished automatically: a featured artisan's consent no longer covers this story."
        )

    @actions.register_action("stories.identity_update")
    class IdentityUpdated(LogFormatter):
        label = _("Public identity update")

        def format_message(self, log_entry):
            if log_entry.data.get("anonymous"):
                return _("Public identity updated from the consent record: now anonymous.")
            return _("Public identity updated from the consent record.")

    @actions.register_action("stories.publication_refused")
    class PublicationRefusedFormatter(LogFormatter):
        label = _("Publication refused")

        def format_message(self, log_entry):
            problems = " ".join(log_entry.data.get("problems", []))
            return _("Publication refused: %(problems)s") % {"problems": problems}

    @actions.register_action("stories.names_withdrawn")
    class NamesWithdrawn(LogFormatter):
        label = _("Names withdrawn")
        message = _(
            "Rewritten automatically: a person it named withdrew their consent or it lapsed; "
            "it now shows the name their page shows."
        )

    @actions.register_action("stories.portrait_archived")
    class PortraitArchived(LogFormatter):
        label = _("Portrait taken off the site")
        message = _("The portrait was taken off the site and kept in the private collection.")


@hooks.register("construct_homepage_panels")
def add_consent_panel(request, panels):
    panels.append(ExpiringConsentsPanel(request))
