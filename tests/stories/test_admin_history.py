"""The admin's history and record chooser show public names only, to the staff allowed."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageLogEntry

from stories.consent import save_record

from .conftest import TODAY, record_of

pytestmark = pytest.mark.django_db

HISTORY_URL = "/admin/reports/site-history/"
CHOOSER_URL = "/admin/snippets/choose/stories/artisanrecord/"
FORMER_NAME = "Ibrahima Sarr"


def withdraw(legal_name):
    record = record_of(legal_name)
    record.consent_withdrawn_on = TODAY
    save_record(record, user=None)
    return record


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


def history_named(client, name):
    """The site history's entries whose « Name » column contains `name`."""
    response = client.get(HISTORY_URL, {"label": name})
    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("table tbody tr")
    return " ".join(row.get_text(" ", strip=True) for row in rows)


def test_the_site_history_names_the_artisan_before_a_withdrawal(admin_client):
    # The premise of the tests below: the demo's history spells the name.
    assert FORMER_NAME in history_named(admin_client, "Sarr")


def test_the_site_history_forgets_a_withdrawn_artisan_s_name(admin_client):
    withdraw(FORMER_NAME)
    assert FORMER_NAME not in history_named(admin_client, "Sarr")
    assert "Artisan anonyme, " in history_named(admin_client, "Artisan anonyme")


def test_the_site_history_export_forgets_a_withdrawn_artisan_s_name(admin_client):
    withdraw(FORMER_NAME)
    response = admin_client.get(HISTORY_URL, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Artisan anonyme" in content
    assert FORMER_NAME not in content


def test_a_rename_logged_before_keeps_no_former_name(admin_client):
    page = record_of(FORMER_NAME).artisan
    PageLogEntry.objects.log_action(
        page, "wagtail.rename", data={"title": {"old": "Ibrahima", "new": FORMER_NAME}}
    )
    withdraw(FORMER_NAME)
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.rename").get()
    assert "Ibrahima" not in str(entry.data)
    assert "Ibrahima" not in history_named(admin_client, "Ibrahima")


def test_a_pseudonym_chosen_later_replaces_the_name_in_the_history(admin_client):
    record = record_of(FORMER_NAME)
    record.identity = "pseudonym"
    record.public_name = "Le Menuisier"
    save_record(record, user=None)
    assert FORMER_NAME not in history_named(admin_client, "Sarr")
    assert "Le Menuisier" in history_named(admin_client, "Menuisier")


def assert_refused(response):
    """Wagtail answers a refused admin view with a redirect to the dashboard, or a 403."""
    assert response.status_code in (302, 403)
    assert "Diamono" not in response.content.decode()


def test_page_editors_cannot_open_the_record_chooser(client, editor):
    client.force_login(editor)
    assert_refused(client.get(CHOOSER_URL))
    assert_refused(client.get(CHOOSER_URL + "results/"))


def test_page_editors_cannot_fetch_a_chosen_record(client, editor):
    client.force_login(editor)
    record = record_of("Pape Modou Ndoye")
    assert_refused(client.get(f"{CHOOSER_URL}chosen/{record.pk}/"))


def test_consent_staff_choose_records_listed_by_the_name_the_site_shows(client, consent_officer):
    client.force_login(consent_officer)
    response = client.get(CHOOSER_URL + "results/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    names = [link.get_text(" ", strip=True) for link in soup.select("tbody td a")]
    titles = [name for name in names if not name.startswith("Dossier sans page")]
    # Diamono is Pape Modou Ndoye: by legal name he would come after Ibrahima Sarr.
    assert titles.index("Diamono") < titles.index("Ibrahima Sarr")
    assert titles == sorted(titles, key=str.casefold)
