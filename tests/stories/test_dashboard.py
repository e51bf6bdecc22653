"""The admin home warns of consents ending within a month, naming artisans publicly only."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from stories.models import ArtisanRecord
from stories.models.private import Identity

pytestmark = pytest.mark.django_db


def panel(client):
    html = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return html.select_one("#stories_expiring_consents-section")


@pytest.fixture
def ending_soon(db):
    """One record ending in ten days, another in two months, whatever today's date."""
    today = timezone.localdate()
    records = list(
        # Pseudonymous or first-name-only: their legal name must not show.
        ArtisanRecord.objects.filter(consent_withdrawn_on__isnull=True, artisan__isnull=False)
        .exclude(identity=Identity.FULL_NAME)
        .select_related("artisan")
        .order_by("pk")[:2]
    )
    ArtisanRecord.objects.exclude(pk__in=[record.pk for record in records]).update(
        consent_valid_until=None
    )
    ArtisanRecord.objects.filter(pk=records[0].pk).update(
        consent_valid_until=today + timedelta(days=10)
    )
    ArtisanRecord.objects.filter(pk=records[1].pk).update(
        consent_valid_until=today + timedelta(days=60)
    )
    return records


def test_the_panel_counts_and_names_consents_ending_within_30_days(admin_client, ending_soon):
    found = panel(admin_client)
    assert found is not None
    assert found.select_one(".shop-dashboard__number").get_text(strip=True) == "1"
    rows = [row.get_text(" ", strip=True) for row in found.select("tbody tr")]
    assert len(rows) == 1 and ending_soon[0].artisan.title in rows[0]
    assert ending_soon[1].artisan.title not in found.get_text()


def test_editors_see_the_warning_without_the_private_record(client, editor, ending_soon):
    client.force_login(editor)
    found = panel(client)
    link = found.select_one("tbody a")
    assert ending_soon[0].artisan.title in link.get_text()
    assert "/admin/pages/" in link["href"]
    assert ending_soon[0].legal_name not in found.get_text()


def test_the_consent_officer_is_sent_to_the_private_record(client, consent_officer, ending_soon):
    client.force_login(consent_officer)
    link = panel(client).select_one("tbody a")
    assert "/admin/snippets/stories/artisanrecord/edit/" in link["href"]
