"""In the admin: consent staff keep private records; page editors never see them."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.test.utils.form_data import nested_form_data, rich_text

from staff.groups import PUBLIC_DOCUMENTS_COLLECTION
from stories.access import PRIVATE_COLLECTION_NAME
from stories.models import ArtisanIndexPage, ArtisanPage, ArtisanRecord, Workshop

from .conftest import TODAY, artisan_of, make_artisan, record_form_data, record_of

pytestmark = pytest.mark.django_db

RECORDS_URL = reverse("wagtailsnippets_stories_artisanrecord:list")


def record_data(**values):
    data = {
        "artisan": "",
        "identity": "anonymous",
        "public_name": "",
        "legal_name": "Binta Sow",
        "private_notes": "",
        "consent_document": "",
        "consent_given_on": (TODAY - timedelta(days=3)).isoformat(),
        "consent_valid_until": "",
        "consent_withdrawn_on": "",
        "consent_story": "on",
    }
    data.update(values)
    return data


def errors_in(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def test_page_editors_cannot_open_private_records(client, editor):
    client.force_login(editor)
    response = client.get(RECORDS_URL)
    assert response.status_code in (302, 403)
    record = record_of("Pape Modou Ndoye")
    edit = client.get(reverse("wagtailsnippets_stories_artisanrecord:edit", args=[record.pk]))
    assert edit.status_code in (302, 403)
    assert "Pape Modou Ndoye" not in client.get("/admin/").content.decode()


def test_consent_staff_see_the_records_with_their_consent_today(client, consent_officer):
    client.force_login(consent_officer)
    response = client.get(RECORDS_URL)
    assert response.status_code == 200
    text = errors_in(response)
    assert "Pape Modou Ndoye" in text  # the legal name, for staff
    assert "retiré" in text  # Aliou Seck's consent today


def test_the_artisan_editor_shows_what_consent_allows_but_no_private_detail(client, editor):
    client.force_login(editor)
    page = record_of("Pape Modou Ndoye").artisan
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Diamono" in html and "pseudonyme" in html
    assert "Aucun portrait ne peut être affiché" in html
    assert "Pape Modou" not in html and "pécule" not in html


def test_an_identity_the_consent_does_not_cover_is_refused_in_french(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_stories_artisanrecord:add"),
        record_data(identity="full_name", public_name="Binta Sow"),
    )
    assert response.status_code == 200
    assert "Le consentement ne couvre pas le nom" in errors_in(response)
    assert not ArtisanRecord.objects.filter(legal_name="Binta Sow").exists()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"private_notes": "Condamné pour escroquerie en 2019."}, "information judiciaire"),
        ({"consent_withdrawn_on": (TODAY + timedelta(days=2)).isoformat()}, "pas à l’avance"),
        ({"identity": "pseudonym", "public_name": "Binta Sow"}, "nom d’état civil"),
        ({"consent_given_on": ""}, "Indiquez la date"),
    ],
)
def test_bad_records_are_refused_with_a_reason(admin_client, values, message):
    response = admin_client.post(
        reverse("wagtailsnippets_stories_artisanrecord:add"), record_data(**values)
    )
    assert response.status_code == 200
    assert message in errors_in(response)
    assert not ArtisanRecord.objects.filter(legal_name="Binta Sow").exists()


def test_a_new_artisan_page_is_anonymous_until_consent_is_recorded(admin_client):
    workshop = Workshop.objects.get(name="Atelier du Fleuve")
    data = nested_form_data(
        {
            "workshop": workshop.pk,
            "craft": "tisserand",
            "profile": rich_text("<p>Il tisse.</p>"),
        }
    )
    data["action-publish"] = "publish"
    parent = ArtisanIndexPage.objects.get(locale__language_code="fr")
    url = reverse("wagtailadmin_pages:add", args=["stories", "artisanpage", parent.pk])
    assert admin_client.post(url, data).status_code == 302
    page = ArtisanPage.objects.get(craft="tisserand")
    assert page.live and page.title == "Artisan anonyme, Atelier du Fleuve"
    assert page.slug.startswith("artisan-anonyme-atelier-du-fleuve")

    response = admin_client.post(
        reverse("wagtailsnippets_stories_artisanrecord:add"),
        record_data(
            artisan=page.pk,
            identity="pseudonym",
            public_name="Fil d'Or",
            consent_face="on",
        ),
        follow=True,
    )
    assert "Le site présente désormais cet artisan comme « Fil d'Or »" in errors_in(response)
    page.refresh_from_db()
    assert (page.title, page.slug, page.is_anonymous) == ("Fil d'Or", "fil-dor", False)


def test_a_portrait_without_face_consent_is_refused_in_the_editor(admin_client):
    page = make_artisan(face=False)
    data = nested_form_data(
        {
            "workshop": page.workshop_id,
            "craft": page.craft,
            "profile": rich_text(page.profile),
            "portrait": get_image_model().objects.first().pk,
        }
    )
    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 200
    assert "ne couvre pas son visage" in errors_in(response)


def test_private_documents_are_hidden_from_page_editors(client, editor, consent_officer):
    document = record_of("Ibrahima Sarr").consent_document
    assert document.collection.name == PRIVATE_COLLECTION_NAME
    client.force_login(editor)
    listing = client.get(reverse("wagtaildocs:index"))
    assert document.title not in listing.content.decode()
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code in (302, 403)
    client.force_login(consent_officer)
    assert client.get(reverse("wagtaildocs:edit", args=[document.pk])).status_code == 200


def test_page_editors_keep_a_public_document_collection(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtaildocs:add"))
    assert response.status_code == 200
    assert PUBLIC_DOCUMENTS_COLLECTION in response.content.decode()
    assert PRIVATE_COLLECTION_NAME not in response.content.decode()
    assert get_document_model().__name__ == "ProtectedDocument"


def test_deployment_check_warns_when_private_files_stay_on_one_disk(settings):
    from stories.checks import private_files_are_shared

    settings.AWS_STORAGE_BUCKET_NAME = ""
    assert private_files_are_shared(None) == []
    settings.AWS_STORAGE_BUCKET_NAME = "mainslibres-media"
    assert [warning.id for warning in private_files_are_shared(None)] == ["stories.W001"]


def test_a_record_moved_to_another_page_leaves_the_former_page_anonymous(admin_client):
    record = record_of("Khady Badji")
    former_page = record.artisan
    new_page = ArtisanPage(
        workshop=former_page.workshop, craft="brodeuse", profile="<p>Elle brode.</p>", live=False
    )
    ArtisanIndexPage.objects.get(locale__language_code="fr").add_child(instance=new_page)
    response = admin_client.post(
        reverse("wagtailsnippets_stories_artisanrecord:edit", args=[record.pk]),
        record_form_data(record, artisan=new_page.pk),
    )
    assert response.status_code == 302
    former_page.refresh_from_db()
    assert former_page.is_anonymous
    assert ArtisanPage.objects.get(pk=new_page.pk).title == "Khady"


def test_the_record_s_history_names_who_changed_it(admin_client, admin_user):
    record = record_of("Khady Badji")
    admin_client.post(
        reverse("wagtailsnippets_stories_artisanrecord:edit", args=[record.pk]),
        record_form_data(record, private_notes="Rappeler en mars."),
    )
    entry = ModelLogEntry.objects.for_instance(record).get(action="wagtail.edit")
    assert entry.user == admin_user


def workshop_data(workshop, **changes):
    data = {
        "name": workshop.name,
        "kind": workshop.kind,
        "city": workshop.city,
        "region": workshop.region,
        "description": workshop.description,
    }
    data.update(changes)
    return data


def identity_updates(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action="stories.identity_update")


def test_renaming_a_workshop_renames_its_anonymous_artisans_and_says_so(admin_client, admin_user):
    page = artisan_of("Samba Dieng")
    workshop = page.workshop
    before = identity_updates(page).count()
    response = admin_client.post(
        reverse("wagtailsnippets_stories_workshop:edit", args=[workshop.pk]),
        workshop_data(workshop, name="Centre Jàng"),
        follow=True,
    )
    assert ArtisanPage.objects.get(pk=page.pk).title == "Artisan anonyme, Centre Jàng"
    assert "Le site présente désormais cet artisan comme « Artisan anonyme, Centre Jàng »" in (
        errors_in(response)
    )
    assert identity_updates(page).count() == before + 1
    assert identity_updates(page).latest("pk").user == admin_user
    entry = ModelLogEntry.objects.for_instance(workshop).get(action="wagtail.edit")
    assert entry.user == admin_user


def test_a_workshop_edited_without_a_new_name_renames_nobody(admin_client):
    page = artisan_of("Samba Dieng")
    workshop = page.workshop
    before = identity_updates(page).count()
    response = admin_client.post(
        reverse("wagtailsnippets_stories_workshop:edit", args=[workshop.pk]),
        workshop_data(workshop, description="Un atelier de menuiserie."),
    )
    assert response.status_code == 302
    assert Workshop.objects.get(pk=workshop.pk).description == "Un atelier de menuiserie."
    assert ArtisanPage.objects.get(pk=page.pk).title == page.title
    assert identity_updates(page).count() == before


def test_a_new_workshop_is_created_from_the_admin(admin_client, admin_user):
    response = admin_client.post(
        reverse("wagtailsnippets_stories_workshop:add"),
        {"name": "Atelier de Rebeuss", "kind": "prison", "city": "Dakar", "region": "Dakar"},
    )
    assert response.status_code == 302
    workshop = Workshop.objects.get(name="Atelier de Rebeuss")
    entry = ModelLogEntry.objects.for_instance(workshop).get(action="wagtail.create")
    assert entry.user == admin_user
