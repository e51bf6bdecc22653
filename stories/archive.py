"""Images of a withdrawn person leave public storage: the original kept privately, the rest deleted.

Which images. The portrait, when the consent no longer covers the face, and the images
of the stories unpublished because of that loss: their hero image and the image blocks
of their body, as the reference index records them. Those stories were about the
person, so their pictures are taken to show them. An image is kept public when another
live page uses it (a product's gallery, a story about someone else) or anything else
does (a snippet, a setting): that page is not about the person, and the image stays
what it is there. Product pictures show the goods, which stay on sale.

How. The original is copied into the private « Dossiers des artisans » collection as
a document, then the Wagtail image is deleted, which deletes its renditions; Wagtail
removes both files from public storage once the transaction commits.

When the original cannot be read (a lost file, an object store that does not answer),
the withdrawal must still be recorded and take effect: the image is already off every
page of the person, its renditions are deleted at once, and a `PendingImageArchive`
row remembers the move to retry (`retry_pending_archives`, run by the daily
`expire_consents`). The failure is logged (server log and the record's history), shown
to the staff who saved the record, and reported by each run of the command until a
retry succeeds.
"""

import logging
import os

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex

from .access import private_collection
from .models import ArtisanRecord, PendingImageArchive

logger = logging.getLogger(__name__)


def archive_image(image, record, user=None, *, portrait=True):
    """Copy the image's original into the private collection, then delete the image.

    Raises whatever the storage raises when the original cannot be read.
    """
    with image.open_file() as handle:
        content = handle.read()
    extension = os.path.splitext(image.file.name)[1].lower() or ".jpg"
    reference = record.pk if record else "sans-dossier"
    if portrait:
        title = _("Portrait taken off the site (record %(reference)s)")
        name = f"portrait-retire-{reference}{extension}"
    else:
        title = _("Story image taken off the site (record %(reference)s)")
        name = f"image-retiree-{reference}-{image.pk}{extension}"
    document = get_document_model()(
        title=title % {"reference": reference},
        collection=private_collection(),
        uploaded_by_user=user,
    )
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    if record is not None:
        if portrait:
            ArtisanRecord.objects.filter(pk=record.pk).update(archived_portrait=document)
        log(
            instance=record,
            action="stories.portrait_archived" if portrait else "stories.image_archived",
            user=user,
        )
    image.delete()
    return document


def take_off_site(image, record, user=None, *, portrait=True):
    """Archive the image; if its original cannot be read, hide it and remember to retry.

    Returns the private document, or None when the move waits for a retry.
    """
    try:
        # A savepoint: a failure leaves neither a half-made document nor a broken transaction.
        with transaction.atomic():
            return archive_image(image, record, user, portrait=portrait)
    except Exception as error:  # noqa: BLE001 - each storage backend raises its own errors
        _remember_failure(image, record, user, error, portrait)
        return None


def _remember_failure(image, record, user, error, portrait):
    for rendition in image.renditions.all():
        rendition.delete()  # its file goes on commit, as Wagtail does for any rendition
    pending, _created = PendingImageArchive.objects.get_or_create(
        image=image, defaults={"record": record, "portrait": portrait}
    )
    pending.attempts += 1
    pending.last_error = f"{type(error).__name__}: {error}"[:1000]
    pending.save()
    if record is not None:
        log(
            instance=record,
            action="stories.image_archive_failed",
            user=user,
            data={"image": image.pk, "error": pending.last_error},
        )
    logger.error(
        "Image %s of record %s could not be moved to private storage (attempt %s): %s",
        image.pk,
        record.pk if record else None,
        pending.attempts,
        pending.last_error,
    )


def retry_pending_archives(user=None):
    """Retry every move that failed; returns (archived, still waiting)."""
    archived, waiting = 0, 0
    for pending in PendingImageArchive.objects.select_related("image", "record"):
        if take_off_site(pending.image, pending.record, user, portrait=pending.portrait):
            archived += 1
        else:
            waiting += 1
    return archived, waiting


def story_images(stories, about_pages):
    """The images these stories use that no other live page, nor anything else, uses.

    `about_pages` are the pages about the person (their artisan pages and these
    stories): references from them do not keep an image public.
    """
    image_type = ContentType.objects.get_for_model(get_image_model())
    page_type = ContentType.objects.get_for_model(Page)
    used = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        object_id__in=[str(story.pk) for story in stories],
        to_content_type=image_type,
    ).values_list("to_object_id", flat=True)
    about = {str(page.pk) for page in about_pages}
    live_pages = set(Page.objects.live().values_list("pk", flat=True))
    images = []
    for image in get_image_model().objects.filter(pk__in=[int(pk) for pk in set(used)]):
        others = ReferenceIndex.get_references_to(image).exclude(object_id__in=about)
        kept = any(
            reference.base_content_type_id != page_type.pk or int(reference.object_id) in live_pages
            for reference in others
        )
        if not kept:
            images.append(image)
    return images
