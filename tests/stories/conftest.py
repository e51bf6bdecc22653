"""Helpers for the stories tests: artisans with a chosen consent, stories, staff users."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from stories.access import CONSENT_GROUP_NAME
from stories.consent import save_record
from stories.models import (
    ArtisanIndexPage,
    ArtisanPage,
    ArtisanRecord,
    StoryIndexPage,
    StoryPage,
    Workshop,
)

TODAY = timezone.localdate()


def text_body(html="<p>Un paragraphe.</p>"):
    return [{"type": "text", "value": html}]


def record_of(legal_name):
    return ArtisanRecord.objects.select_related("artisan").get(legal_name=legal_name)


def artisan_of(legal_name):
    return ArtisanPage.objects.get(pk=record_of(legal_name).artisan_id)


def record_form_data(record, **changes):
    """What the private record editor posts for this record, with these changes."""
    data = {
        "artisan": record.artisan_id,
        "identity": record.identity,
        "public_name": record.public_name,
        "legal_name": record.legal_name,
        "private_notes": record.private_notes,
        "consent_document": record.consent_document_id or "",
        "consent_given_on": record.consent_given_on.isoformat(),
        "consent_valid_until": (
            record.consent_valid_until.isoformat() if record.consent_valid_until else ""
        ),
        "consent_withdrawn_on": "",
    }
    for field in ("consent_name", "consent_face", "consent_story"):
        if getattr(record, field):
            data[field] = "on"
    data.update(changes)
    return data


def make_artisan(
    legal_name="Mariama Ba",
    public_name="Mariama",
    identity="first_name",
    *,
    name=True,
    face=True,
    story=True,
    given=TODAY - timedelta(days=30),
    until=None,
    withdrawn=None,
    workshop=None,
):
    """A published artisan page and its private record, consent as asked."""
    page = ArtisanPage(
        workshop=workshop or Workshop.objects.first(),
        craft="brodeuse",
        profile="<p>Elle brode.</p>",
        live=False,
    )
    ArtisanIndexPage.objects.get(locale__language_code="fr").add_child(instance=page)
    save_record(
        ArtisanRecord(
            artisan=page,
            identity=identity,
            public_name=public_name,
            legal_name=legal_name,
            consent_name=name,
            consent_face=face,
            consent_story=story,
            consent_given_on=given,
            consent_valid_until=until,
            consent_withdrawn_on=withdrawn,
        ),
        user=None,
    )
    page = ArtisanPage.objects.get(pk=page.pk)
    page.save_revision().publish()
    return ArtisanPage.objects.get(pk=page.pk)


def make_story(artisans=(), title="Une histoire de test", body=None, **fields):
    """A draft story under the story index, featuring these artisans."""
    story = StoryPage(
        title=title,
        standfirst=fields.pop("standfirst", "Le début de l'histoire."),
        body=body or text_body(),
        live=False,
        **fields,
    )
    StoryIndexPage.objects.get(locale__language_code="fr").add_child(instance=story)
    story.artisans.set(artisans)
    story.save()  # a draft never published keeps its content on the page row too
    story.save_revision()
    return StoryPage.objects.get(pk=story.pk)


def story_form_data(story, artisans, blocks=None, **extra):
    """What the story editor posts: the story's fields, these artisans and body blocks."""
    data = nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "standfirst": story.standfirst,
            "date": story.date.isoformat(),
            "tags": "",
            "body": streamfield(blocks or [("text", rich_text("<p>Un paragraphe.</p>"))]),
        }
    )
    data["artisans"] = [artisan.pk for artisan in artisans]
    data.update(extra)
    return data


def jpeg_with_gps(size=(64, 48), orientation=None):
    """JPEG bytes carrying a camera name, GPS coordinates, XMP and a comment, as phones write."""
    picture = PILImage.new("RGB", size, (180, 90, 40))
    exif = picture.getexif()
    exif[0x010F] = "TelephoneDuSurveillant"
    exif[0x8825] = {1: "N", 2: (14.0, 41.0, 12.5), 3: "W", 4: (17.0, 26.0, 3.2)}
    if orientation:
        exif[0x0112] = orientation
    output = io.BytesIO()
    picture.save(
        output, "JPEG", exif=exif, xmp=b"<x:xmpmeta>GPSLatitude</x:xmpmeta>", comment=b"cellule 4"
    )
    return output.getvalue()


def public_urls(languages=None):
    """Every address a visitor or a crawler can reach on the demo (in these languages)."""
    prefixes = [f"/{code}/" for code, _name in settings.LANGUAGES if code in (languages or [code])]
    urls = {"/sitemap.xml"} | {
        f"{prefix}{view}/" for prefix in prefixes for view in ("cart", "search")
    }
    for page in Page.objects.live().public().specific():
        url = page.url
        # Each page lives under its own language's prefix (translations have their own).
        if url and url.startswith(tuple(prefixes)):
            urls.add(url)
    for index in StoryIndexPage.objects.live():
        base = index.url
        if not base.startswith(tuple(prefixes)):
            continue
        urls |= {base + "rss/", base + "atom/", base + "?page=2"}
        for story in StoryPage.objects.child_of(index).live():
            for tag in story.tags.all():
                urls |= {f"{base}?theme={tag.slug}", f"{base}rss/?theme={tag.slug}"}
            for artisan in story.artisans.all():
                urls |= {f"{base}?workshop={artisan.workshop_id}", f"{base}?artisan={artisan.pk}"}
    return sorted(urls)


@pytest.fixture(scope="session")
def warm_renditions(django_db_setup, django_db_blocker):
    """Visit every public page once for the whole session, outside any test's transaction.

    The image renditions they need are then made and kept once, instead of
    being made again (and rolled back) by every test that crawls the site.
    """
    with django_db_blocker.unblock():
        visitor = Client()
        for url in public_urls():
            visitor.get(url)


@pytest.fixture(autouse=True)
def forget_cached_renditions():
    """Wagtail caches renditions; a rolled-back test must not leave rows the cache still names."""
    caches["default"].clear()


@pytest.fixture
def keep_portrait_files(db):
    """Put back the image files a test deletes for real; its database changes roll back.

    The demo is loaded once per session, so a file deleted by one test would be
    missing for the next. A withdrawal deletes portraits and story images.
    """
    saved = {}
    for image in get_image_model().objects.all():
        for name in [image.file.name, *image.renditions.values_list("file", flat=True)]:
            path = Path(settings.MEDIA_ROOT, name)
            if path.exists():
                saved[path] = path.read_bytes()
    yield
    for path, content in saved.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


@pytest.fixture
def editor(django_user_model):
    """A communications editor: Wagtail's « Editors » group, no consent permissions."""
    user = django_user_model.objects.create_user("redaction", "redaction@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def consent_officer(django_user_model):
    user = django_user_model.objects.create_user("referent", "referent@example.org", "x")
    user.groups.add(Group.objects.get(name=CONSENT_GROUP_NAME))
    return user


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()
