"""Buyers' photos: checked, cleaned of metadata, resized, then stored as Wagtail images.

A photo is decoded by Pillow and written anew as a JPEG at most `MAX_SIDE` pixels on its
longer side, so nothing of the uploaded file survives but its pixels: no EXIF, GPS, XMP
or comment. What is not a picture, a file over `MAX_UPLOAD_BYTES`, or a picture whose
header announces more than `MAX_PIXELS` (a decompression bomb: a few kilobytes that
would unpack into gigabytes) is refused before its pixels are read.
"""

import io
import secrets
import warnings

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps
from wagtail.images import get_image_model
from wagtail.models import Collection

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
COLLECTION_NAME = "Photos des acheteurs"


def cleaned_photo(upload):
    """The upload as clean JPEG bytes, or `ValidationError` saying why it is refused."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This photo is too large: at most %(megabytes)s MB.")
            % {"megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    not_a_photo = ValidationError(_("This file is not a photo (JPEG, PNG or WebP)."))
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            picture = Image.open(io.BytesIO(data))
            if picture.format not in ACCEPTED_FORMATS:
                raise not_a_photo
            width, height = picture.size
            if width * height > MAX_PIXELS:
                raise _too_many_pixels()
            picture.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _too_many_pixels() from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise not_a_photo from None
    picture = ImageOps.exif_transpose(picture)
    picture = picture.convert("RGB")
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    output = io.BytesIO()
    picture.save(output, format="JPEG", quality=85, optimize=True)
    return output.getvalue()


def _too_many_pixels():
    return ValidationError(
        _("This picture is too big to open (more than %(megapixels)s million pixels).")
        % {"megapixels": MAX_PIXELS // 1_000_000}
    )


def photos_collection():
    """The collection buyers' photos go to, apart from the site's own pictures."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=COLLECTION_NAME).first() or root.add_child(
        name=COLLECTION_NAME
    )


def store_photo(data, title):
    """A Wagtail image of cleaned bytes, under a random file name that says nothing."""
    name = f"voice-{secrets.token_hex(8)}.jpg"
    image = get_image_model()(title=title, collection=photos_collection())
    image.file = ImageFile(io.BytesIO(data), name=name)
    image.save()
    return image
