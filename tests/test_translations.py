"""French is the site's first language: every interface string has its French text."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

FRENCH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_every_interface_string_is_translated_into_french():
    catalogue = polib.pofile(str(FRENCH_CATALOGUE))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"Untranslated: {missing}"
    assert not fuzzy, f"Fuzzy: {fuzzy}"


def test_the_french_site_speaks_french(client, home):
    text = client.get(home.url).content.decode()
    assert "Aller au contenu" in text
    assert "Panier" in text


def test_the_compiled_french_catalogue_is_the_current_one():
    """`make messages` (run by `make test`, `make run` and CI) compiled the .po being tested."""
    from django.utils import translation

    catalogue = polib.pofile(str(FRENCH_CATALOGUE))
    stale = []
    with translation.override("fr"):
        for entry in catalogue.translated_entries():
            if entry.msgid_plural:
                shown = translation.ngettext(entry.msgid, entry.msgid_plural, 1)
                expected = entry.msgstr_plural[0]
            elif entry.msgctxt:
                shown, expected = translation.pgettext(entry.msgctxt, entry.msgid), entry.msgstr
            else:
                shown, expected = translation.gettext(entry.msgid), entry.msgstr
            if shown != expected:
                stale.append(entry.msgid)
    assert not stale, f"Compiled catalogue out of date (run `make messages`): {stale[:5]}"


@pytest.mark.django_db
def test_the_english_site_speaks_english(client):
    from home.models import HomePage

    text = client.get(HomePage.objects.get(locale__language_code="en").url).content.decode()
    assert "Skip to content" in text and "Cart" in text
