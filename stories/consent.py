"""Consent, applied: what may be published about an artisan, and what happens when it changes.

Two rules live here and nowhere else:

- `publication_problems()` says why a story or an artisan page may not be
  published (missing or lapsed consent, a private name, a judicial matter).
  Every publish path asks it: the editor's buttons (`stories.forms`),
  `revision.publish()` (`StoryPage.publish`), workflow approval and scheduled
  publishing (`stories.publishing`).
- `refresh_artisan()` applies an artisan's consent to every public surface in
  one transaction: page title and URL, portrait, profile, search index, the
  stories featuring them. It ends by sending `consent_changed`, the one hook
  other code (page caches, CDNs) listens to.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.dispatch import Signal, receiver
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex, Revision
from wagtail.search import index

from shop.cards import forget_cards

from . import archive, privacy
from .models import ArtisanPage, ArtisanRecord, ConsentState, StoryPage, unique_slug

# Sent after an artisan's public identity, portrait or stories changed because of consent.
# Arguments: `record` (ArtisanRecord or None), `change` (ConsentChange).
consent_changed = Signal()


class PublicationRefused(PublishPermissionError):
    """A page may not be published; `problems` says why, in the editor's language."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


@dataclass
class ConsentChange:
    """What `refresh_artisan()` changed on the site."""

    record: ArtisanRecord | None
    artisan_pages: list = field(default_factory=list)
    renamed: bool = False
    lost: set = field(default_factory=set)
    unpublished_stories: list = field(default_factory=list)
    archived_portraits: list = field(default_factory=list)
    archived_images: list = field(default_factory=list)
    # Images off the site whose original could not be moved yet (`stories.archive`).
    pending_images: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(
            self.renamed
            or self.lost
            or self.archived_portraits
            or self.archived_images
            or self.pending_images
        )


# Publication rules --------------------------------------------------------------------


def _date(value):
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def consent_problem(artisan, record, on):
    """Why this artisan cannot be featured in a story published on that day, or None."""
    name = artisan.title
    if record is None:
        return _("« %(name)s » has no consent record: a story cannot feature them.") % {
            "name": name
        }
    coverage = record.coverage(on)
    if coverage.state == ConsentState.WITHDRAWN:
        return _("« %(name)s » withdrew their consent on %(date)s.") % {
            "name": name,
            "date": _date(record.consent_withdrawn_on),
        }
    if coverage.state == ConsentState.EXPIRED:
        return _("The consent of « %(name)s » expired after %(date)s.") % {
            "name": name,
            "date": _date(record.consent_valid_until),
        }
    if coverage.state == ConsentState.NOT_YET:
        return _("The consent of « %(name)s » only starts on %(date)s.") % {
            "name": name,
            "date": _date(record.consent_given_on),
        }
    if coverage.state == ConsentState.NOT_GIVEN:
        return _("« %(name)s » has not given consent yet.") % {"name": name}
    if not coverage.story:
        return _("The consent of « %(name)s » does not cover telling their story.") % {"name": name}
    return None


def consent_problems(artisans, on=None):
    """Why these artisans cannot be featured in a story published on that day."""
    on = on or timezone.localdate()
    artisans = list(artisans)
    records = {
        record.artisan.translation_key: record
        for record in ArtisanRecord.objects.filter(
            artisan__translation_key__in=[artisan.translation_key for artisan in artisans]
        ).select_related("artisan")
    }
    problems = []
    for artisan in artisans:
        problem = consent_problem(artisan, records.get(artisan.translation_key), on)
        if problem:
            problems.append(problem)
    return problems


def page_text(page):
    """Everything a page publishes in words: its fields, stream blocks included."""
    parts = [page.title, page.seo_title, page.search_description]
    for name in ("standfirst", "hero_caption", "hero_credit", "craft", "profile"):
        parts.append(getattr(page, name, "") or "")
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(privacy.collect_text(body.get_prep_value()))
    return " ".join(str(part) for part in parts if part)


