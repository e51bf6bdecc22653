"""Admin for private records and workshops, the publication policy's hooks, the history's words."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, PageChooserPanel
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.log_actions import LogFormatter, log
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from shop.publication import PUBLICATION_HOOK

from .access import sees_private_records
from .choosers import chooser_start
from .consent import (
    PublicationRefused,
    field_publication_problems,
    publication_problems,
    save_record,
    save_workshop,
)
from .dashboard import ExpiringConsentsPanel
from .models import ArtisanRecord, Workshop
from .workflow import DEFAULT_NAMES, in_editors_language


def _only_for_consent_staff(view):
    def guarded(request, *args, **kwargs):
        if not sees_private_records(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class ArtisanRecordChooserViewSet(SnippetChooserViewSet):
    """The record chooser, for consent staff only, in the order of the names the site shows.

    Wagtail's choosers check no permission to list objects, and the model's own order is
    the legal name: any staff member could have read the records' order off it.
    """

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = _only_for_consent_staff(pattern.callback)
        return patterns

    def get_object_list(self):
        # Injected into the chooser's views: `self` is the view.
        return ArtisanRecord.objects.select_related("artisan").order_by("artisan__title", "pk")


IMAGES_ARCHIVED = ngettext_lazy(
    "%(count)s image of their stories was taken off the site and kept privately.",
    "%(count)s images of their stories were taken off the site and kept privately.",
    "count",
)
STORIES_UNPUBLISHED = ngettext_lazy(
    "%(count)s story featuring them was unpublished.",
    "%(count)s stories featuring them were unpublished.",
    "count",
)


def report_consent_changes(request, changes):
    """Tell the consent staff what their change did to the public site."""
    for change in changes:
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
            (change.archived_images, IMAGES_ARCHIVED),
            (change.unpublished_stories, STORIES_UNPUBLISHED),
        ]
        for items, message in counted:
            if items:
                text += " " + message % {"count": len(items)}
        messages.success(request, text)
        if change.pending_images:
            count = len(change.pending_images)
            messages.warning(
                request,
                ngettext(
                    "%(count)s image could not be moved to private storage (its file could "
                    "not be read). It is no longer shown; the daily « expire_consents » job "
                    "retries the move.",
                    "%(count)s images could not be moved to private storage (their files "
                    "could not be read). They are no longer shown; the daily « expire_consents "
                    "» job retries the move.",
                    count,
                )
                % {"count": count},
            )


class ConsentAppliedMixin:
    """Create and edit views that save through a consent service, then say what changed.

    `save_service` is `save_record` for private records, `save_workshop` for workshops.
    Wagtail's own save action would call `save()`, whose safety net applies the consent
    and tells nobody; the service applies it in the view's transaction and returns the
    changes shown below Wagtail's « saved » message.
    """

    log_action = None
    save_service = None
    consent_changes = ()

    def save_instance(self):
        instance = self.form.save(commit=False)
        self.consent_changes = self.save_service(instance, user=self.request.user)
        self.form.save_m2m()
        # The history entry Wagtail's action writes for any snippet.
        log(
            instance=instance,
            action=self.log_action,
            user=self.request.user,
            content_changed=self.form.has_changed(),
        )
        return instance

    def save_action(self):
        response = super().save_action()
        report_consent_changes(self.request, self.consent_changes)
        return response


class ConsentAppliedCreateView(ConsentAppliedMixin, CreateView):
    log_action = "wagtail.create"


class ConsentAppliedEditView(ConsentAppliedMixin, EditView):
    log_action = "wagtail.edit"


class ConsentAppliedViewSet(SnippetViewSet):
    """A snippet whose create and edit views save through its consent service."""

    add_view_class = ConsentAppliedCreateView
    edit_view_class = ConsentAppliedEditView
    save_service = None

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(save_service=self.save_service, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(save_service=self.save_service, **kwargs)

    def get_copy_view_kwargs(self, **kwargs):
        # Wagtail's copy view saves a new object: the model's safety net covers it.
        return super().get_add_view_kwargs(**kwargs)


class WorkshopViewSet(ConsentAppliedViewSet):
    """Workshops, in the Snippets menu: a new name renames the anonymous artisans."""

    model = Workshop
    save_service = staticmethod(save_workshop)


class ArtisanRecordViewSet(ConsentAppliedViewSet):
    """Private records: only superusers and the « Référents consentement » group see this menu.

    A record is saved and applied at once (a withdrawal, most often).
    """

    model = ArtisanRecord
    save_service = staticmethod(save_record)
    chooser_viewset_class = ArtisanRecordChooserViewSet
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
    )


register_snippet(ArtisanRecordViewSet)
register_snippet(WorkshopViewSet)

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

    @actions.register_action("stories.image_archived")
    class ImageArchived(LogFormatter):
        label = _("Story image taken off the site")
        message = _("An image of their stories was taken off the site and kept privately.")

    @actions.register_action("stories.image_archive_failed")
    class ImageArchiveFailed(LogFormatter):
        label = _("Image move failed")

        def format_message(self, log_entry):
            return _(
                "Image #%(image)s is off the site but could not be moved to private storage "
                "(%(error)s); it will be retried."
            ) % {"image": log_entry.data.get("image"), "error": log_entry.data.get("error")}

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


@hooks.register("register_admin_urls")
def register_chooser_start_urls():
    """Where the page choosers of story blocks open (`stories.choosers`)."""
    return [
        path("choose-start/<slug:start>/", chooser_start, name="stories_chooser_start"),
        path(
            "choose-start/<slug:start>/<int:parent_page_id>/",
            chooser_start,
            name="stories_chooser_start_child",
        ),
    ]


class SubmitInEditorsLanguage(SubmitForModerationMenuItem):
    """« Submit to … »: the default workflow's name in the editor's language, not as stored."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        label = str(context.get("label", ""))
        for name in DEFAULT_NAMES:
            label = label.replace(name, in_editors_language(name))
        context["label"] = label
        return context


@hooks.register("construct_page_action_menu")
def submit_in_editors_language(menu_items, request, context):
    for position, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[position] = SubmitInEditorsLanguage(order=item.order)


@hooks.register("insert_global_admin_js")
def readable_upload_titles():
    """Upload forms propose a title in words, not the file name (`stories.image_metadata`)."""
    return format_html('<script src="{}" defer></script>', static("js/admin-image-titles.js"))
