"""Uploaded photos lose their EXIF/GPS, XMP and comments: in the original and every rendition."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import pre_save
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from stories.image_metadata import strip_new_image_files

from .conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db

Image = get_image_model()
RENDITIONS = ("fill-40x40", "width-30|format-webp", "width-30|format-png", "original")


def metadata_of(path_or_bytes):
    """What a file still says beyond its pixels."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    picture = PILImage.open(io.BytesIO(data))
    exif = picture.getexif()
    return {
        "exif": dict(exif),
        "gps": dict(exif.get_ifd(0x8825)),
        "info": sorted(key for key in picture.info if key in {"exif", "xmp", "comment"}),
        "raw": [
            word
            for word in (b"GPSLatitude", b"TelephoneDuSurveillant", b"cellule 4")
            if word in data
        ],
    }


CLEAN = {"exif": {}, "gps": {}, "info": [], "raw": []}


def assert_clean_everywhere(image):
    assert metadata_of(Path(settings.MEDIA_ROOT, image.file.name)) == CLEAN
    for spec in RENDITIONS:
        rendition = image.get_rendition(spec)
        assert metadata_of(Path(settings.MEDIA_ROOT, rendition.file.name)) == CLEAN, spec


def test_the_test_photo_really_carries_gps():
    found = metadata_of(jpeg_with_gps())
    assert found["gps"][1] == "N" and found["raw"]


def test_wagtail_alone_would_keep_the_gps_in_renditions():
    """Why we strip originals: Willow copies a JPEG's EXIF into its JPEG renditions."""
    pre_save.disconnect(strip_new_image_files, sender=Image)
    try:
        image = Image.objects.create(
            title="Brute",
            file=SimpleUploadedFile("brute.jpg", jpeg_with_gps()),
            collection=Collection.get_first_root_node(),
        )
    finally:
        pre_save.connect(strip_new_image_files, sender=Image)
    rendition = image.get_rendition("fill-40x40")
    assert metadata_of(Path(settings.MEDIA_ROOT, rendition.file.name))["gps"]


def upload_one(client, filename, title):
    """The image form, as an editor sends it: a title and a file."""
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(filename, jpeg_with_gps(), "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_the_image_form_strips_the_original_and_so_every_rendition(admin_client):
    response = upload_one(admin_client, "atelier.jpg", "Atelier")
    assert response.status_code == 302
    image = Image.objects.get(title="Atelier")
    assert_clean_everywhere(image)
    stored = Path(settings.MEDIA_ROOT, image.file.name).read_bytes()
    assert image.file_size == len(stored)


def test_the_multiple_upload_strips_too_and_turns_the_photo_upright(admin_client):
    # Orientation 6: the phone was held sideways; the tag that says so goes with the rest.
    photo = jpeg_with_gps(size=(64, 48), orientation=6)
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("telephone.jpg", photo, "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"]
    image = Image.objects.get(title="Telephone")
    assert_clean_everywhere(image)
    assert (image.width, image.height) == (48, 64)


def test_png_text_chunks_are_removed_too():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Location", "Maison d'arrêt de Dakar")
    output = io.BytesIO()
    PILImage.new("RGB", (20, 20), "blue").save(output, "PNG", pnginfo=info)
    image = Image.objects.create(
        title="Capture",
        file=SimpleUploadedFile("capture.png", output.getvalue()),
        collection=Collection.get_first_root_node(),
    )
    assert b"Dakar" not in Path(settings.MEDIA_ROOT, image.file.name).read_bytes()


def test_a_file_named_after_an_artisan_is_renamed(admin_client):
    admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Portrait",
            "file": SimpleUploadedFile("portrait-pape-modou-ndoye.jpg", jpeg_with_gps()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    image = Image.objects.get(title="Portrait")
    assert "ndoye" not in image.file.name.lower()
    assert "ndoye" not in image.get_rendition("fill-40x40").url.lower()
    # Ordinary names stay readable for search engines.
    admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Tabouret",
            "file": SimpleUploadedFile("tabouret-vene.jpg", jpeg_with_gps()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert "tabouret-vene" in Image.objects.get(title="Tabouret").file.name


def upload_many(client, filename, **fields):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile(filename, jpeg_with_gps(), "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
            **fields,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"]
    return Image.objects.get(pk=response.json()["image_id"])


@pytest.mark.parametrize("title", [None, "sac-cuir-tresse_02", "sac-cuir-tresse_02.jpg"])
def test_an_upload_titled_by_its_file_name_gets_a_title_in_words(admin_client, title):
    fields = {} if title is None else {"title": title}
    image = upload_many(admin_client, "sac-cuir-tresse_02.jpg", **fields)
    assert image.title == "Sac cuir tresse 02"


def test_a_title_the_editor_wrote_is_kept(admin_client):
    response = upload_one(admin_client, "sac-cuir-tresse_02.jpg", "Sac en cuir tressé, vu de face")
    assert response.status_code == 302
    assert Image.objects.filter(title="Sac en cuir tressé, vu de face").exists()


def test_the_demos_images_are_titled_in_words():
    titles = list(Image.objects.values_list("title", flat=True))
    assert titles
    # « atelier-couture-2 », « sac_02 »: a word of slugs joined by dashes or underscores.
    slug_like = [
        title
        for title in titles
        if "_" in title or re.search(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b", title)
    ]
    assert slug_like == []
    assert all(title[:1].isupper() for title in titles), titles
