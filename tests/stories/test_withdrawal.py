"""A withdrawal or an expiry takes the person off every public surface at once; sales go on."""

import contextlib
import io
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, Revision

from shop.emails import order_page_url
from shop.models import ProductPage, ShopSettings
from stories.consent import PublicationRefused, consent_changed, refresh_artisan, save_record
from stories.models import ArtisanPage, ArtisanRecord, StoryIndexPage
from tests.sales import place

from .conftest import (
    TODAY,
    make_artisan,
    make_story,
    public_urls,
    record_form_data,
    record_of,
)

pytestmark = pytest.mark.django_db

NAME_WORDS = ("Ibrahima", "Sarr")


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def assert_no_name(content):
    for word in NAME_WORDS:
        assert word not in content, word


@pytest.fixture
def withdrawal(admin_client, django_capture_on_commit_callbacks, keep_portrait_files):
    """Ibrahima Sarr withdraws; the consent staff record it in the admin, in one request."""
    record = record_of("Ibrahima Sarr")
    before = {
        "page": ArtisanPage.objects.get(pk=record.artisan_id),
        "stories": list(record.artisan.stories.live()),
        "products": list(record.artisan.products.live()),
    }
    before["portrait"] = before["page"].portrait
    before["portrait"].get_renditions("fill-480x480|format-webp", "fill-240x240|format-webp")
    before["rendition_files"] = [
        Path(settings.MEDIA_ROOT, rendition.file.name)
        for rendition in before["portrait"].renditions.all()
    ]
    before["original_file"] = Path(settings.MEDIA_ROOT, before["portrait"].file.name)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailsnippets_stories_artisanrecord:edit", args=[record.pk]),
            record_form_data(record, consent_withdrawn_on=TODAY.isoformat()),
            follow=True,
        )
    assert response.status_code == 200
    before["response"] = response
    return before


def test_the_artisan_page_becomes_anonymous_at_a_new_address(client, withdrawal):
    page = ArtisanPage.objects.get(pk=withdrawal["page"].pk)
    assert page.title == "Artisan anonyme, Atelier du Baobab"
    assert page.is_anonymous and not page.shows_face and not page.shows_profile
    response = client.get(page.url)
    assert response.status_code == 200
    assert_no_name(response.content.decode())
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".portrait--placeholder") is not None
    assert "choisi de ne pas être présenté" in html.get_text()
    # The old address spelled the name: it is gone, with no redirect to the new one.
    assert client.get(withdrawal["page"].url).status_code == 404
    assert not Redirect.objects.filter(redirect_page=page).exists()


def test_the_stories_featuring_them_are_unpublished_with_a_reason(client, withdrawal):
    assert withdrawal["stories"]
    for story in withdrawal["stories"]:
        story.refresh_from_db()
        assert not story.live
        entry = PageLogEntry.objects.get(page=story, action="stories.unpublish_consent")
        assert "consentement" in entry.message
        assert client.get(story.url or f"/fr/histoires/{story.slug}/").status_code == 404


def test_the_portrait_leaves_public_storage_and_is_kept_privately(withdrawal):
    portrait = withdrawal["portrait"]
    assert not get_image_model().objects.filter(pk=portrait.pk).exists()
    assert not withdrawal["original_file"].exists()
    assert withdrawal["rendition_files"]
    assert not any(path.exists() for path in withdrawal["rendition_files"])
    archived = record_of("Ibrahima Sarr").archived_portrait
    path = Path(archived.file.path)
    assert path.exists()
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents
    with pytest.raises(NotImplementedError):
        archived.file.url  # noqa: B018 - a private file has no public URL


def test_their_products_stay_on_sale_attributed_anonymously(client, withdrawal):
    for product in withdrawal["products"]:
        product = ProductPage.objects.get(pk=product.pk)
        assert product.live
        response = client.get(product.url)
        content = response.content.decode()
        assert_no_name(content)
        assert "Artisan anonyme, Atelier du Baobab" in content
        if product.stock:
            assert BeautifulSoup(content, "html.parser").select_one("form.add-to-cart")