def text_problems(text, on=None):
    """Private names and judicial matters found in the text."""
    names = names_on_record(on)
    problems = [
        _(
            "The text contains « %(name)s », a name this person has not agreed to show. "
            "Use the name shown on their page."
        )
        % {"name": name}
        for name in privacy.private_names_in(text, names["forbidden"], names["allowed"])
    ]
    problems += [
        _(
            "The text mentions a judicial matter (« %(term)s »): we never publish offences, "
            "charges or sentences."
        )
        % {"term": term}
        for term in privacy.offence_terms_in(text)
    ]
    return problems


def names_on_record(on=None):
    """Names the site may show, and legal names and surnames it must not, for every artisan."""
    allowed, forbidden = set(), []
    for record in ArtisanRecord.objects.only(
        "identity",
        "public_name",
        "legal_name",
        "consent_name",
        "consent_given_on",
        "consent_valid_until",
        "consent_withdrawn_on",
    ):
        shown = record.shown_name(on)
        if shown:
            allowed.add(shown)
        forbidden += privacy.forbidden_names(record.legal_name, shown)
    return {"allowed": allowed, "forbidden": list(dict.fromkeys(forbidden))}


def publication_problems(page, on=None):
    """Why this story or artisan page may not be published on that day; empty when it may."""
    page = page.specific
    problems = []
    if isinstance(page, StoryPage):
        problems += consent_problems(page.artisans.all(), on)
    if isinstance(page, StoryPage | ArtisanPage):
        problems += text_problems(page_text(page), on)
    return problems


def check_publication(page, on=None):
    """Raise `PublicationRefused` when `publication_problems()` finds anything."""
    problems = publication_problems(page, on)
    if problems:
        raise PublicationRefused(problems)


# Applying a change --------------------------------------------------------------------


def _write_identity(page, identity):
    """Store the derived identity on the page row, without a revision or a slug redirect.

    Wagtail would otherwise record a redirect from the old URL, which spells
    the name the person no longer wants shown.
    """
    page.apply_public_identity(identity)
    if not identity.shows_face:
        page.portrait = None
    new_slug = unique_slug(page.get_parent(), identity.name, page)
    if new_slug != page.slug:
        page.slug = new_slug
        page.set_url_path(page.get_parent())
    ArtisanPage.objects.filter(pk=page.pk).update(
        title=page.title,
        draft_title=page.draft_title,
        seo_title="",
        search_description="",
        slug=page.slug,
        url_path=page.url_path,
        is_anonymous=page.is_anonymous,
        shows_face=page.shows_face,
        shows_profile=page.shows_profile,
        portrait=page.portrait,
    )
    Redirect.objects.filter(redirect_page=page).delete()
    fresh = ArtisanPage.objects.get(pk=page.pk)
    index.insert_or_update_object(fresh)
    # Products are found in search by their maker's name.
    for product in fresh.products.all():
        index.insert_or_update_object(product)


def stories_featuring(artisan_pages):
    """Stories that name these artisans as featured or link to their page."""
    story_type = ContentType.objects.get_for_model(StoryPage)
    linking = ReferenceIndex.get_references_to_in_bulk(list(artisan_pages)).filter(
        content_type=story_type
    )
    linking_ids = [int(pk) for pk in linking.values_list("object_id", flat=True)]
    featuring = StoryPage.objects.filter(artisans__in=artisan_pages).values("pk")
    return StoryPage.objects.filter(models.Q(pk__in=featuring) | models.Q(pk__in=linking_ids))


def withdraw_stories(artisan_pages, lost, user=None):
    """Unpublish and unschedule the stories featuring these artisans, logging why."""
    unpublished = []
    for story in stories_featuring(artisan_pages).distinct():
        Revision.page_revisions.filter(
            object_id=str(story.pk), approved_go_live_at__isnull=False
        ).update(approved_go_live_at=None)
        if not story.live:
            continue
        story.unpublish(user=user, log_action=False)
        log(
            instance=story,
            action="stories.unpublish_consent",
            user=user,
            data={"artisans": [page.pk for page in artisan_pages], "lost": sorted(lost)},
        )
        unpublished.append(story)
    return unpublished


