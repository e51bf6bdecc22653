"""A commission request: amounts, makers named only with consent, pictures checked and private."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from enquiries.fields import HONEYPOT
from enquiries.models import ReferencePicture
from shop import pricing
from stories.models import ArtisanPage, ArtisanRecord, Workshop

from .conftest import mails_to, submissions

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
REQUEST = {
    "what": "Une table basse en bois de vène",
    "size": "120 × 60 cm",
    "budget": "150 000",
    "deadline": "2027-03-01",
    "name": "Moussa Sarr",
    "email": "moussa@example.sn",
    "phone": "+221 77 555 44 33",
}


def picture(name="table.png", picture_format="PNG", gps=False, size=(40, 30)):
    image = Image.new("RGB", size, (120, 80, 40))
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "Camera maker"
        exif.get_ifd(GPS_IFD).update({1: "N", 2: (14.0, 41.0, 0.0), 3: "W", 4: (17.0, 26.0, 0.0)})
    output = io.BytesIO()
    image.save(output, format=picture_format, exif=exif.tobytes() if gps else b"")
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg"}[picture_format]
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def test_the_maker_choice_offers_workshops_and_only_publicly_named_artisans(
    client, commission_page
):
    html = client.get(commission_page.url).content.decode()
    for workshop in Workshop.objects.all():
        assert workshop.name in html
    named = ArtisanPage.objects.live().filter(locale=commission_page.locale, is_anonymous=False)
    assert named.exists()
    for artisan in named:
        assert f'value="artisan:{artisan.pk}"' in html
    for artisan in ArtisanPage.objects.filter(is_anonymous=True):
        assert f'value="artisan:{artisan.pk}"' not in html
    # No legal name of an artisan who is not shown by name reaches the form.
    for record in ArtisanRecord.objects.filter(artisan__is_anonymous=True):
        assert record.legal_name not in html


def test_a_request_is_stored_with_the_budget_in_minor_units(post, commission_page):
    artisan = ArtisanPage.objects.live().filter(
        locale=commission_page.locale, is_anonymous=False
    ).first()
    response = post(commission_page, {**REQUEST, "maker": f"artisan:{artisan.pk}"})
    assert response.status_code == 200
    [submission] = submissions(commission_page)
    data = submission.form_data
    assert data["budget"] == pricing.major_to_minor(150000, commission_page.currency)
    assert data["deadline"] == "2027-03-01"
    assert data["maker"] == f"artisan:{artisan.pk}"
    assert {"what", "size", "budget", "deadline", "maker", "name", "email", "phone"} <= set(data)


def test_an_anonymous_artisan_cannot_be_asked_by_forging_the_choice(post, commission_page):
    hidden = ArtisanPage.objects.filter(is_anonymous=True).first()
    response = post(commission_page, {**REQUEST, "maker": f"artisan:{hidden.pk}"})
    assert response.status_code == 400
    assert submissions(commission_page) == []


def test_shop_managers_are_emailed_with_the_budget_in_the_shops_money(
    post, commission_page, shop_manager
):
    post(commission_page, REQUEST)
    [notice] = mails_to(shop_manager.email)
    amount = pricing.format_money(150000, commission_page.currency, "fr")
    assert amount in notice.body
    assert "/admin/shop/made-to-order/new/?submission=" in notice.body
    [acknowledgement] = mails_to(REQUEST["email"])
    assert "Une table basse en bois de vène" in acknowledgement.body


def test_a_budget_that_is_not_an_amount_is_refused(post, commission_page):
    response = post(commission_page, {**REQUEST, "budget": "beaucoup"})
    assert response.status_code == 400
    assert 'href="#id_budget"' in response.content.decode()
    assert submissions(commission_page) == []


def test_a_filled_honeypot_is_refused_with_400_and_stores_nothing(post, commission_page):
    response = post(commission_page, {**REQUEST, HONEYPOT: "x", "pictures": picture()})
    assert response.status_code == 400
    assert submissions(commission_page) == []
    assert ReferencePicture.objects.count() == 0
    assert mail.outbox == []


def test_posts_beyond_the_rate_limit_get_a_429(post, commission_page, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "enquiries": (1, 3600)}
    assert post(commission_page, REQUEST).status_code == 200
    assert post(commission_page, REQUEST).status_code == 429
    assert len(submissions(commission_page)) == 1


def test_an_executable_renamed_jpg_is_refused(post, commission_page):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00" + b"\x00" * 2000, "image/jpeg")
    response = post(commission_page, {**REQUEST, "pictures": fake})
    assert response.status_code == 400
    assert "photo.jpg" in response.content.decode()
    assert submissions(commission_page) == []
    assert ReferencePicture.objects.count() == 0


def test_a_20_mb_image_is_refused(post, commission_page):
    small = picture(picture_format="JPEG").read()
    huge = SimpleUploadedFile("grande.jpg", small + b"\x00" * (20 * 1024 * 1024), "image/jpeg")
    response = post(commission_page, {**REQUEST, "pictures": huge})
    assert response.status_code == 400
    assert "5 MB" in response.content.decode() or "5 Mo" in response.content.decode()
    assert submissions(commission_page) == []


def test_more_than_three_pictures_are_refused(post, commission_page):
    pictures = [picture(f"p{number}.png") for number in range(4)]
    response = post(commission_page, {**REQUEST, "pictures": pictures})
    assert response.status_code == 400
    assert submissions(commission_page) == []


def test_a_png_with_gps_is_stored_privately_without_its_exif(post, commission_page, settings):
    upload = picture("chez-moi.png", gps=True)
    assert Image.open(io.BytesIO(upload.read())).getexif().get_ifd(GPS_IFD)
    upload.seek(0)
    pictures = [upload, picture("b.jpg", "JPEG")]
    assert post(commission_page, {**REQUEST, "pictures": pictures}).status_code == 200
    [submission] = submissions(commission_page)
    stored = list(ReferencePicture.objects.filter(submission=submission).order_by("pk"))
    assert [p.content_type for p in stored] == ["image/png", "image/jpeg"]
    with stored[0].file.open("rb") as handle:
        cleaned = Image.open(io.BytesIO(handle.read()))
        assert not cleaned.getexif().get_ifd(GPS_IFD)
        assert not cleaned.getexif()
    assert str(settings.PRIVATE_MEDIA_ROOT) in stored[0].file.path
    assert str(settings.MEDIA_ROOT) not in stored[0].file.path
    assert "chez-moi" not in stored[0].file.name  # the sender's file name is not kept as a path
    assert submission.form_data["pictures"] == [p.admin_url() for p in stored]


def test_pictures_are_served_to_shop_managers_only(
    post, commission_page, client, shop_manager, django_user_model
):
    post(commission_page, {**REQUEST, "pictures": picture()})
    stored = ReferencePicture.objects.get()
    address = reverse("enquiries_reference_picture", args=[stored.pk])
    anonymous = client.get(address)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    outsider = django_user_model.objects.create_user("stagiaire", "s@example.sn", "motdepasse")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    refused = client.get(address)  # the admin turns the 403 into a way back to its home
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    client.force_login(shop_manager)
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).format == "PNG"


def test_the_submissions_listing_links_each_request_to_the_made_to_order_view(
    post, commission_page, client, shop_manager
):
    post(commission_page, REQUEST)
    [submission] = submissions(commission_page)
    client.force_login(shop_manager)
    response = client.get(reverse("wagtailforms:list_submissions", args=[commission_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/shop/made-to-order/new/?submission={submission.pk}" in html
    assert "Créer une commande sur mesure" in html
    assert pricing.format_money(150000, commission_page.currency, "fr") in html
    export = client.get(
        reverse("wagtailforms:list_submissions", args=[commission_page.pk]), {"export": "csv"}
    )
    assert export.status_code == 200
    text = b"".join(export.streaming_content).decode()
    assert "Une table basse en bois de vène" in text


def test_the_listing_reads_the_form_fields_once_however_many_submissions(
    post, commission_page, client, shop_manager
):
    address = reverse("wagtailforms:list_submissions", args=[commission_page.pk])
    client.force_login(shop_manager)

    def listing_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        return len(queries)

    post(commission_page, REQUEST)
    client.get(address)  # the admin's first visit warms its own caches
    one = listing_queries()
    for number in range(5):
        post(commission_page, REQUEST, address=f"203.0.113.{30 + number}")
    assert listing_queries() <= one + 1