def test_search_feeds_and_sitemap_forget_the_name(client, withdrawal):
    for query in ("Ibrahima Sarr", "Sarr", "Ibrahima"):
        html = BeautifulSoup(client.get("/fr/search/", {"q": query}).content, "html.parser")
        assert html.select(".search-results li") == [], query
    index = StoryIndexPage.objects.get(locale__language_code="fr")
    for feed in ("rss/", "atom/"):
        assert_no_name(client.get(index.url + feed).content.decode())
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "ibrahima" not in sitemap
    assert ArtisanPage.objects.get(pk=withdrawal["page"].pk).url_path.split("/")[-2] in sitemap


def test_no_public_page_names_them_any_more(client, withdrawal, warm_renditions):
    for url in public_urls(languages=["fr"]):
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for word in NAME_WORDS:
            assert word not in content, f"{word} in {url}"


def test_a_scheduled_story_featuring_them_is_unscheduled(django_capture_on_commit_callbacks):
    record = record_of("Khady Badji")
    story = make_story([record.artisan])
    story.go_live_at = timezone.now() + timedelta(days=3)
    story.save_revision().publish()
    assert Revision.objects.filter(object_id=str(story.pk)).exclude(approved_go_live_at=None)
    record.consent_withdrawn_on = TODAY
    save_record(record, user=None)
    assert not Revision.objects.filter(object_id=str(story.pk)).exclude(approved_go_live_at=None)


def test_the_admin_says_what_changed(withdrawal):
    text = text_of(withdrawal["response"])
    assert "Le site présente désormais cet artisan comme « Artisan anonyme" in text
    assert "histoires qui le présentent ont été dépubliées" in text
    assert "Son portrait a été retiré du site" in text


def test_other_code_hears_about_it_through_one_signal(django_capture_on_commit_callbacks):
    heard = []

    def listener(sender, record, change, **kwargs):
        heard.append((record, change))

    consent_changed.connect(listener)
    try:
        record = record_of("Awa Ndiaye")
        record.consent_withdrawn_on = TODAY
        save_record(record, user=None)
    finally:
        consent_changed.disconnect(listener)
    assert len(heard) == 1
    heard_record, change = heard[0]
    assert heard_record == record
    assert {"name", "face", "story"} <= change.lost
    assert change.unpublished_stories


def test_an_old_revision_shows_today_s_identity_and_cannot_bring_the_name_back(withdrawal):
    page = ArtisanPage.objects.get(pk=withdrawal["page"].pk)
    first = page.revisions.order_by("created_at").first()
    restored = first.as_object()  # what a preview or a revert would show
    assert restored.title.startswith("Artisan anonyme")
    assert restored.portrait is None
    # Its profile names him: publishing it again is refused.
    with pytest.raises(PublicationRefused, match="Sarr"):
        first.publish()
    page.refresh_from_db()
    assert page.title.startswith("Artisan anonyme")


def test_a_portrait_cannot_be_put_back_without_face_consent(admin_client, withdrawal):
    page = ArtisanPage.objects.get(pk=withdrawal["page"].pk)
    image = get_image_model().objects.first()
    page.portrait = image
    with pytest.raises(Exception, match="visage|face"):
        page.full_clean()


def test_expiry_is_applied_by_the_daily_command(
    client, django_capture_on_commit_callbacks, keep_portrait_files
):
    record = record_of("Fatou Diatta")
    stories = list(record.artisan.stories.live())
    # The consent ended yesterday; nobody saved the record since.
    ArtisanRecord.objects.filter(pk=record.pk).update(consent_valid_until=TODAY - timedelta(days=1))
    page = ArtisanPage.objects.get(pk=record.artisan_id)
    assert client.get(page.url).status_code == 200  # still named until the command runs

    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_consents", stdout=output)

    page.refresh_from_db()
    assert page.title == "Artisan anonyme, Atelier Kassoumay"
    assert "Fatou" not in client.get(page.url).content.decode()
    for story in stories:
        story.refresh_from_db()
        assert not story.live
    assert "Consent applied to page" in output.getvalue()
    # Running it again changes nothing.
    output = io.StringIO()
    call_command("expire_consents", stdout=output)
    assert "No consent changed" in output.getvalue()


def test_the_command_lists_consents_to_renew():
    make_artisan(legal_name="Coumba Fall", public_name="Coumba", until=TODAY + timedelta(days=20))
    output = io.StringIO()
    call_command("expire_consents", stdout=output)
    assert "To renew: « Coumba »" in output.getvalue()


