"""Reference pictures sent with a commission request: checked, cleaned, kept private.

A picture is judged by its content, never by its name or the type the browser claims:
Pillow must open it as a JPEG, PNG or WebP. Its EXIF (a GPS position, a camera, a date)
is removed before it is stored (`stories.image_metadata.strip_metadata`), and it is
stored in the private storage (`stories.storage`), which has no public address: staff
read it through the admin's picture view, after the form's permission check.
"""

import io
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image

from stories.image_metadata import strip_metadata

MAX_PICTURES = 3
MAX_PICTURE_BYTES = 5 * 1024 * 1024
# Far beyond any photo of a piece of furniture; a picture announcing more pixels is a bomb.
MAX_PICTURE_PIXELS = 40_000_000
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
ACCEPT = ",".join(content_type for _extension, content_type in FORMATS.values())


@dataclass(frozen=True)
class CleanPicture:
    """A picture that passed the checks, without its metadata, ready to store."""

    data: bytes
    extension: str
    content_type: str
    original_name: str

    def storage_name(self):
        """A random name: the sender's file name may say who they are or where."""
        return f"{uuid.uuid4().hex}.{self.extension}"


def clean_picture(upload):
    """The upload as a `CleanPicture`, or a ValidationError saying why it is refused."""
    name = (upload.name or "")[:200]
    if upload.size > MAX_PICTURE_BYTES:
        raise ValidationError(
            _("« %(name)s » is larger than %(size)s MB: send a smaller picture.")
            % {"name": name, "size": MAX_PICTURE_BYTES // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read()
    not_a_picture = ValidationError(
        _("« %(name)s » is not a JPEG, PNG or WebP picture.") % {"name": name},
        code="not_a_picture",
    )
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture_format = picture.format
            width, height = picture.size
            if picture_format not in FORMATS or width * height > MAX_PICTURE_PIXELS:
                raise not_a_picture
            picture.verify()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise not_a_picture from error
    extension, content_type = FORMATS[picture_format]
    return CleanPicture(
        data=strip_metadata(data) or data,
        extension=extension,
        content_type=content_type,
        original_name=name,
    )


def clean_pictures(uploads):
    """Every upload checked (at most `MAX_PICTURES`); all their errors at once."""
    if len(uploads) > MAX_PICTURES:
        raise ValidationError(
            _("Send at most %(count)s pictures.") % {"count": MAX_PICTURES}, code="too_many"
        )
    cleaned, errors = [], []
    for upload in uploads:
        try:
            cleaned.append(clean_picture(upload))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return cleaned