@transaction.atomic
def refresh_artisan(artisan, *, user=None, on=None):
    """Apply an artisan's current consent everywhere, at once. Idempotent.

    `artisan` is an ArtisanPage or its id; every translation of the page is
    updated. When the person loses anything (their name, face or story), the
    stories featuring them are unpublished: they were written under the old
    consent. Returns a `ConsentChange`.
    """
    artisan_id = artisan if isinstance(artisan, int) else artisan.pk
    first = ArtisanPage.objects.get(pk=artisan_id)
    pages = list(
        ArtisanPage.objects.filter(translation_key=first.translation_key).select_related(
            "locale", "workshop", "portrait"
        )
    )
    record = first.get_private_record()
    change = ConsentChange(record=record, artisan_pages=pages)
    portraits = {}
    for page in pages:
        identity = page.derive_public_identity(on, record=record)
        if not page.is_anonymous and page.title != identity.name:
            change.lost.add("name")
        if page.shows_face and not identity.shows_face:
            change.lost.add("face")
        if page.shows_profile and not identity.shows_profile:
            change.lost.add("story")
        stale_portrait = page.portrait_id and not identity.shows_face
        if stale_portrait:
            portraits[page.portrait_id] = page.portrait
        if page.title != identity.name:
            change.renamed = True
        if stale_portrait or page.identity_differs(identity):
            _write_identity(page, identity)
            log(
                instance=page,
                action="stories.identity_update",
                user=user,
                data={"anonymous": identity.is_anonymous, "lost": sorted(change.lost)},
            )
    if change.lost:
        change.unpublished_stories = withdraw_stories(pages, change.lost, user)
    _take_images_off_site(change, portraits, user)
    if change.changed:
        consent_changed.send(sender=ArtisanRecord, record=record, change=change)
    return change


def _take_images_off_site(change, portraits, user):
    """The portraits, then the unpublished stories' images when the face is lost."""
    images = [(image, True) for image in portraits.values()]
    if "face" in change.lost and change.unpublished_stories:
        about = [*change.artisan_pages, *change.unpublished_stories]
        images += [
            (image, False)
            for image in archive.story_images(change.unpublished_stories, about)
            if image.pk not in portraits
        ]
    for image, portrait in images:
        document = archive.take_off_site(image, change.record, user, portrait=portrait)
        if document is None:
            change.pending_images.append(image)
        elif portrait:
            change.archived_portraits.append(document)
        else:
            change.archived_images.append(document)


def expire_consents(on=None):
    """Apply every consent that lapsed or was withdrawn by that day (for a daily cron job)."""
    on = on or timezone.localdate()
    lapsed = ArtisanRecord.objects.filter(artisan__isnull=False).filter(
        models.Q(consent_valid_until__lt=on) | models.Q(consent_withdrawn_on__lte=on)
    )
    changes = [refresh_artisan(record.artisan_id, on=on) for record in lapsed]
    return [change for change in changes if change.changed]


def expiring_soon(days, on=None):
    """Records whose consent ends within `days` days, soonest first, to renew in time."""
    on = on or timezone.localdate()
    return (
        ArtisanRecord.objects.filter(
            artisan__isnull=False,
            consent_withdrawn_on__isnull=True,
            consent_valid_until__gte=on,
            consent_valid_until__lte=on + timezone.timedelta(days=days),
        )
        .select_related("artisan")
        .order_by("consent_valid_until")
    )


@receiver(consent_changed)
def forget_product_cards(sender, change, **kwargs):
    """Product cards name their maker: they are rendered afresh (see `shop.cards`)."""
    forget_cards()


@receiver(consent_changed)
def purge_front_end_cache(sender, change, **kwargs):
    """When a CDN cache is configured (wagtail.contrib.frontend_cache), purge what changed."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    pages = [*change.artisan_pages, *change.unpublished_stories]
    for artisan in change.artisan_pages:
        pages += list(artisan.products.all())
        pages.append(artisan.get_parent())
    pages += [story.get_parent() for story in change.unpublished_stories]
    transaction.on_commit(lambda: purge_pages_from_cache(pages))
