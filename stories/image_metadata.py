"""Removing what a photo says beyond its pixels: EXIF (GPS position, camera, date), XMP, comments.

A photo taken in a workshop can carry the coordinates of a prison or of an
artisan's home. Wagtail keeps a JPEG or PNG original's EXIF in the renditions
it makes from it (Willow passes `exif` on when saving), so the original itself
is cleaned when it is uploaded: every rendition made from it is then clean too.

A new image titled with its file name (« sac-cuir-tresse_02 », as Wagtail's upload form
fills it in) gets that name in words instead (« Sac cuir tresse 02 »).
"""

import hashlib
import io
import re
import secrets

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageOps

# Keys of `Image.info` that carry metadata rather than how to draw the pixels.
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc"}
# Formats we re-encode; anything else is left as uploaded.
SAVE_OPTIONS = {
    "JPEG": {"quality": 95},
    "PNG": {"optimize": False},
    "WEBP": {"quality": 95},
    "AVIF": {"quality": 90},
    "GIF": {},
}
ORIENTATION_TAG = 0x0112


def has_metadata(picture):
    """Whether the opened image carries EXIF, XMP, comments or PNG text chunks."""
    if METADATA_KEYS & set(picture.info):
        return True
    if getattr(picture, "text", None):  # PNG tEXt / iTXt / zTXt chunks
        return True
    return bool(picture.getexif())


def strip_metadata(data):
    """The image bytes without metadata, or None when there is nothing to remove.

    The picture is first turned upright from its EXIF orientation, since the
    tag that said how to turn it goes with the rest. A JPEG that needs no
    turning keeps its quantisation tables (`quality="keep"`): no visible loss.
    The colour profile is kept: it says how to draw the colours, nothing more.
    """
    try:
        picture = Image.open(io.BytesIO(data))
        picture_format = picture.format
        if picture_format not in SAVE_OPTIONS or not has_metadata(picture):
            return None
        turned = picture.getexif().get(ORIENTATION_TAG, 1) not in (1, None)
        options = dict(SAVE_OPTIONS[picture_format])
        if picture_format == "JPEG" and not turned:
            options.update(quality="keep", subsampling="keep")
        if picture.info.get("icc_profile"):
            options["icc_profile"] = picture.info["icc_profile"]
        if getattr(picture, "n_frames", 1) > 1:
            options["save_all"] = True
        elif turned:
            picture = ImageOps.exif_transpose(picture)
        picture.load()
        # Pillow writes parts of `info` back when saving: keep only the colour profile.
        picture.info = {key: value for key, value in picture.info.items() if key == "icc_profile"}
        output = io.BytesIO()
        picture.save(output, format=picture_format, exif=b"", **options)
    except (OSError, ValueError, SyntaxError):
        return None  # not an image Pillow can rewrite: Wagtail's own validation will judge it
    return output.getvalue()


def strip_image_file(image):
    """Clean the file of a Wagtail image in place, before it is saved. Returns True if changed.

    Works whether the upload is still in memory (the image form) or already
    written to storage (Wagtail's multiple upload view writes it first).
    """
    field_file = image.file
    field_file.open("rb")
    try:
        field_file.seek(0)
        data = field_file.read()
    finally:
        field_file.seek(0)
    cleaned = strip_metadata(data)
    if cleaned is None:
        return False
    name = field_file.name
    if field_file._committed:
        storage = field_file.storage
        field_file.close()
        storage.delete(name)
        image.file.name = storage.save(name, ContentFile(cleaned))
    else:
        image.file = ContentFile(cleaned, name=name.rsplit("/", 1)[-1])
    picture = Image.open(io.BytesIO(cleaned))
    image.width, image.height = picture.size
    image.file_size = len(cleaned)
    image.file_hash = hashlib.sha1(cleaned, usedforsecurity=False).hexdigest()
    return True


def strip_new_image_files(sender, instance, raw=False, update_fields=None, **kwargs):
    """`pre_save` receiver for the image model: clean any new or replaced original."""
    if raw or (update_fields is not None and "file" not in update_fields) or not instance.file:
        return
    if instance.pk is not None and instance.file._committed:
        stored = sender.objects.filter(pk=instance.pk).values_list("file", flat=True).first()
        if stored == instance.file.name:
            return  # the same file as before: already cleaned when it arrived
    uploaded_stem = file_stem(instance.file.name)
    strip_image_file(instance)
    if not neutral_name_if_personal(instance):
        readable_title_from_file(instance, uploaded_stem)


def file_stem(name):
    """« originals/sac-cuir-tresse_02.jpg » → « sac-cuir-tresse_02 »."""
    base = name.rsplit("/", 1)[-1]
    return base.rpartition(".")[0] or base


def readable_title(stem):
    """A file name as words: « sac-cuir-tresse_02 » → « Sac cuir tresse 02 »."""
    words = re.sub(r"[-_.+\s]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def readable_title_from_file(image, stem):
    """Give a new image whose title is its file name (what Wagtail's upload form fills in) a
    title in words; a title the editor wrote stays as it is."""
    title = (image.title or "").strip()
    if title in ("", stem, image.file.name.rsplit("/", 1)[-1]) and readable_title(stem):
        image.title = readable_title(stem)


def neutral_name_if_personal(image):
    """Rename a new original whose file name spells an artisan's name.

    Rendition URLs repeat the original's file name in every page's HTML, and
    they outlive a withdrawal of consent on product pages: « portrait-awa-
    ndiaye.jpg » becomes « photo-<random>.jpg ». Other file names stay readable.
    """
    from .models import ArtisanRecord

    stem, dot, extension = image.file.name.rsplit("/", 1)[-1].rpartition(".")
    words = set(slugify(stem).split("-"))
    for legal_name, public_name in ArtisanRecord.objects.values_list("legal_name", "public_name"):
        for name in (legal_name, public_name):
            parts = [part for part in slugify(name).split("-") if len(part) > 2]
            if parts and set(parts) <= words:
                # Random, not a hash of the old name: a hash could be matched against names.
                new_name = f"photo-{secrets.token_hex(6)}{dot}{extension}"
                _rename(image, new_name)
                return True
    return False


def _rename(image, new_name):
    field_file = image.file
    if not field_file._committed:
        field_file.name = new_name
        return
    storage, old_name = field_file.storage, field_file.name
    directory = old_name.rsplit("/", 1)[0] + "/" if "/" in old_name else ""
    with storage.open(old_name, "rb") as handle:
        content = handle.read()
    image.file.name = storage.save(directory + new_name, ContentFile(content))
    storage.delete(old_name)
