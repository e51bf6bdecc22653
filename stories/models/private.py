"""What only staff may see: each artisan's private record and the site's protected documents.

Nothing here is part of a page, so nothing here reaches page revisions, previews,
the page editor or the search index. Page editors have no permission on these
models; the « Référents consentement » group does (see `stories.access`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument

from .. import privacy
from ..signals import consent_to_apply
from ..storage import private_storage


class ProtectedDocument(AbstractDocument):
    """A document kept outside the public media folder.

    Its file is only ever streamed by Wagtail's document view
    (`WAGTAILDOCS_SERVE_METHOD = "serve_view"`), which applies the view
    restriction of the document's collection: consent forms and withdrawn
    portraits are readable by consent staff only.
    """

    file = models.FileField(upload_to="documents", storage=private_storage, verbose_name=_("file"))

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class Identity(models.TextChoices):
    """How an artisan chose to appear on the site."""

    FULL_NAME = "full_name", pgettext_lazy("identity level", "Full name")
    FIRST_NAME = "first_name", _("First name only")
    PSEUDONYM = "pseudonym", _("Pseudonym")
    ANONYMOUS = "anonymous", _("Anonymous")


class ConsentState(models.TextChoices):
    """Where an artisan's consent stands on a given day."""

    VALID = "valid", _("valid")
    NOT_GIVEN = "not_given", _("not given")
    NOT_YET = "not_yet", _("not yet in force")
    EXPIRED = "expired", _("expired")
    WITHDRAWN = "withdrawn", _("withdrawn")


@dataclass(frozen=True)
class Coverage:
    """What may be shown of an artisan on a given day, once dates are taken into account."""

    state: str
    name: bool = False
    face: bool = False
    story: bool = False

    @property
    def is_valid(self):
        return self.state == ConsentState.VALID

    @property
    def label(self):
        return ConsentState(self.state).label


