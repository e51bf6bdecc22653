"""Consent, applied: what may be published about an artisan, and what happens when it changes.

Two rules live here and nowhere else:

- `publication_problems()` says why a page of any type, or a snippet the site
  shows, may not be published (missing or lapsed consent for a story, a name the
  person does not show, a judicial matter), naming the field. Every publish path
  asks it through `shop.publication` (see there why it lives in `shop`): the
  editor's buttons and forms, `revision.publish()`, workflow approval and
  scheduled publishing (`stories.publishing`), snippet saves in the admin.
- `refresh_artisan()` applies an artisan's consent to every public surface in
  one transaction: page title and URL, portrait, profile, search index, the
  stories featuring them, and every other page or snippet naming them
  (`withdraw_names`). It ends by sending `consent_changed`, the one hook
  other code (page caches, CDNs) listens to. A private record is saved through
  `save_record()`, a workshop through `save_workshop()` (anonymous artisans are named
  after it): each refreshes the artisans in the same transaction and returns what
  changed, for the admin's messages. A record or workshop saved another way asks
  through `stories.signals.consent_to_apply`, answered here.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import Signal, receiver
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search import index

from shop.cards import forget_cards
from shop.publication import PublicationCheckedSnippetForm, PublicationRefused
from voices.moderation import hide_after_consent_change

from . import archive, privacy
from .models import ArtisanPage, ArtisanRecord, ConsentState, StoryPage
from .notifications import notify_editors
from .public_text import public_texts, replace_names, text_fields
from .signals import consent_to_apply
from .slugs import unique_slug

# Sent after an artisan's public identity, portrait or stories changed because of consent.
# Arguments: `record` (ArtisanRecord or None), `change` (ConsentChange).
consent_changed = Signal()


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
    # Pages (and public snippets) that named the person: rewritten, or unpublished.
    rewritten: list = field(default_factory=list)
    unpublished_pages: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(
            self.renamed
            or self.lost
            or self.archived_portraits
            or self.archived_images
            or self.pending_images
            or self.rewritten
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
    records = _records_of(artisans)
    problems = []
    for artisan in artisans:
        problem = consent_problem(artisan, records.get(artisan.translation_key), on)
        if problem:
            problems.append(problem)
    return problems


def is_scheduled_for(page, on):
    """Whether `on` is the page's go-live day, still to come (it is being scheduled)."""
    if not page.go_live_at or on is None:
        return False
    return timezone.localdate(page.go_live_at) == on and on > timezone.localdate()


def schedule_problems(story, on):
    """Why this story cannot be scheduled to go live that day, each naming the artisan and date.

    A consent that ends before the go-live day says when it ends: the editor then picks an
    earlier day or has the consent renewed first.
    """
    artisans = list(story.artisans.all())
    records = _records_of(artisans)
    problems = []
    for artisan in artisans:
        record = records.get(artisan.translation_key)
        if record is not None and record.coverage(on).state == ConsentState.EXPIRED:
            problems.append(
                _(
                    "The consent of « %(name)s » ends on %(date)s, before the scheduled go-live "
                    "on %(go_live)s: choose an earlier day, or have their consent renewed first."
                )
                % {
                    "name": artisan.title,
                    "date": _date(record.consent_valid_until),
                    "go_live": _date(on),
                }
            )
            continue
        problem = consent_problem(artisan, record, on)
        if problem:
            problems.append(
                _("Not on %(go_live)s: %(problem)s") % {"go_live": _date(on), "problem": problem}
            )
    return problems


def _records_of(artisans):
    """Each artisan's private record, by translation key (a record covers every language)."""
    return {
        record.artisan.translation_key: record
        for record in ArtisanRecord.objects.filter(
            artisan__translation_key__in=[artisan.translation_key for artisan in artisans]
        ).select_related("artisan")
    }


def text_problems(text, on=None, names=None):
    """Private names and judicial matters found in the text.

    Pass `names` (from `names_on_record`) when checking several texts on the same day.
    """
    names = names or names_on_record(on)
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
    """Names the site may show, and the names it must not, for every artisan.

    Forbidden: a legal name (and surname) the person does not show, and a public name
    they no longer show (a withdrawn or lapsed consent).
    """
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
        forbidden += privacy.forbidden_names(record.legal_name, shown, record.public_name)
    return {"allowed": allowed, "forbidden": list(dict.fromkeys(forbidden))}


def field_publication_problems(obj, on=None):
    """[(field name or None, message)]: why this page or snippet may not be published that day.

    The one publication policy of the site. Every publish path asks it, through
    `shop.publication` (registered as its hook in `stories.wagtail_hooks`): each message
    names the field it concerns.
    """
    if isinstance(obj, Page):
        obj = obj.specific
    problems = []
    if isinstance(obj, StoryPage):
        if is_scheduled_for(obj, on):
            problems += [("go_live_at", problem) for problem in schedule_problems(obj, on)]
        else:
            problems += [
                ("artisans", problem) for problem in consent_problems(obj.artisans.all(), on)
            ]
    names = names_on_record(on)
    for name, label, text in public_texts(obj):
        problems += [
            (name, _("« %(field)s »: %(problem)s") % {"field": label, "problem": problem})
            for problem in text_problems(text, on, names)
        ]
    return problems


