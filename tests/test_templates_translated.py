"""Every sentence a visitor reads in a template goes through translation.

The check reads each `templates/**/*.html`, removes what is translated
(`{% translate %}`, `{% blocktranslate %}...{% endblocktranslate %}`), template
variables, tags and comments, then looks at what is left in text and in the
attributes people read (alt, title, placeholder, aria-label, button values):
a word there is a bare French or English sentence. Punctuation, symbols and
numbers may stay; so may the few names in `ALLOWED`.
"""

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Names that are the same in every language (the brand, feed formats).
ALLOWED = {"Mains Libres", "Stripe", "RSS", "Atom"}
READ_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "label"}
BUTTON_TYPES = {"submit", "button", "reset"}

TRANSLATED_BLOCK = re.compile(
    r"{%-?\s*blocktrans(?:late)?\b.*?%}.*?{%-?\s*endblocktrans(?:late)?\s*-?%}", re.S
)
COMMENT_BLOCK = re.compile(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", re.S)
# Blocks that hold class names, not text.
CLASS_BLOCK = re.compile(r"{%\s*block\s+\w*class\w*\s*%}.*?{%\s*endblock\b.*?%}", re.S)
TEMPLATE_CODE = re.compile(r"{#.*?#}|{%.*?%}|{{.*?}}", re.S)
WORD = re.compile(r"[^\W\d_]{2,}")


def untranslated_parts(source):
    """Text and read attributes of a template that still hold a word once translations go."""
    source = COMMENT_BLOCK.sub(" ", source)
    source = CLASS_BLOCK.sub(" ", source)
    source = TRANSLATED_BLOCK.sub(" ", source)
    source = TEMPLATE_CODE.sub(" ", source)
    collector = _Collector()
    collector.feed(source)
    found = []
    for text in collector.texts:
        shown = html.unescape(text)
        for name in ALLOWED:
            shown = shown.replace(name, " ")
        if WORD.search(shown):
            found.append(" ".join(text.split()))
    return found


class _Collector(HTMLParser):
    """Gathers text nodes and the attribute values people read; skips scripts and styles."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.texts = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        values = dict(attrs)
        for name, value in attrs:
            read = name in READ_ATTRIBUTES or (
                name == "value" and tag == "input" and values.get("type") in BUTTON_TYPES
            )
            if read and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.texts.append(data)


def test_the_check_finds_bare_sentences_and_accepts_translated_ones():
    bare = '<p>Livraison gratuite</p><img alt="A basket" src="{{ url }}"><button>OK</button>'
    assert untranslated_parts(bare) == ["Livraison gratuite", "A basket", "OK"]
    translated = (
        "{% load i18n %}<p>{% translate 'Free delivery' %} · {{ price }} €</p>"
        '<img alt="{% translate "A basket" %}">{% blocktranslate %}Hello {{ name }}'
        "{% endblocktranslate %}{# a comment #}<p>Mains Libres — 2026</p>"
        "{% block body_class %}page-home{% endblock %}"
        '<script type="application/ld+json">{"name": "x"}</script>'
    )
    assert untranslated_parts(translated) == []


def test_every_template_sentence_is_marked_for_translation():
    found = {}
    for path in sorted(TEMPLATES.rglob("*.html")):
        parts = untranslated_parts(path.read_text(encoding="utf-8"))
        if parts:
            found[str(path.relative_to(TEMPLATES))] = parts
    assert not found, f"Bare text in templates (wrap it in {{% translate %}}): {found}"