class ArtisanRecord(models.Model):
    """An artisan's private record: civil identity, staff notes and consent.

    The artisan page shows only what this record allows: its title, URL,
    portrait and profile are derived from it (`stories.consent`). Saving a
    record applies the change to every public surface at once.
    """

    artisan = models.OneToOneField(
        "stories.ArtisanPage",
        verbose_name=_("artisan page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="private_record",
        help_text=_("The public page this record governs."),
    )
    identity = models.CharField(
        _("public identity"),
        max_length=20,
        choices=Identity.choices,
        default=Identity.ANONYMOUS,
        help_text=_(
            "How the artisan chose to appear. Full name and first name need consent for the "
            "name; a pseudonym does not. Without valid consent, the site shows « anonymous »."
        ),
    )
    public_name = models.CharField(
        _("name shown"),
        max_length=120,
        blank=True,
        help_text=_(
            "Exactly what the site shows: the full name, the first name or the pseudonym the "
            "artisan chose. Leave empty for an anonymous artisan."
        ),
    )
    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        help_text=_("Civil identity, for staff only. Never published."),
    )
    private_notes = models.TextField(
        _("private notes"),
        blank=True,
        help_text=_(
            "Practical follow-up for staff only (payments, contacts, wishes). Never write "
            "offences, charges, sentences or anything about a judicial case here."
        ),
    )
    consent_document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("signed consent form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload it to the « Dossiers des artisans » collection, which is private."),
    )
    consent_name = models.BooleanField(_("consents to their name"), default=False)
    consent_face = models.BooleanField(_("consents to their face"), default=False)
    consent_story = models.BooleanField(_("consents to their story"), default=False)
    consent_given_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_valid_until = models.DateField(
        _("consent valid until"),
        null=True,
        blank=True,
        help_text=_("Last day the consent is valid, if the artisan set a limit."),
    )
    consent_withdrawn_on = models.DateField(
        _("consent withdrawn on"),
        null=True,
        blank=True,
        help_text=_(
            "Set it the day the artisan withdraws: their stories are unpublished, their page "
            "becomes anonymous and their portrait is taken off the site at once."
        ),
    )
    archived_portrait = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("portrait taken off the site"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("artisan's private record")
        verbose_name_plural = _("artisans' private records")

    def __str__(self):
        # Shown in admin logs and choosers: the public identity, never the legal name.
        if self.artisan_id:
            return str(self.artisan)
        return str(_("Record without a page (#%(id)s)") % {"id": self.pk})

    def coverage(self, on=None):
        """What the consent allows on the given day (today by default)."""
        on = on or timezone.localdate()
        if self.consent_withdrawn_on and self.consent_withdrawn_on <= on:
            return Coverage(ConsentState.WITHDRAWN)
        if not self.consent_given_on:
            return Coverage(ConsentState.NOT_GIVEN)
        if self.consent_given_on > on:
            return Coverage(ConsentState.NOT_YET)
        if self.consent_valid_until and self.consent_valid_until < on:
            return Coverage(ConsentState.EXPIRED)
        return Coverage(
            ConsentState.VALID,
            name=self.consent_name,
            face=self.consent_face,
            story=self.consent_story,
        )

    def consent_status(self):
        """The consent today, in a few words, for the list of records."""
        coverage = self.coverage()
        if coverage.is_valid and self.consent_valid_until:
            return _("%(state)s until %(date)s") % {
                "state": coverage.label,
                "date": formats.date_format(self.consent_valid_until, "SHORT_DATE_FORMAT"),
            }
        return coverage.label

    consent_status.short_description = _("consent today")

    def shown_name(self, on=None):
        """The name the site may show on that day, or "" when the artisan must be anonymous."""
        coverage = self.coverage(on)
        if not coverage.is_valid or not self.public_name.strip():
            return ""
        if self.identity == Identity.PSEUDONYM:
            return self.public_name.strip()
        if self.identity in (Identity.FULL_NAME, Identity.FIRST_NAME) and coverage.name:
            return self.public_name.strip()
        return ""

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.identity != Identity.ANONYMOUS and not self.public_name.strip():
            errors["public_name"] = _("Give the name to show, or choose « anonymous ».")
        if self.identity == Identity.ANONYMOUS and self.public_name.strip():
            errors["public_name"] = _("An anonymous artisan has no name shown: leave it empty.")
        if self.identity in (Identity.FULL_NAME, Identity.FIRST_NAME) and not self.consent_name:
            errors["identity"] = _(
                "The consent does not cover the name: choose a pseudonym or « anonymous »."
            )
        if (
            self.identity in (Identity.PSEUDONYM, Identity.FIRST_NAME)
            and self.public_name.strip()
            and privacy.normalise(self.public_name) == privacy.normalise(self.legal_name)
        ):
            errors["public_name"] = _(
                "This is the legal name: a first name or a pseudonym must differ from it."
            )
        covers_something = self.consent_name or self.consent_face or self.consent_story
        if covers_something and not self.consent_given_on:
            errors["consent_given_on"] = _("Give the date the consent was given.")
        if self.consent_given_on and self.consent_given_on > today:
            errors["consent_given_on"] = _("This date is in the future.")
        if self.consent_withdrawn_on and self.consent_withdrawn_on > today:
            errors["consent_withdrawn_on"] = _(
                "Record the withdrawal on the day it happens, not in advance."
            )
        if (
            self.consent_given_on
            and self.consent_valid_until
            and self.consent_valid_until < self.consent_given_on
        ):
            errors["consent_valid_until"] = _("The consent cannot end before it was given.")
        found = privacy.offence_terms_in(self.private_notes)
        if found:
            errors["private_notes"] = _(
                "Never record judicial matters here (found: « %(term)s »)."
            ) % {"term": found[0]}
        if errors:
            raise ValidationError(errors)

    def artisan_ids_to_refresh(self):
        """Artisan pages whose consent a save of this record changes, read before saving.

        The page it names now, and the one it named before when it moved to another: that
        person is no longer covered by this record.
        """
        previous_artisan_id = (
            ArtisanRecord.objects.filter(pk=self.pk).values_list("artisan_id", flat=True).first()
            if self.pk
            else None
        )
        artisan_ids = []
        if previous_artisan_id and previous_artisan_id != self.artisan_id:
            artisan_ids.append(previous_artisan_id)
        if self.artisan_id:
            artisan_ids.append(self.artisan_id)
        return artisan_ids

    def save(self, *args, apply_consent_on_commit=True, **kwargs):
        """Save; a record saved without `stories.consent.save_record` is applied on commit.

        The record's admin views and the demo loader save through that service, which
        saves with `apply_consent_on_commit=False` and refreshes the pages in the same
        transaction. This safety net is for any other save (a shell, a script, a data
        fix): without it the site would go on showing what the person no longer agrees
        to. It runs once the record is committed, not inside the caller's transaction,
        because applying a withdrawal moves image files to private storage and clears
        caches, which a rolled-back save could not undo. It asks the service through
        `stories.signals.consent_to_apply` (the service imports this module).
        """
        artisan_ids = self.artisan_ids_to_refresh() if apply_consent_on_commit else []
        super().save(*args, **kwargs)
        if artisan_ids:
            transaction.on_commit(
                lambda: consent_to_apply.send(sender=ArtisanRecord, artisan_ids=artisan_ids)
            )


class PendingImageArchive(models.Model):
    """An image of a withdrawn person whose original could not be moved to private storage.

    The withdrawal itself is recorded and applied regardless: the image is no longer on
    any page of the person and its renditions are deleted. Only the copy of the original
    into the private collection waits; the daily `expire_consents` retries it.
    """

    image = models.OneToOneField(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    record = models.ForeignKey(
        ArtisanRecord,
        verbose_name=_("private record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait = models.BooleanField(_("portrait"), default=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    first_failed_at = models.DateTimeField(_("first failed at"), auto_now_add=True)
    last_tried_at = models.DateTimeField(_("last tried at"), auto_now=True)

    class Meta:
        ordering = ["first_failed_at"]
        verbose_name = _("image waiting to leave public storage")
        verbose_name_plural = _("images waiting to leave public storage")

    def __str__(self):
        return str(_("Image #%(id)s") % {"id": self.image_id})