def publication_problems(page, on=None):
    """Why this page or snippet may not be published on that day; empty when it may."""
    return [message for _field, message in field_publication_problems(page, on)]


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
def save_record(record, *, user):
    """Save a private record and apply its consent everywhere, in one transaction.

    The one way the site changes a record: its admin views and the demo loader call it
    (`ArtisanRecord.save()` only keeps a safety net for other saves). Returns the
    `ConsentChange` of each artisan the record concerns, the one it named before first
    when it moved to another page, for the admin to tell its user what happened.
    """
    artisan_ids = record.artisan_ids_to_refresh()
    record.save(apply_consent_on_commit=False)
    return [refresh_artisan(artisan_id, user=user) for artisan_id in artisan_ids]


@transaction.atomic
def save_workshop(workshop, *, user):
    """Save a workshop and rename the anonymous artisans named after it, in one transaction.

    The workshop's admin views call it (`Workshop.save()` only keeps a safety net for
    other saves). Returns the `ConsentChange` of each artisan a new name renamed, for the
    admin to tell its user what happened.
    """
    artisan_ids = workshop.artisan_ids_to_refresh()
    workshop.save(apply_consent=False)
    return [refresh_artisan(artisan_id, user=user) for artisan_id in artisan_ids]


@receiver(consent_to_apply)
def apply_for_safety_net(sender, artisan_ids, **kwargs):
    """A record or workshop saved without its service: apply the consent it changes."""
    for artisan_id in artisan_ids:
        refresh_artisan(artisan_id)


@receiver(post_delete, sender=ArtisanRecord)
def anonymise_after_deletion(sender, instance, **kwargs):
    """Without its record, a page shows an anonymous artisan (also after a bulk delete)."""
    if instance.artisan_id:
        refresh_artisan(instance.artisan_id)


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
    former_names = {page.title for page in pages if not page.is_anonymous}
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
    if "name" in change.lost:
        withdraw_names(change, names_withdrawn(record, former_names, on), user, on)
    # Last: the stories unpublished above (featuring or naming them) are known by now.
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


def names_withdrawn(record, former_names, on=None):
    """The names of one person the site may no longer show: legal, surname, former public."""
    shown = record.shown_name(on) if record else ""
    names = list(former_names)
    if record is not None:
        names += privacy.forbidden_names(record.legal_name, shown, record.public_name)
    return [
        name for name in dict.fromkeys(names) if privacy.normalise(name) != privacy.normalise(shown)
    ]


def public_snippet_models():
    """Snippets the public site shows: those whose admin form asks the publication policy."""
    return [
        model
        for model in apps.get_models()
        if issubclass(getattr(model, "base_form_class", object), PublicationCheckedSnippetForm)
    ]


def _names_in(obj, names, allowed):
    text = " ".join(text for _name, _label, text in public_texts(obj))
    return privacy.private_names_in(text, names, allowed)


def withdraw_names(change, names, user=None, on=None):
    """Take these names off every public page and snippet, in this transaction.

    What DESIGN asks: a withdrawal holds everywhere, and sales go on. So a page naming the
    person (« conçue par Awa Ndiaye » in a product's description) keeps its place and shows
    them the way their page does now (« Artisan anonyme, Atelier du Baobab »): a new
    revision of its live content is published by the site, logged, and its editors are
    told to reword it (a draft in progress stays in the page's history). A
    product stays on sale. A story is unpublished instead (it was written under the old
    consent), as are pages the rewrite cannot clear (a name in their address). Search
    entries follow the publication; cards and CDNs listen to `consent_changed`.
    """
    if not names:
        return
    allowed = names_on_record(on)["allowed"]
    replacements = {
        page.locale_id: page.title
        for page in ArtisanPage.objects.filter(pk__in=[page.pk for page in change.artisan_pages])
    }
    fallback = next(iter(replacements.values()))
    artisan_ids = {page.pk for page in change.artisan_pages}
    for page in list(Page.objects.live().exclude(pk__in=artisan_ids).specific()):
        if not _names_in(page, names, allowed):
            continue
        if isinstance(page, StoryPage):
            _unpublish_naming(page, change, user)
            change.unpublished_stories.append(page)
            continue
        replace_names(page, names, replacements.get(page.locale_id, fallback), allowed)
        try:
            page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
        except PublicationRefused:
            _unpublish_naming(page, change, user)
            change.unpublished_pages.append(page)
            continue
        log(instance=page, action="stories.names_withdrawn", user=user)
        notify_editors(page)
        change.rewritten.append(page)
    for model in public_snippet_models():
        for snippet in model.objects.all():
            if _names_in(snippet, names, allowed):
                replace_names(snippet, names, fallback, allowed)
                # A snippet has no revisions: its row is what the site shows.
                model.objects.filter(pk=snippet.pk).update(
                    **{
                        model_field.name: getattr(snippet, model_field.name)
                        for model_field in text_fields(model)
                    }
                )
                index.insert_or_update_object(model.objects.get(pk=snippet.pk))
                log(instance=snippet, action="stories.names_withdrawn", user=user)
                change.rewritten.append(snippet)


def _unpublish_naming(page, change, user):
    """Unpublish a page that still names someone who withdrew, saying why in its history."""
    page.unpublish(user=user, log_action=False)
    log(
        instance=page,
        action="stories.unpublish_consent",
        user=user,
        data={"artisans": [artisan.pk for artisan in change.artisan_pages], "lost": ["name"]},
    )
    notify_editors(page)


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
def hide_buyers_voices(sender, change, **kwargs):
    """Buyers' voices naming or showing the person are hidden, like every other surface."""
    if change.lost:
        hide_after_consent_change([page.pk for page in change.artisan_pages], change.lost)


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
