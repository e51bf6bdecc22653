"""No legal name, private note or offence reaches anything the public can fetch.

The crawl covers every live page in every language prefix, the story index's
filters and pages, the feeds, the sitemap, the JSON-LD inside pages, and search
results for each legal name and note fragment. Private files stay out of the
public media folder and out of anonymous reach.
"""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from stories import privacy
from stories.models import ArtisanPage, ArtisanRecord

from .conftest import public_urls

pytestmark = pytest.mark.django_db

# Fragments of the private notes shorter than this are too common to mean anything.
MIN_FRAGMENT_LENGTH = 24
# How the training centre pays everyone is told in the public story about the centre;
# a note repeating that general practice gives nothing away about the person.
PUBLIC_PRACTICES = {"Carnet d'épargne tenu par le centre"}


def note_fragments(notes):
    """The notes cut at punctuation into pieces long enough to be telling."""
    pieces = [piece.strip() for piece in re.split(r"[.;:()«»]| ; ", notes)]
    return [
        piece
        for piece in pieces
        if len(piece) >= MIN_FRAGMENT_LENGTH and piece not in PUBLIC_PRACTICES
    ]


@pytest.fixture
def secrets_on_record():
    """Everything that must never appear: forbidden names, note fragments, offence terms."""
    forbidden = []
    for record in ArtisanRecord.objects.all():
        forbidden += privacy.forbidden_names(record.legal_name, record.shown_name())
        forbidden += note_fragments(record.private_notes)
    assert "Aliou Seck" in forbidden  # withdrawn: his own name is now private
    assert "Pape Modou Ndoye" in forbidden and "Ndoye" in forbidden
    return forbidden


def leaks(content, forbidden, echoed=""):
    """The forbidden strings found in a response, the visitor's own query set aside."""
    text = privacy.normalise(content)
    if echoed:
        for form in (echoed, escape(echoed)):
            text = text.replace(privacy.normalise(form), " ")
    return [
        secret for secret in forbidden if privacy.private_names_in(text, [secret])
    ] + privacy.offence_terms_in(text)


def test_the_crawl_reaches_every_kind_of_public_page(client):
    urls = public_urls()
    assert any(url.startswith("/en/") for url in urls)
    kinds = {type(page).__name__ for page in Page.objects.live().public().specific()}
    assert {"StoryPage", "ArtisanPage", "ProductPage", "HomePage", "StandardPage"} <= kinds


def test_no_public_page_feed_or_sitemap_contains_a_secret(
    client, secrets_on_record, warm_renditions
):
    found = {}
    fetched = 0
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        fetched += 1
        content = response.content.decode()
        leaked = leaks(content, secrets_on_record)
        if leaked:
            found[url] = leaked
        # JSON-LD is data for machines, but public all the same.
        if response["Content-Type"].startswith("text/html"):
            for script in BeautifulSoup(content, "html.parser").select(
                'script[type="application/ld+json"]'
            ):
                json.loads(script.string)  # well-formed
                assert not leaks(script.string, secrets_on_record), url
    assert fetched > 60
    assert found == {}


def test_searching_for_a_legal_name_or_a_note_finds_nothing_about_the_person(
    client, secrets_on_record
):
    for secret in secrets_on_record:
        response = client.get("/fr/search/", {"q": secret})
        assert response.status_code == 200
        assert leaks(response.content.decode(), secrets_on_record, echoed=secret) == [], secret
    for record in ArtisanRecord.objects.all():
        if record.shown_name():
            continue  # a name on the site is meant to be found
        html = BeautifulSoup(
            client.get("/fr/search/", {"q": record.legal_name}).content, "html.parser"
        )
        assert html.select(".search-results li") == [], record.legal_name


def test_private_files_live_outside_the_public_media_folder(client):
    documents = list(get_document_model().objects.all())
    assert documents  # consent forms of the demo, and the withdrawn portrait
    media = Path(settings.MEDIA_ROOT).resolve()
    for document in documents:
        assert media not in Path(document.file.path).resolve().parents
        # Anonymous visitors are sent to log in; nothing is served.
        response = client.get(document.url)
        assert response.status_code in (302, 403)
        assert b"Dossier" not in response.content


def test_only_consent_staff_can_download_a_consent_form(client, editor, consent_officer):
    document = ArtisanRecord.objects.exclude(consent_document=None).first().consent_document
    client.force_login(editor)
    refused = client.get(document.url)
    assert refused.status_code in (302, 403)  # sent to log in as someone allowed
    assert not getattr(refused, "streaming", False)
    client.force_login(consent_officer)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"formulaire de consentement" in b"".join(response.streaming_content)


def test_page_revisions_and_the_page_editor_hold_no_private_detail(admin_client):
    records = list(ArtisanRecord.objects.all())
    notes = [fragment for record in records for fragment in note_fragments(record.private_notes)]
    # Legal names that were never shown (a former public name stays in the page history).
    never_shown = [
        record.legal_name for record in records if record.legal_name != record.public_name
    ]
    assert notes and never_shown
    revisions = Revision.page_revisions.filter(content_type__model__in=["artisanpage", "storypage"])
    for revision in revisions:
        content = str(revision.content)
        assert not [secret for secret in notes + never_shown if secret in content]
    for page in ArtisanPage.objects.all():
        html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
        assert not [secret for secret in notes + never_shown if escape(secret) in html], page.pk
