"""Highlighted snippets: the searched words marked in a page's text, safely.

The text is cut and split around the matches first, then every piece is
HTML-escaped, and only then wrapped in `<mark>`: nothing the page or the
visitor wrote is ever inserted as HTML.

Matching ignores case and accents and accepts the other forms of a word
(« tableaux » marks « tableau », "paintings" marks "painting"), as the stemming
search found them: a word matches from its start on all but its last two letters.
"""

import html
import re
import unicodedata

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SNIPPET_LENGTH = 220
# How much text to keep before the first match, so it is read in context.
LEAD = 60
ELLIPSIS = "…"
# Words shorter than this must match whole: « art » should not mark « artisan ».
MIN_PREFIX = 4


def _fold_char(char):
    """One character without accent, in lower case; always one character long."""
    base = unicodedata.normalize("NFKD", char)[0].lower()
    return base if len(base) == 1 else char


def fold(text):
    """The text without accents and in lower case, with the same length as the original."""
    return "".join(_fold_char(char) for char in text)


def plain_text(value):
    """Readable text from rich text or HTML: tags out, entities decoded, spaces collapsed."""
    text = strip_tags(str(value or "").replace("<", " <"))
    return " ".join(html.unescape(text).split())


def word_pattern(words):
    """A regular expression that finds the words (and their other forms) in folded text."""
    stems = set()
    for word in words:
        folded = fold(word)
        if len(folded) > MIN_PREFIX:
            folded = folded[: max(MIN_PREFIX, len(folded) - 2)]
        stems.add(re.escape(folded))
    if not stems:
        return None
    alternatives = "|".join(sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*")


def mark(text, pattern):
    """The text HTML-escaped, with each match of `pattern` wrapped in `<mark>`."""
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(fold(text)):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(text[match.start() : match.end()])}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 (every piece is escaped above)


def snippet(text, words, length=SNIPPET_LENGTH):
    """About `length` characters of `text` around the first searched word, highlighted."""
    text = plain_text(text)
    pattern = word_pattern(words)
    first = pattern.search(fold(text)) if pattern else None
    start = 0
    if first is not None and first.start() > LEAD:
        start = text.rfind(" ", 0, first.start() - LEAD) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    window = text[start:end].strip()
    prefix = ELLIPSIS + " " if start > 0 else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    return mark_safe(escape(prefix) + mark(window, pattern) + escape(suffix))  # noqa: S308