def test_a_workshop_renamed_renames_its_anonymous_artisans():
    workshop = record_of("Samba Dieng").artisan.workshop
    workshop.name = "Centre Jàng"
    workshop.save()
    assert record_of("Samba Dieng").artisan.title == "Artisan anonyme, Centre Jàng"


def test_refreshing_without_a_change_is_a_no_op():
    change = refresh_artisan(record_of("Awa Ndiaye").artisan_id)
    assert not change.changed


def test_deleting_a_record_leaves_an_anonymous_page(client):
    record = record_of("Awa Ndiaye")
    page_id = record.artisan_id
    ArtisanRecord.objects.filter(pk=record.pk).delete()
    page = ArtisanPage.objects.get(pk=page_id)
    assert page.title == "Artisan anonyme, Centre de formation Jàng ak Liggéey"
    assert "Ndiaye" not in client.get(page.url).content.decode()


def test_a_product_naming_them_stays_on_sale_under_the_name_their_page_shows(client, withdrawal):
    stool = ProductPage.objects.get(slug="tabouret-trois-pieds-vene")
    assert stool.live
    assert "façonné par Artisan anonyme, Atelier du Baobab" in stool.description
    assert PageLogEntry.objects.filter(page=stool, action="stories.names_withdrawn").exists()
    html = BeautifulSoup(client.get(stool.url).content, "html.parser")
    assert html.select_one("form.add-to-cart") is not None


def test_the_editors_of_a_page_naming_them_are_told_by_e_mail(
    editor, django_capture_on_commit_callbacks, mailoutbox, keep_portrait_files
):
    stool = ProductPage.objects.get(slug="tabouret-trois-pieds-vene")
    ProductPage.objects.filter(pk=stool.pk).update(owner=editor)
    record = record_of("Ibrahima Sarr")
    record.consent_withdrawn_on = TODAY
    with django_capture_on_commit_callbacks(execute=True):
        save_record(record, user=None)
    sent = [message for message in mailoutbox if editor.email in message.to]
    assert len(sent) == 1
    assert stool.title in sent[0].subject
    assert "Sarr" not in sent[0].subject + sent[0].body


def test_an_earlier_order_names_the_maker_as_their_page_does_now(
    client, django_capture_on_commit_callbacks, keep_portrait_files
):
    stool = ProductPage.objects.get(slug="tabouret-trois-pieds-vene")
    order = place(ShopSettings.objects.first(), [(stool, 1)], pickup=True)
    record = record_of("Ibrahima Sarr")
    record.consent_withdrawn_on = TODAY
    with django_capture_on_commit_callbacks(execute=True):
        save_record(record, user=None)
    address = order_page_url(order).split("://", 1)[1].split("/", 1)[1]
    text = text_of(client.get(f"/{address}"))
    assert "par Artisan anonyme, Atelier du Baobab" in text
    assert_no_name(text)
    assert order.lines.get().artisan_name == "Ibrahima Sarr"  # the sale's record is kept


def test_a_record_saved_outside_the_admin_is_applied_once_committed(
    django_capture_on_commit_callbacks, keep_portrait_files
):
    record = record_of("Ibrahima Sarr")
    record.consent_withdrawn_on = TODAY
    with django_capture_on_commit_callbacks(execute=True):
        record.save()
    assert (
        ArtisanPage.objects.get(pk=record.artisan_id).title == "Artisan anonyme, Atelier du Baobab"
    )


def test_a_record_save_rolled_back_leaves_the_portrait_on_the_site(
    django_capture_on_commit_callbacks, keep_portrait_files
):
    record = record_of("Ibrahima Sarr")
    portrait_file = Path(settings.MEDIA_ROOT, record.artisan.portrait.file.name)
    record.consent_withdrawn_on = TODAY
    with (
        django_capture_on_commit_callbacks(execute=True),
        contextlib.suppress(RuntimeError),
        transaction.atomic(),
    ):
        record.save()
        raise RuntimeError("the caller's transaction fails after the save")
    assert portrait_file.exists()
    assert ArtisanPage.objects.get(pk=record.artisan_id).portrait_id is not None
