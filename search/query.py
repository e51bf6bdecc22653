"""What a visitor typed, made safe to search for and to show back.

A query string comes from anyone: it may be empty, thousands of characters long,
only punctuation, SQL, unbalanced quotes, NUL bytes or lone surrogates (which
no database accepts). `clean_query()` keeps the words (letters and digits) and
drops everything else, so the search backends only ever see plain words: no
quote, operator or backslash reaches PostgreSQL's `to_tsquery` or SQLite's FTS5.
"""

import re
import unicodedata
from dataclasses import dataclass

# Longer queries are cut here: no shopper types more, and the index gains nothing.
MAX_QUERY_LENGTH = 200
# Words beyond this are dropped: each one is a term every result must contain.
MAX_WORDS = 10

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class CleanQuery:
    """A query reduced to words, with what was changed to say so to the visitor."""

    text: str  # what the visitor typed, printable, shortened: shown back in the search box
    words: tuple[str, ...]  # what is searched for
    shortened: bool = False

    @property
    def terms(self):
        """The words joined with spaces: the string given to the search backend."""
        return " ".join(self.words)

    @property
    def is_empty(self):
        return not self.text

    @property
    def has_words(self):
        return bool(self.words)


def printable(text):
    """The text without control characters, NUL bytes or lone surrogates; spaces collapsed."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":  # a lone surrogate cannot be encoded, stored or shown
            continue
        kept.append(" " if category.startswith(("C", "Z")) else char)
    return " ".join("".join(kept).split())


def clean_query(raw):
    """The visitor's query made safe: printable, at most `MAX_QUERY_LENGTH` characters, words."""
    text = printable(str(raw or ""))
    shortened = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    words = _WORD.findall(text)
    if len(words) > MAX_WORDS:
        words, shortened = words[:MAX_WORDS], True
    return CleanQuery(text=text, words=tuple(words), shortened=shortened)
