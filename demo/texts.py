"""The demo's fictional texts, one data file per language in `demo/content/`.

`fr.json` is the site as `load_demo` creates it: pages, workshops, artisans,
products, stories, partners, staff users and demo orders, named by stable slugs.
`en.json` holds the English translations, keyed by the French page's slug:
`load_demo` makes each one the way an editor does (Wagtail's « Translate »,
`copy_for_translation`), then writes these texts into the copy and publishes it.
Prices, stock, makers and categories are not in it: a translation shares them
with the French page. Stream bodies are lists of [block type, value] pairs.
"""

import json
from functools import cache
from pathlib import Path
from types import SimpleNamespace

CONTENT = Path(__file__).resolve().parent / "content"


@cache
def read(language):
    """The texts of one language, each top-level key an attribute (`texts.read("fr").HOME`)."""
    with (CONTENT / f"{language}.json").open(encoding="utf-8") as source:
        return SimpleNamespace(**json.load(source))
