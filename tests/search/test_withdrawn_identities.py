"""A person who withdrew their consent is never found by their name, in either language."""

import pytest
from django.utils import timezone

from stories.consent import save_record
from stories.models import ArtisanRecord

from .conftest import results, search

pytestmark = pytest.mark.django_db


def found_text(client, query, language):
    return " ".join(title for _kind, title, _url in results(search(client, query, language)))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_demos_withdrawn_artisan_is_found_by_neither_name(client, language):
    record = ArtisanRecord.objects.get(legal_name="Aliou Seck")
    assert record.consent_withdrawn_on is not None
    for query in ("Aliou Seck", "Aliou", "Seck"):
        assert not results(search(client, query, language)), query
    assert not results(search(client, "Pape Modou Ndoye", language))  # a legal name never shown


def test_a_withdrawal_updates_the_search_index_at_once(client, django_capture_on_commit_callbacks):
    record = ArtisanRecord.objects.select_related("artisan").get(legal_name="Fatou Diatta")
    assert "Fatou Diatta" in found_text(client, "Fatou Diatta", "fr")
    assert "Fatou Diatta" in found_text(client, "Fatou Diatta", "en")
    record.consent_withdrawn_on = timezone.localdate()
    save_record(record, user=None)
    for language in ("fr", "en"):
        assert "Fatou" not in found_text(client, "Fatou", language)
        assert not results(search(client, "Diatta", language))
        anonymous = results(search(client, "Kassoumay", language, type="artisans"))
        assert anonymous  # the page stays, under an anonymous name
