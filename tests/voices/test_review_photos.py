"""Buyers' photos lose their metadata and are resized; hostile uploads are refused."""

import io
import os

import pytest
from PIL import Image
from wagtail.images import get_image_model

from voices.models import ReviewPhoto
from voices.photos import COLLECTION_NAME, MAX_SIDE, MAX_UPLOAD_BYTES

from .conftest import jpeg_bytes, new_reviews, review_data, upload

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
MAKE = 0x010F


def spied_photo(size=(2400, 1800)):
    """A JPEG that says where it was taken and with what."""
    exif = Image.Exif()
    exif[MAKE] = "Téléphone de Binta"
    exif[GPS_IFD] = {1: "N", 2: (14.0, 41.0, 0.0), 3: "W", 4: (17.0, 26.0, 0.0)}
    data = jpeg_bytes(size, exif=exif.tobytes())
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)
    return data


def post_with(client, link, photo, **changes):
    fields = review_data(alt_1="Le tabouret près de la fenêtre", **changes)
    return client.post(link, {**fields, "photo_1": photo})


def stored_images():
    return get_image_model().objects.filter(collection__name=COLLECTION_NAME)


def test_a_photo_loses_its_exif_and_gps_and_is_resized(client, link):
    response = post_with(client, link, upload(spied_photo()), people_agreed="on")
    assert response.status_code == 200
    photo = ReviewPhoto.objects.get(review__in=new_reviews())
    assert photo.alt_text == "Le tabouret près de la fenêtre"
    assert photo.people_agreed is True
    with photo.image.file.open("rb") as stored:
        picture = Image.open(io.BytesIO(stored.read()))
    assert max(picture.size) == MAX_SIDE
    assert picture.size == (1600, 1200)
    assert not picture.getexif()
    assert not picture.getexif().get_ifd(GPS_IFD)
    assert "exif" not in picture.info
    assert photo.image.collection.name == COLLECTION_NAME
    # The file name says nothing of the buyer or of what was uploaded.
    assert os.path.basename(photo.image.file.name).startswith("voice-")


def test_a_photo_needs_a_description(client, link):
    fields = review_data()
    response = client.post(link, {**fields, "photo_1": upload(jpeg_bytes((800, 600)))})
    assert response.status_code == 400
    assert "ce que montre la photo" in response.content.decode().lower()
    assert not new_reviews().exists()


def test_a_file_that_is_not_a_picture_is_refused(client, link):
    images_before = stored_images().count()
    fake = upload(b"#!/bin/sh\nrm -rf /\n" * 50, name="vacances.jpg")
    response = post_with(client, link, fake)
    assert response.status_code == 400
    assert "pas une photo" in response.content.decode()
    assert not new_reviews().exists()
    assert stored_images().count() == images_before


def test_a_picture_in_another_format_is_refused(client, link):
    gif = io.BytesIO()
    Image.new("RGB", (50, 50), (0, 0, 0)).save(gif, format="GIF")
    response = post_with(client, link, upload(gif.getvalue(), name="anim.gif"))
    assert response.status_code == 400
    assert not new_reviews().exists()


def test_a_file_too_large_is_refused(client, link):
    images_before = stored_images().count()
    heavy = upload(jpeg_bytes((64, 64)) + os.urandom(MAX_UPLOAD_BYTES), name="lourde.jpg")
    response = post_with(client, link, heavy)
    assert response.status_code == 400
    assert "trop lourde" in response.content.decode()
    assert not new_reviews().exists()
    assert stored_images().count() == images_before


def test_a_decompression_bomb_is_refused_before_its_pixels_are_read(client, link):
    bomb = io.BytesIO()
    # A few kilobytes on disk, 100 million pixels once opened.
    Image.new("1", (10_000, 10_000)).save(bomb, format="PNG", optimize=True)
    assert len(bomb.getvalue()) < MAX_UPLOAD_BYTES
    images_before = stored_images().count()
    response = post_with(client, link, upload(bomb.getvalue(), name="bombe.png"))
    assert response.status_code == 400
    assert "trop grande" in response.content.decode()
    assert not new_reviews().exists()
    assert stored_images().count() == images_before


def test_a_small_photo_is_kept_at_its_size(client, link):
    post_with(client, link, upload(jpeg_bytes((640, 480))))
    photo = ReviewPhoto.objects.get(review__in=new_reviews())
    assert (photo.image.width, photo.image.height) == (640, 480)
