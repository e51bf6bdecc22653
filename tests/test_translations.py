"""French is the site's first language: every interface string has its French text."""

from pathlib import Path

import polib
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
